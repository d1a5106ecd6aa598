package org.nelm.bulk;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.TryLaterException;
import org.springframework.stereotype.Component;

/**
 * How many uploaded files this node holds at once, real uploads and dry runs alike: at most
 * {@code nelm.bulk.max-parallel-files} in all (429 beyond, as the contract's rate limit answers) and one being
 * checked per source ({@code 400.1.409}, as a second upload while an import of the source runs). A real upload's
 * file stays in memory until its job's first run has ended, which uses the rows as checked at upload, and keeps its
 * slot until then; the source is free once the job is stored, since the PENDING job then keeps other uploads out.
 * So memory stays bounded however many clients upload at the same time.
 */
@Component
class UploadSlots {

    private final Semaphore permits;
    private final Set<String> sources = ConcurrentHashMap.newKeySet();

    UploadSlots(BulkProperties properties) {
        this.permits = new Semaphore(properties.maxParallelFiles());
    }

    Slot take(String sourceId) {
        if (!sources.add(sourceId)) {
            throw ApiException.conflict("A file for this source is being checked right now; upload again when that"
                    + " has ended");
        }
        if (!permits.tryAcquire()) {
            sources.remove(sourceId);
            throw new TryLaterException("This node is checking as many uploaded files as it may at once; try again"
                    + " in a few seconds", 5);
        }
        return new Slot(sourceId);
    }

    /** A taken slot; each part is given back once, however often it is released. */
    final class Slot implements AutoCloseable {

        private final String sourceId;
        private boolean source = true;
        private boolean permit = true;

        private Slot(String sourceId) {
            this.sourceId = sourceId;
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
            if (permit) {
                permit = false;
                permits.release();
            }
        }
    }
}
