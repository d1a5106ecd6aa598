package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ChildNode;
import org.nelm.support.ClusterIntegration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node killed (SIGKILL) in the middle of a CSV import it runs: the surviving node's job executor takes the import's
 * job over once the dead node's lock on it has expired and finishes it after the last committed batch, every row
 * written once, within the bound. The doomed node writes small batches, so that the kill certainly falls between two
 * of them.
 */
@ClusterIntegration
class DeadNodeBulkImportIT {

    private static final int ROWS = 6000;
    private static final int BATCH = 50;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    BulkJobs jobs;

    @Autowired
    BulkImports imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportOfAKilledNodeIsFinishedBySurvivorWithEveryRowOnceWithinTheBound() throws Exception {
        Api admin = Api.as(port, "admin");
        String sourceId = RecordFixtures.source(admin);
        String jobId;
        try (ChildNode doomed = ChildNode.start(environment, "nelm.bulk.batch-size=" + BATCH)) {
            ApiResponse accepted = BulkFiles.upload(Api.as(doomed.port(), "admin"), sourceId,
                    BulkFiles.rows("dead-node.", ROWS));
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            jobId = accepted.json().get("id").asText();
            String job = jobId;
            assertThat(awaitUntil(Instant.now().plus(BOUND), () -> committedBatches(job) >= 2))
                    .as("the doomed node is importing").isTrue();

            Instant killed = doomed.kill();

            // nothing commits for a dead node: what is committed now is what it did
            long byTheDead = committedBatches(jobId);
            assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(byTheDead).as("the kill fell in the middle of the import").isLessThan(ROWS / BATCH);
            boolean done = awaitUntil(killed.plus(BOUND),
                    () -> jobs.find(job).orElseThrow().status() != JobStatus.IN_PROGRESS);
            Duration resumed = Duration.between(killed, Instant.now());
            System.out.printf("Bulk import: %d rows, killed after %d of %d batches, done %d ms after the kill%n",
                    ROWS, byTheDead, ROWS / BATCH, resumed.toMillis());
            assertThat(done).as("the import ended within %s of the kill", BOUND).isTrue();
        }

        BulkJob finished = jobs.find(jobId).orElseThrow();
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.createdCount()).isEqualTo(ROWS);
        assertThat(finished.updatedCount()).as("no batch written twice").isZero();
        assertThat(BulkFiles.recordCount(admin, sourceId)).isEqualTo(ROWS);
        assertThat(imports.results(finished).rows()).hasSize(ROWS)
                .allMatch(row -> row.outcome() == RowResult.Outcome.CREATED);
        RecordFixtures.deleteSource(admin, sourceId);
    }

    private long committedBatches(String jobId) {
        return jdbc.sql("select count(*) from nelm_bulk_batch where job_id = :id").param("id", jobId)
                .query(Long.class).single();
    }

    /** Polls the condition until it holds or the deadline passes; true when it held. */
    private static boolean awaitUntil(Instant deadline, BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
