package org.nelm.bulk;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.nelm.platform.StoredTime;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off import jobs. A job is started right after its upload committed; each node also polls for jobs
 * nobody works on (pending too long, or running on a node that stopped beating, e.g. after a crash or
 * restart) and takes them over. Every batch commits with its per-row results in one transaction, and a
 * resumed job skips the committed batches: a crash never leaves half a batch nor writes a row twice.
 * While this node holds a job its heart beats every third of {@code stale-after}, whatever the job is doing
 * (reading the file, waiting for a worker, writing a batch); a dead node's job is therefore taken over within
 * {@code stale-after + poll-interval} of its death.
 */
@Component
class BulkJobRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkJobRunner.class);

    /** This node's name in the job table: which node works on a job. */
    private final String node = "node-" + UUID.randomUUID();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "nelm-bulk-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Heartbeat and orphan poll, on a thread of their own: neither may wait for an import, nor for another task of
     * Spring's shared scheduler (a slow mail server would otherwise delay a takeover).
     */
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nelm-bulk-ticker");
        thread.setDaemon(true);
        return thread;
    });
    /** The jobs this node has claimed and not yet let go: their heart beats. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /**
     * Set as soon as the JVM shuts down: the database (e.g. an embedded one in tests) may stop before this
     * context closes, and a poll would then wait for a connection until the pool's timeout, holding up the exit.
     */
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(() -> shuttingDown.set(true), "nelm-bulk-shutdown");

    private final BulkJobs jobs;
    private final BulkImports imports;
    private final SourcePolicies sources;
    private final TransactionTemplate transactions;
    private final BulkProperties properties;
    private final Clock clock;

    BulkJobRunner(BulkJobs jobs, BulkImports imports, SourcePolicies sources, TransactionTemplate transactions,
                  BulkProperties properties, Clock clock) {
        this.jobs = jobs;
        this.imports = imports;
        this.sources = sources;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Runs the job in the background (after its upload committed), re-reading its stored file. */
    void start(String jobId) {
        start(jobId, null);
    }

    /** Runs the job in the background with the file as checked at upload; null = read the stored file. */
    void start(String jobId, CheckedFile checked) {
        start(jobId, checked, () -> { });
    }

    /** As {@link #start(String, CheckedFile)}, then {@code done} (the upload's slot is given back). */
    void start(String jobId, CheckedFile checked, Runnable done) {
        try {
            executor.execute(() -> {
                try {
                    run(jobId, now(), Integer.MAX_VALUE, checked);
                } finally {
                    done.run();
                }
            });
        } catch (RejectedExecutionException stopping) {
            done.run();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking() {
        long beat = properties.heartbeatInterval().toMillis();
        long poll = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(() -> tick("heartbeat", () -> beat(now())), beat, beat, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(() -> tick("orphan poll", () -> adoptOrphans(now())), poll, poll,
                TimeUnit.MILLISECONDS);
    }

    /** A failed tick is logged and the next one comes as planned (an exception would end the schedule). */
    private void tick(String what, Runnable task) {
        if (shuttingDown.get()) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Import {} failed: {}", what, e.getMessage());
        }
    }

    /** Moves the heartbeat of the jobs this node holds. */
    void beat(OffsetDateTime now) {
        List<String> ids = List.copyOf(held);
        if (!ids.isEmpty()) {
            jobs.beat(ids, node, now);
        }
    }

    /**
     * Claims every job that is pending too long or whose node stopped beating before {@code now - staleAfter}, and
     * hands each to a worker; returns the claimed ones.
     */
    List<String> adoptOrphans(OffsetDateTime now) {
        OffsetDateTime staleBefore = now.minus(properties.staleAfter());
        OffsetDateTime pendingBefore = now.minus(properties.pollInterval());
        List<String> adopted = new ArrayList<>();
        for (String jobId : jobs.orphans(pendingBefore, staleBefore)) {
            if (claim(jobId, now)) {
                adopted.add(jobId);
                executor.execute(() -> work(jobId, Integer.MAX_VALUE, null));
            }
        }
        return adopted;
    }

    /**
     * Claims the job and commits up to {@code maxBatches} more batches; ends the job when no batch is left.
     * (A limit below the job's size leaves it IN_PROGRESS and lets it go, as a node that died mid-way would.)
     * {@code checked} is the file as checked at upload, or null to read the stored one.
     */
    void run(String jobId, OffsetDateTime now, int maxBatches, CheckedFile checked) {
        if (claim(jobId, now)) {
            work(jobId, maxBatches, checked);
        }
    }

    private boolean claim(String jobId, OffsetDateTime now) {
        if (!jobs.claim(jobId, node, now, now.minus(properties.staleAfter()))) {
            return false;
        }
        held.add(jobId);
        return true;
    }

    private void work(String jobId, int maxBatches, CheckedFile checked) {
        long start = System.nanoTime();
        try {
            if (process(jobId, maxBatches, checked)) {
                jobs.finish(jobId, node, null, now());
                log.info("Import job {} ended after {} ms on this node", jobId, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (LostJobException e) {
            log.warn("Import job {} was taken over by another node", jobId);
        } catch (RuntimeException e) {
            log.error("Import job {} failed", jobId, e);
            jobs.finish(jobId, node, "The import stopped: " + e.getMessage(), now());
        } finally {
            held.remove(jobId);
        }
    }

    /** True when every batch is committed. */
    private boolean process(String jobId, int maxBatches, CheckedFile checked) {
        BulkJob job = jobs.find(jobId).orElseThrow();
        SourcePolicy source = sources.find(job.sourceId())
                .orElseThrow(() -> new IllegalStateException("the source no longer exists"));
        long start = System.nanoTime();
        CheckedFile file = checked != null ? checked : imports.checkedFile(source, jobs.file(jobId));
        log.debug("Import job {}: {} rows read and checked in {} ms", jobId, file.rows().size(),
                (System.nanoTime() - start) / 1_000_000);
        Set<Integer> committed = new HashSet<>(jobs.committedBatches(jobId));
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
            transactions.executeWithoutResult(status -> commit(jobId, source, batch, number));
            log.debug("Import job {}: batch {} committed in {} ms", jobId, batchNo, (System.nanoTime() - batchStart) / 1_000_000);
        }
        return true;
    }

    private void commit(String jobId, SourcePolicy source, CheckedFile batch, int batchNo) {
        List<RowResult> results = imports.outcomes(source, batch, true);
        int created = count(results, RowResult.Outcome.CREATED);
        int updated = count(results, RowResult.Outcome.UPDATED);
        int failed = count(results, RowResult.Outcome.FAILED);
        if (!jobs.commitBatch(jobId, node, batchNo, created, updated, failed, imports.toJson(results), now())) {
            throw new LostJobException();
        }
    }

    private static int count(List<RowResult> results, RowResult.Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }

    @PreDestroy
    void stop() {
        shuttingDown.set(true);
        ticker.shutdownNow();
        executor.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook has run or is running: nothing to remove
        }
    }

    /** Another node claimed the job meanwhile (this one was too slow); the batch in flight is rolled back. */
    private static final class LostJobException extends RuntimeException {
    }
}
