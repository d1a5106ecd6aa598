package org.nelm.workflow;

/**
 * Names shared by the BPMN, the DMN, the Tasklist form and the adapter. No variable steers the process: a task's
 * user can set any variable with a completion, so every step reads its facts from our approval items.
 */
final class ProcessVariables {

    static final String PROCESS_KEY = "nonEmployeeRequest";
    static final String DECISION_KEY = "approvalRouting";
    /** A decision: APPROVED or REJECTED, and its comment (Tasklist's form fields; the API sets them transient). */
    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    /** Transient, set by the approvals API only: the identity that decided (the API has no engine user). */
    static final String DECIDED_BY = "decidedBy";
    /** Transient: the names of the routing decision's inputs, recorded with each approval item. */
    static final String ROUTING_INPUTS = "routingInputNames";

    private ProcessVariables() {
    }
}
