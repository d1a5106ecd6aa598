package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.bulk.BulkFiles.recordCount;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordFixtures;
import org.nelm.source.SourcePolicies;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A run that ends mid-import: here it stops after one committed batch (as a killed JVM would, leaving the job
 * IN_PROGRESS), and the import's job, run by the job executor, continues after that batch. A real killed JVM is
 * {@code DeadNodeBulkImportIT}; every path of the process step by step is {@code BulkImportProcessTest}.
 */
@ApiIntegration
class BulkJobRecoveryIT {

    @LocalServerPort
    int port;

    @Autowired
    BulkImports imports;

    @Autowired
    BulkImportRun run;

    @Autowired
    BulkImportProcess process;

    @Autowired
    BulkJobs jobs;

    @Autowired
    SourcePolicies sources;

    Api admin;
    String sourceId;

    @BeforeEach
    void source() {
        admin = Api.as(port, "admin");
        sourceId = RecordFixtures.source(admin);
    }

    @AfterEach
    void removeSource() {
        RecordFixtures.deleteSource(admin, sourceId);
    }

    @Test
    void aJobKilledAfterOneBatchIsResumedWithoutHalfBatchesOrDuplicates() throws InterruptedException {
        BulkJob job = BulkFiles.submit(imports, sources.find(sourceId).orElseThrow(), "big.csv", BulkFiles.rows("resume.", 2500)).job();

        run.run(job.id(), "admin", 1);

        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(recordCount(admin, sourceId)).isEqualTo(1000);
        assertThat(jobs.committedBatches(job.id())).containsExactly(0);

        process.start(job.id(), "admin");

        BulkJob finished = awaitEnd(job.id());
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.createdCount()).isEqualTo(2500);
        assertThat(finished.updatedCount()).isZero();
        assertThat(recordCount(admin, sourceId)).isEqualTo(2500);
        assertThat(imports.results(finished).rows()).hasSize(2500)
                .allMatch(row -> row.outcome() == RowResult.Outcome.CREATED);
    }

    /** Polls the job until it has ended (the job executor runs it), for at most a minute. */
    private BulkJob awaitEnd(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        BulkJob job = jobs.find(jobId).orElseThrow();
        while (job.status() == JobStatus.IN_PROGRESS && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            job = jobs.find(jobId).orElseThrow();
        }
        return job;
    }

    @Test
    void jobsAndTheirResultsGoWithTheirSource() {
        String doomed = RecordFixtures.source(admin);
        BulkJob job = BulkFiles.submit(imports, sources.find(doomed).orElseThrow(), "x.csv", BulkFiles.rows("gone.", 3)).job();

        RecordFixtures.deleteSource(admin, doomed);

        assertThat(jobs.find(job.id())).isEmpty();
    }
}
