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
 * Import jobs and their committed batches. A job is claimed by one node at a time with a conditional update;
 * the node's heartbeat moves while it holds the job and with every committed batch, so a job whose node died is
 * recognised and taken over.
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

    /** Takes the job for this node if it is pending, or running on a node that stopped beating before staleBefore. */
    boolean claim(String id, String owner, OffsetDateTime now, OffsetDateTime staleBefore) {
        return jdbc.sql("""
                        update nelm_bulk_job set status = 'IN_PROGRESS', owner = :owner, heartbeat = :now, modified = :now
                        where id = :id and (status = 'PENDING' or (status = 'IN_PROGRESS' and heartbeat < :staleBefore))
                        """)
                .param("id", id).param("owner", owner).param("now", now).param("staleBefore", staleBefore)
                .update() == 1;
    }

    /** Moves the heartbeat of those of the given jobs that this node still holds. */
    void beat(List<String> ids, String owner, OffsetDateTime now) {
        jdbc.sql("""
                        update nelm_bulk_job set heartbeat = :now
                        where id in (:ids) and owner = :owner and status = 'IN_PROGRESS'
                        """)
                .param("ids", ids).param("owner", owner).param("now", now)
                .update();
    }

    /** Jobs nobody works on: pending since before pendingBefore, or running with a heartbeat before staleBefore. */
    List<String> orphans(OffsetDateTime pendingBefore, OffsetDateTime staleBefore) {
        return jdbc.sql("""
                        select id from nelm_bulk_job
                        where (status = 'PENDING' and modified < :pendingBefore)
                           or (status = 'IN_PROGRESS' and heartbeat < :staleBefore)
                        order by created
                        """)
                .param("pendingBefore", pendingBefore).param("staleBefore", staleBefore)
                .query(String.class).list();
    }

    List<Integer> committedBatches(String jobId) {
        return jdbc.sql("select batch_no from nelm_bulk_batch where job_id = :id").param("id", jobId)
                .query(Integer.class).list();
    }

    /**
     * Records a committed batch and beats the heart, in the batch's transaction; false when another node has
     * taken the job over meanwhile (the caller then rolls the batch back).
     */
    boolean commitBatch(String jobId, String owner, int batchNo, int created, int updated, int failed,
                        String resultsJson, OffsetDateTime now) {
        int owned = jdbc.sql("""
                        update nelm_bulk_job set heartbeat = :now, modified = :now
                        where id = :id and owner = :owner and status = 'IN_PROGRESS'
                        """)
                .param("id", jobId).param("owner", owner).param("now", now).update();
        if (owned == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into nelm_bulk_batch (job_id, batch_no, created_count, updated_count, failed_count,
                            results_json, committed)
                        values (:id, :batchNo, :created, :updated, :failed, :results, :now)
                        """)
                .param("id", jobId).param("batchNo", batchNo).param("created", created).param("updated", updated)
                .param("failed", failed).param("results", resultsJson).param("now", now)
                .update();
        return true;
    }

    /**
     * Ends the job with the totals of its committed batches; status ERROR when any row failed or errorText is set.
     * The file is emptied: nothing reads it once the job has ended, and the per-row results stay.
     */
    void finish(String jobId, String owner, String errorText, OffsetDateTime now) {
        jdbc.sql("""
                        update nelm_bulk_job set
                            created_count = (select coalesce(sum(created_count), 0) from nelm_bulk_batch where job_id = :id),
                            updated_count = (select coalesce(sum(updated_count), 0) from nelm_bulk_batch where job_id = :id),
                            failed_count = (select coalesce(sum(failed_count), 0) from nelm_bulk_batch where job_id = :id),
                            error_text = :errorText, modified = :now, heartbeat = :now, file_data = :noFile
                        where id = :id and (owner = :owner or owner is null)
                        """)
                .param("id", jobId).param("owner", owner).param("errorText", errorText).param("now", now)
                .param("noFile", new byte[0])
                .update();
        jdbc.sql("""
                        update nelm_bulk_job set status = case when failed_count > 0 or error_text is not null
                            then 'ERROR' else 'COMPLETED' end
                        where id = :id and (owner = :owner or owner is null)
                        """)
                .param("id", jobId).param("owner", owner).update();
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
