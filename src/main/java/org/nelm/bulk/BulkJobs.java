package org.nelm.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Repository;

/**
 * Import jobs and their committed batches. Which node runs a job is the engine's job executor's business (the
 * job's lock); what makes a run safe to repeat is here: a batch commits with its results row, and a run writes a
 * batch only while it holds the job row and no results row for the batch exists.
 */
@Repository
class BulkJobs {

    private final JdbcClient jdbc;

    BulkJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the job with its file, streamed into the row. */
    void insert(BulkJob job, String fileName, long size, InputStreamSource file) {
        jdbc.sql("""
                        insert into nelm_bulk_job (id, source_id, status, file_name, file_data, row_count, batch_size,
                            created_count, updated_count, failed_count, created, modified)
                        values (:id, :sourceId, :status, :fileName, :file, :rowCount, :batchSize, 0, 0, 0, :created, :created)
                        """)
                .param("id", job.id())
                .param("sourceId", job.sourceId())
                .param("status", job.status().name())
                .param("fileName", fileName)
                .param("file", new SqlBinaryValue(file, size))
                .param("rowCount", job.rowCount())
                .param("batchSize", job.batchSize())
                .param("created", job.created())
                .update();
    }

    Optional<BulkJob> find(String id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(BulkJobs::map).optional();
    }

    Optional<BulkJob> newest(String sourceId) {
        return jdbc.sql(SELECT + " where source_id = :sourceId order by created desc, id desc fetch first 1 rows only")
                .param("sourceId", sourceId).query(BulkJobs::map).optional();
    }

    byte[] file(String id) {
        return jdbc.sql("select file_data from nelm_bulk_job where id = :id").param("id", id)
                .query((rs, row) -> rs.getBytes(1)).single();
    }

    /**
     * PENDING or IN_PROGRESS becomes IN_PROGRESS (a run starts or resumes); empty when the job has ended or is gone
     * (its source was deleted), i.e. there is nothing left to run.
     */
    Optional<BulkJob> markRunning(String id, OffsetDateTime now) {
        int running = jdbc.sql("""
                        update nelm_bulk_job set status = 'IN_PROGRESS', modified = :now
                        where id = :id and status in ('PENDING', 'IN_PROGRESS')
                        """)
                .param("id", id).param("now", now).update();
        return running == 1 ? find(id) : Optional.empty();
    }

    /**
     * Locks the job row for a batch's transaction; false when the job has ended or is gone. Two runs of one job (the
     * second started after the first's job lock expired) take turns on this lock, batch by batch.
     */
    boolean lockRunning(String id) {
        return jdbc.sql("select status from nelm_bulk_job where id = :id for update").param("id", id)
                .query(String.class).optional().filter("IN_PROGRESS"::equals).isPresent();
    }

    List<Integer> committedBatches(String jobId) {
        return jdbc.sql("select batch_no from nelm_bulk_batch where job_id = :id").param("id", jobId)
                .query(Integer.class).list();
    }

    boolean batchCommitted(String jobId, int batchNo) {
        return jdbc.sql("select count(*) from nelm_bulk_batch where job_id = :id and batch_no = :batchNo")
                .param("id", jobId).param("batchNo", batchNo).query(Integer.class).single() > 0;
    }

    /** Records a committed batch with its per-row results, in the batch's transaction. */
    void commitBatch(String jobId, int batchNo, int created, int updated, int failed, String resultsJson,
                     OffsetDateTime now) {
        jdbc.sql("update nelm_bulk_job set modified = :now where id = :id").param("id", jobId).param("now", now)
                .update();
        jdbc.sql("""
                        insert into nelm_bulk_batch (job_id, batch_no, created_count, updated_count, failed_count,
                            results_json, committed)
                        values (:id, :batchNo, :created, :updated, :failed, :results, :now)
                        """)
                .param("id", jobId).param("batchNo", batchNo).param("created", created).param("updated", updated)
                .param("failed", failed).param("results", resultsJson).param("now", now)
                .update();
    }

    /**
     * Ends a PENDING or IN_PROGRESS job with the totals of its committed batches: ERROR when any row failed or
     * errorText is set, else COMPLETED. Empty when it had already ended or is gone, so of two runs only one ends it.
     * The file is emptied unless {@code keepFile} (a failed import may be retried from Cockpit); the per-row results
     * stay.
     */
    Optional<BulkJob> finish(String jobId, String errorText, boolean keepFile, OffsetDateTime now) {
        int[] totals = jdbc.sql("""
                        select coalesce(sum(created_count), 0), coalesce(sum(updated_count), 0),
                            coalesce(sum(failed_count), 0)
                        from nelm_bulk_batch where job_id = :id
                        """)
                .param("id", jobId).query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        JobStatus status = errorText != null || totals[2] > 0 ? JobStatus.ERROR : JobStatus.COMPLETED;
        String fileData = keepFile ? "file_data" : ":noFile";
        int ended = jdbc.sql("""
                        update nelm_bulk_job set created_count = :created, updated_count = :updated,
                            failed_count = :failed, status = :status, error_text = :errorText, modified = :now,
                            file_data = %s
                        where id = :id and status in ('PENDING', 'IN_PROGRESS')
                        """.formatted(fileData))
                .param("id", jobId).param("created", totals[0]).param("updated", totals[1])
                .param("failed", totals[2]).param("status", status.name()).param("errorText", errorText)
                .param("now", now).param("noFile", new byte[0])
                .update();
        return ended == 1 ? find(jobId) : Optional.empty();
    }

    /** An import that failed (ERROR with an error text) runs again: an operator retried its job in Cockpit. */
    boolean reopen(String jobId, OffsetDateTime now) {
        return jdbc.sql("""
                        update nelm_bulk_job set status = 'IN_PROGRESS', error_text = null, modified = :now
                        where id = :id and status = 'ERROR' and error_text is not null
                        """)
                .param("id", jobId).param("now", now).update() == 1;
    }

    List<String> batchResults(String jobId) {
        return jdbc.sql("select results_json from nelm_bulk_batch where job_id = :id order by batch_no")
                .param("id", jobId).query(String.class).list();
    }

    private static final String SELECT = """
            select id, source_id, status, row_count, batch_size, created_count, updated_count, failed_count,
                error_text, created, modified
            from nelm_bulk_job""";

    private static BulkJob map(ResultSet rs, int row) throws SQLException {
        return new BulkJob(rs.getString("id"), rs.getString("source_id"), JobStatus.valueOf(rs.getString("status")),
                rs.getInt("row_count"), rs.getInt("batch_size"), rs.getInt("created_count"),
                rs.getInt("updated_count"), rs.getInt("failed_count"), rs.getString("error_text"),
                rs.getObject("created", OffsetDateTime.class), rs.getObject("modified", OffsetDateTime.class));
    }
}
