package org.nelm.request;

import java.util.Map;
import org.nelm.source.SourcePolicy;
import org.nelm.request.approval.ApprovalStatus;

/**
 * The approval process as the business modules see it. Implemented by the Camunda adapter; a move to another
 * engine (e.g. Operaton) replaces only the adapter. Variables are plain values (strings, numbers, booleans) or
 * JSON text, never serialized Java objects, so Cockpit and the engine's REST API can read them.
 */
public interface ApprovalWorkflow {

    /**
     * Starts the process of a request; the request id becomes the business key. Joins the caller's transaction.
     * The source's policy and the request's custom attributes are handed to the routing decision only
     * (transient: never stored).
     */
    void start(String requestId, SourcePolicy source, Map<String, String> data);

    /**
     * Completes an approval task as the given identity, with the same variables as a Tasklist decision
     * ({@code decision}, {@code comment}; transient here, never stored), so the same task listener checks and
     * records it. A task that no longer exists or was completed concurrently gives a 400 "already decided".
     */
    void decide(String taskId, ApprovalStatus decision, String comment, String actorId);

    /**
     * Makes the identity the assignee of the approval task, and its only candidate: the level was reassigned to
     * it (the item already names it, so the task listener accepts the new assignee).
     */
    void reassign(String taskId, String identityId);

    /** Whether the approval task still exists (an item can outlive its task when an operator ends the review). */
    boolean taskExists(String taskId);

    /** Ends the request's process, if it still runs, without running its steps (withdrawal, source deletion). */
    void cancel(String requestId, String reason);
}
