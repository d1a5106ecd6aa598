package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.bulk.BulkFiles.recordCount;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * A node that dies mid-import: here the runner stops after one committed batch (as a killed JVM would, leaving the
 * job IN_PROGRESS with a heartbeat that then ages), and another node's poll takes the job over once it is stale.
 */
@ApiIntegration
class BulkJobRecoveryIT {

    @LocalServerPort
    int port;

    @Autowired
    BulkImports imports;

    @Autowired
    BulkJobRunner runner;

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
    void aJobKilledAfterOneBatchIsResumedWithoutHalfBatchesOrDuplicates() {
        BulkJob job = BulkFiles.submit(imports, sources.find(sourceId).orElseThrow(), "big.csv", BulkFiles.rows("resume.", 2500)).job();
        OffsetDateTime crash = OffsetDateTime.now(ZoneOffset.UTC);

        runner.run(job.id(), crash, 1, null);

        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(recordCount(admin, sourceId)).isEqualTo(1000);
        assertThat(jobs.committedBatches(job.id())).containsExactly(0);

        runner.adoptOrphans(crash.plusSeconds(30));
        assertThat(jobs.find(job.id()).orElseThrow().status()).as("a running node is not robbed").isEqualTo(JobStatus.IN_PROGRESS);

        runner.adoptOrphans(crash.plusMinutes(5));

        BulkJob finished = jobs.find(job.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.createdCount()).isEqualTo(2500);
        assertThat(recordCount(admin, sourceId)).isEqualTo(2500);
        assertThat(imports.results(finished).rows()).hasSize(2500)
                .allMatch(row -> row.outcome() == RowResult.Outcome.CREATED);
    }

    @Test
    void jobsAndTheirResultsGoWithTheirSource() {
        String doomed = RecordFixtures.source(admin);
        BulkJob job = BulkFiles.submit(imports, sources.find(doomed).orElseThrow(), "x.csv", BulkFiles.rows("gone.", 3)).job();

        RecordFixtures.deleteSource(admin, doomed);

        assertThat(jobs.find(job.id())).isEmpty();
    }
}
