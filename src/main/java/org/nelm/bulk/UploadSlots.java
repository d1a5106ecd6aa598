package org.nelm.bulk;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.TryLaterException;
import org.springframework.stereotype.Component;

/**
 * How many uploaded files this node holds at once, real uploads and dry runs alike: at most
 * {@code nelm.bulk.max-parallel-files} in all (429 beyond, as the contract's rate limit answers) and one being
 * checked per source ({@code 400.1.409}, as a second upload while an import of the source runs). So memory stays
 * bounded however many clients upload at the same time.
 *
 * <p>A real upload leaves its checked rows here for its import, so that the import's run on this node need not
 * read and check the stored file again, and keeps its slot until that run has ended. The job executor of another
 * node may run the import instead; rows nobody claimed within {@code nelm.bulk.handoff-wait} give their slot back
 * as soon as a new file needs one (that import, if it runs here later after all, reads the stored file).
 */
@Component
class UploadSlots {

    private final Semaphore permits;
    private final Set<String> sources = ConcurrentHashMap.newKeySet();
    private final Map<String, Slot> held = new ConcurrentHashMap<>();
    private final long handoffNanos;

    UploadSlots(BulkProperties properties) {
        this.permits = new Semaphore(properties.maxParallelFiles());
        this.handoffNanos = properties.handoffWait().toNanos();
    }

    Slot take(String sourceId) {
        if (!sources.add(sourceId)) {
            throw ApiException.conflict("A file for this source is being checked right now; upload again when that"
                    + " has ended");
        }
        if (!permits.tryAcquire() && !(releaseUnclaimed() && permits.tryAcquire())) {
            sources.remove(sourceId);
            throw new TryLaterException("This node is checking as many uploaded files as it may at once; try again"
                    + " in a few seconds", 5);
        }
        return new Slot(sourceId);
    }

    /** The slot holding the job's checked rows, if an upload on this node left them; the caller closes it. */
    Optional<Slot> claim(String jobId) {
        return Optional.ofNullable(held.remove(jobId));
    }

    private boolean releaseUnclaimed() {
        long now = System.nanoTime();
        boolean released = false;
        for (Slot slot : held.values()) {
            if (now - slot.heldSince >= handoffNanos && held.remove(slot.jobId, slot)) {
                slot.close();
                released = true;
            }
        }
        return released;
    }

    /** A taken slot; each part is given back once, however often it is released. */
    final class Slot implements AutoCloseable {

        private final String sourceId;
        private boolean source = true;
        private boolean permit = true;
        private volatile String jobId;
        private volatile CheckedFile file;
        private volatile long heldSince;

        private Slot(String sourceId) {
            this.sourceId = sourceId;
        }

        /** Leaves the checked rows for the job's run; the slot stays taken until the run (or the wait) ends. */
        synchronized void holdFor(String jobId, CheckedFile file) {
            this.jobId = jobId;
            this.file = file;
            this.heldSince = System.nanoTime();
            held.put(jobId, this);
        }

        CheckedFile file() {
            return file;
        }

        /** Other files of the source may be checked again; the memory stays taken. */
        synchronized void releaseSource() {
            if (source) {
                source = false;
                sources.remove(sourceId);
            }
        }

        @Override
        public synchronized void close() {
            releaseSource();
            if (jobId != null) {
                held.remove(jobId, this);
            }
            file = null;
            if (permit) {
                permit = false;
                permits.release();
            }
        }
    }
}
