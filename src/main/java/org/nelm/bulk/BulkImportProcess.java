package org.nelm.bulk;

/**
 * The engine process an accepted upload runs in, so that an import is a job of the engine's job executor like every
 * other step: retried, taken over from a dead node, shown in Cockpit and as an incident when it keeps failing.
 * Implemented in {@code org.nelm.workflow}, the only package that knows the engine; its job calls
 * {@link BulkImportRun#run}.
 */
public interface BulkImportProcess {

    /**
     * Starts the import of a stored job in the caller's transaction, so that the job exists exactly when the upload
     * committed; the job executor of this node is told at that commit and runs it right away.
     */
    void start(String jobId, String uploadedBy);
}
