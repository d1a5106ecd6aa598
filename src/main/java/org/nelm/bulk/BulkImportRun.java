package org.nelm.bulk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nelm.platform.StoredTime;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of an import, called by the job of its process ({@link BulkImportProcess}) inside the job's transaction.
 *
 * <p>Each batch commits in a transaction of its own, together with its per-row results, so what a run did survives
 * its end however it ends; the job's transaction only ends the job (and the process). A run may therefore be
 * repeated at any time: after a failure (the engine's retry), on another node after this one died (the job's lock
 * expired), or while a first run still works because its import outlived the job's lock. Every run skips the
 * batches that have a results row, and writes a batch only while it holds the source's and the job's row locks and
 * finds no results row for it, so two runs at once take turns batch by batch and no row is written twice. Of two
 * runs only one ends the job; the other's job transaction fails on the engine's optimistic lock of the job and rolls
 * back, its batches having been skipped.
 */
@Component
public class BulkImportRun {

    private static final Logger log = LoggerFactory.getLogger(BulkImportRun.class);

    private final BulkJobs jobs;
    private final BulkImports imports;
    private final SourcePolicies sources;
    private final UploadSlots slots;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    BulkImportRun(BulkJobs jobs, BulkImports imports, SourcePolicies sources, UploadSlots slots,
                  ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
        this.jobs = jobs;
        this.imports = imports;
        this.sources = sources;
        this.slots = slots;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Writes the batches not yet committed and ends the job in the caller's transaction, publishing
     * {@link BulkImportFinished}. A job that has ended or is gone (its source was deleted) is left alone. An
     * exception leaves the committed batches and the job IN_PROGRESS for the next run.
     */
    @Transactional
    public void run(String jobId, String uploadedBy) {
        run(jobId, uploadedBy, Integer.MAX_VALUE);
    }

    /** As {@link #run(String, String)}, but stops after {@code maxBatches}, as a run whose node died would. */
    @Transactional
    void run(String jobId, String uploadedBy, int maxBatches) {
        Optional<UploadSlots.Slot> upload = slots.claim(jobId);
        long start = System.nanoTime();
        try {
            Optional<BulkJob> running = ownTransaction.execute(status -> jobs.markRunning(jobId, now()));
            Optional<SourcePolicy> source = running.flatMap(job -> sources.find(job.sourceId()));
            if (source.isEmpty()) {
                log.info("Import job {} has ended or its source is gone: nothing to run", jobId);
                return;
            }
            CheckedFile checked = upload.map(UploadSlots.Slot::file).orElse(null);
            if (writeBatches(running.get(), source.get(), checked, maxBatches)) {
                jobs.finish(jobId, null, false, now()).ifPresent(job -> publish(job, uploadedBy));
                log.info("Import job {} ended after {} ms on this node", jobId, (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            upload.ifPresent(UploadSlots.Slot::close);
        }
    }

    /**
     * The import's job failed for the last time and became an incident (the caller's transaction creates it): the job
     * ends in ERROR with the reason, and keeps its file for a retry.
     */
    @Transactional
    public void failed(String jobId, String uploadedBy, String reason) {
        String text = "The import failed with errors and stopped: " + (reason == null ? "unknown error" : reason)
                + ". An operator can retry it (Cockpit, incident of \"Import records from CSV\")";
        jobs.finish(jobId, text.length() > 4000 ? text.substring(0, 4000) : text, true, now())
                .ifPresent(job -> publish(job, uploadedBy));
    }

    /**
     * An operator retried the failed import's job (its incident is resolved in the caller's transaction): the job is
     * IN_PROGRESS again. Refused while a newer import of the source exists, whose rows this one would overwrite.
     */
    @Transactional
    public void retried(String jobId) {
        Optional<BulkJob> job = jobs.find(jobId);
        if (job.isEmpty()) {
            return;
        }
        String newest = jobs.newest(job.get().sourceId()).map(BulkJob::id).orElse(jobId);
        if (!newest.equals(jobId)) {
            throw new IllegalStateException("Import job " + jobId + " cannot run again: the source has a newer import ("
                    + newest + "); cancel this one instead");
        }
        jobs.reopen(jobId, now());
    }

    /** True when every batch is committed; false when stopped early or the job ended or went meanwhile. */
    private boolean writeBatches(BulkJob job, SourcePolicy source, CheckedFile checked, int maxBatches) {
        long start = System.nanoTime();
        CheckedFile file = checked != null ? checked : imports.checkedFile(source, jobs.file(job.id()));
        log.debug("Import job {}: {} rows read and checked in {} ms", job.id(), file.rows().size(),
                (System.nanoTime() - start) / 1_000_000);
        Set<Integer> committed = new HashSet<>(jobs.committedBatches(job.id()));
        int ran = 0;
        for (int batchNo = 0; batchNo < job.batchCount(); batchNo++) {
            if (committed.contains(batchNo)) {
                continue;
            }
            if (ran++ == maxBatches) {
                return false;
            }
            CheckedFile batch = file.batch(batchNo, job.batchSize());
            int number = batchNo;
            long batchStart = System.nanoTime();
            if (!Boolean.TRUE.equals(ownTransaction.execute(status -> commit(job.id(), source, batch, number)))) {
                log.info("Import job {} ended or went while batch {} was due", job.id(), batchNo);
                return false;
            }
            log.debug("Import job {}: batch {} committed in {} ms", job.id(), batchNo,
                    (System.nanoTime() - batchStart) / 1_000_000);
        }
        return true;
    }

    /** Writes the batch unless another run has; false when the source or the job is gone or the job has ended. */
    private boolean commit(String jobId, SourcePolicy source, CheckedFile batch, int batchNo) {
        // the source first, then the job: the order in which a source's delete takes them
        if (!sources.lock(source.id()) || !jobs.lockRunning(jobId)) {
            return false;
        }
        if (jobs.batchCommitted(jobId, batchNo)) {
            return true;
        }
        long start = System.nanoTime();
        List<RowResult> results = imports.outcomes(source, batch, true);
        long written = System.nanoTime();
        String json = imports.toJson(results);
        long serialized = System.nanoTime();
        jobs.commitBatch(jobId, batchNo, count(results, RowResult.Outcome.CREATED),
                count(results, RowResult.Outcome.UPDATED), count(results, RowResult.Outcome.FAILED), json, now());
        log.debug("Import job {}: batch {} rows written in {} ms, results serialized in {} ms, stored in {} ms", jobId,
                batchNo, (written - start) / 1_000_000, (serialized - written) / 1_000_000,
                (System.nanoTime() - serialized) / 1_000_000);
        return true;
    }

    private void publish(BulkJob job, String uploadedBy) {
        events.publishEvent(new BulkImportFinished(job.id(), uploadedBy == null ? "system" : uploadedBy,
                job.modified().toInstant(), job.sourceId(), job.status().name(), job.createdCount(),
                job.updatedCount(), job.failedCount()));
    }

    private static int count(List<RowResult> results, RowResult.Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
