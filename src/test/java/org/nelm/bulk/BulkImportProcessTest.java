package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.source.SourcePolicies;
import org.nelm.support.EngineStepByStep;
import org.nelm.workflow.ProcessTestSources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * bpmn/bulk-import.bpmn on a real engine and database, step by step: the import's job runs when a test executes it,
 * in the test's thread, so the events it publishes are recorded here. Every path of the process: the import
 * completes; it fails, is retried, becomes an incident that shows the job as ERROR, and runs again after an
 * operator's retry; its source went meanwhile. And what makes a run safe to repeat: a run resumes after the last
 * committed batch, and two runs at once write every row once.
 */
@EngineStepByStep
@RecordApplicationEvents
class BulkImportProcessTest {

    static final String PROCESS = "non-employee-bulk-import";
    static final String TASK = "import-records";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired BulkImports imports;
    @Autowired BulkImportRun run;
    @Autowired BulkJobs jobs;
    @Autowired SourcePolicies sources;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    String sourceId;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        sourceId = new ProcessTestSources(jdbc).create(ProcessTestSources.unique("bulk"), List.of());
    }

    @Test
    void anAcceptedUploadWaitsAsAJobThatImportsTheRowsAndEndsTheProcess() {
        BulkJob job = submit(BulkFiles.rows("ok.", 12));
        ProcessInstance instance = instance(job.id());

        assertThat(instance).isWaitingAt(TASK);
        assertThat(runtime.getVariable(instance.getId(), "uploadedBy")).isEqualTo("requester1");
        assertThat(job(instance).getRetries()).isEqualTo(3);
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);

        management.executeJob(job(instance).getId());

        assertThat(instance).hasPassed(TASK).isEnded();
        BulkJob finished = jobs.find(job.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.createdCount()).isEqualTo(12);
        assertThat(recordCount()).isEqualTo(12);
        assertThat(storedFile(job.id())).as("the file goes once the job has ended").isEmpty();
        assertThat(finishedEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("org.nelm.bulk-import.finished");
            assertThat(event.subject()).isEqualTo(job.id());
            assertThat(event.actor()).isEqualTo("requester1");
            assertThat(event.sourceId()).isEqualTo(sourceId);
            assertThat(event.status()).isEqualTo("COMPLETED");
            assertThat(event.created()).isEqualTo(12);
            assertThat(event.failed()).isZero();
            assertThat(event.occurredAt()).isEqualTo(finished.modified().toInstant());
        });
    }

    @Test
    void refusedRowsEndTheJobInErrorWithoutAnIncident() {
        BulkJob job = submit(BulkFiles.utf8(BulkFiles.HEADER + "\ngood,G,Ood,1,good@example.com,m,2024-01-01,2030-01-01\n"
                + "bad,B,Ad,1,not-an-email,m,2024-01-01,2030-01-01\n"));
        ProcessInstance instance = instance(job.id());

        management.executeJob(job(instance).getId());

        assertThat(instance).isEnded();
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.ERROR);
        assertThat(finishedEvents()).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo("ERROR");
            assertThat(event.created()).isEqualTo(1);
            assertThat(event.failed()).isEqualTo(1);
        });
    }

    @Test
    void aFailingImportIsRetriedThenAnIncidentShowingTheJobAsErrorAndAnOperatorsRetryFinishesIt() {
        byte[] file = BulkFiles.rows("retry.", 5);
        BulkJob job = submit(file);
        ProcessInstance instance = instance(job.id());
        // the stored file is unreadable: every run fails before it writes a row
        jdbc.sql("update nelm_bulk_job set file_data = :bad where id = :id")
                .param("bad", BulkFiles.utf8("nickname\nx\n")).param("id", job.id()).update();

        Job importJob = job(instance);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(importJob.getId())).hasStackTraceContaining("nickname");
            if (attempt < 3) {
                assertThat(jobs.find(job.id()).orElseThrow().status()).as("still running between attempts")
                        .isEqualTo(JobStatus.IN_PROGRESS);
                assertThat(finishedEvents()).isEmpty();
            }
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK);
        assertThat(instance).isWaitingAt(TASK);
        BulkJob failed = jobs.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.ERROR);
        assertThat(failed.errorText()).startsWith("The import failed with errors and stopped: ").contains("nickname");
        assertThat(imports.results(failed).error()).isEqualTo(failed.errorText());
        assertThat(storedFile(job.id())).as("kept for a retry").isNotEmpty();
        assertThat(finishedEvents()).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo("ERROR");
            assertThat(event.created()).isZero();
        });

        jdbc.sql("update nelm_bulk_job set file_data = :file where id = :id").param("file", file)
                .param("id", job.id()).update();
        management.setJobRetries(importJob.getId(), 1);

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.IN_PROGRESS);
        management.executeJob(importJob.getId());

        assertThat(instance).isEnded();
        BulkJob finished = jobs.find(job.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.errorText()).isNull();
        assertThat(recordCount()).isEqualTo(5);
        assertThat(finishedEvents()).extracting(BulkImportFinished::status).containsExactly("ERROR", "COMPLETED");
    }

    @Test
    void anOperatorsRetryIsRefusedOnceTheSourceHasANewerImport() {
        BulkJob job = submit(BulkFiles.rows("old.", 2));
        ProcessInstance instance = instance(job.id());
        jdbc.sql("update nelm_bulk_job set file_data = :bad where id = :id")
                .param("bad", BulkFiles.utf8("nickname\nx\n")).param("id", job.id()).update();
        Job importJob = job(instance);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(importJob.getId()));
        }
        BulkJob newer = submit(BulkFiles.rows("new.", 2));

        assertThatThrownBy(() -> management.setJobRetries(importJob.getId(), 1)).hasStackTraceContaining(newer.id());

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.ERROR);
    }

    @Test
    void whenTheSourceWentBeforeTheImportRanTheProcessEndsQuietly() {
        BulkJob job = submit(BulkFiles.rows("gone.", 3));
        ProcessInstance instance = instance(job.id());
        jdbc.sql("delete from nelm_source where id = :id").param("id", sourceId).update();

        management.executeJob(job(instance).getId());

        assertThat(instance).isEnded();
        assertThat(jobs.find(job.id())).isEmpty();
        assertThat(finishedEvents()).isEmpty();
    }

    @Test
    void aRunStoppedAfterOneBatchIsResumedByTheJobWithoutHalfBatchesOrDuplicates() {
        BulkJob job = submit(BulkFiles.rows("resume.", 12_000));
        ProcessInstance instance = instance(job.id());
        assertThat(job.batchCount()).as("batches of nelm.bulk.batch-size").isEqualTo(3);

        run.run(job.id(), "requester1", 1);

        assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(jobs.committedBatches(job.id())).containsExactly(0);
        assertThat(recordCount()).isEqualTo(5000);

        management.executeJob(job(instance).getId());

        assertThat(instance).isEnded();
        BulkJob finished = jobs.find(job.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.createdCount()).isEqualTo(12_000);
        assertThat(finished.updatedCount()).as("no batch written twice").isZero();
        assertThat(recordCount()).isEqualTo(12_000);
        assertThat(imports.results(finished).rows()).hasSize(12_000)
                .allMatch(row -> row.outcome() == RowResult.Outcome.CREATED);
    }

    @Test
    void twoRunsAtOnceWriteEveryRowOnce() throws Exception {
        BulkJob job = submit(BulkFiles.rows("twice.", 12_000));
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<?>[] runs = new CompletableFuture<?>[2];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                run.run(job.id(), "requester1");
            });
        }
        start.countDown();
        CompletableFuture.allOf(runs).get(2, TimeUnit.MINUTES);

        BulkJob finished = jobs.find(job.id()).orElseThrow();
        assertThat(finished.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.createdCount()).isEqualTo(12_000);
        assertThat(finished.updatedCount()).isZero();
        assertThat(recordCount()).isEqualTo(12_000);
        assertThat(jobs.committedBatches(job.id())).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void theProcessIsDeployedExecutableWithAReadableNameOnEveryElement() {
        BpmnModelInstance model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS).latestVersion().singleResult().getId());

        org.camunda.bpm.model.bpmn.instance.Process process = model.getModelElementById(PROCESS);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getName()).isEqualTo("Non-employee CSV import");
        assertThat(model.getModelElementsByType(FlowElement.class)).allSatisfy(element -> {
            assertThat(element.getId()).matches("[a-z-]+");
            if (!(element instanceof SequenceFlow)) {
                assertThat(element.getName()).isNotBlank();
            }
        });
        assertThat(((FlowElement) model.getModelElementById(TASK)).getName()).isEqualTo("Import records from CSV");
    }

    private BulkJob submit(byte[] csv) {
        return imports.submit(sources.find(sourceId).orElseThrow(), "upload.csv", csv.length,
                new ByteArrayResource(csv), "requester1", null);
    }

    private ProcessInstance instance(String jobId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(jobId)
                .singleResult();
    }

    private Job job(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private List<BulkImportFinished> finishedEvents() {
        return events.stream(BulkImportFinished.class).filter(event -> event.sourceId().equals(sourceId)).toList();
    }

    private long recordCount() {
        return jdbc.sql("select count(*) from nelm_record where source_id = :id").param("id", sourceId)
                .query(Long.class).single();
    }

    private byte[] storedFile(String jobId) {
        return jdbc.sql("select file_data from nelm_bulk_job where id = :id").param("id", jobId)
                .query((rs, row) -> rs.getBytes(1)).single();
    }
}
