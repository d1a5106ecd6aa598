package org.nelm.workflow;

/** Names shared by the BPMN, the DMN, the Tasklist form and the adapter. */
final class ProcessVariables {

    static final String PROCESS_KEY = "nonEmployeeRequest";
    static final String DECISION_KEY = "approvalRouting";
    /** Transient: the number of routed levels, read by the diagram right after routing. */
    static final String LEVEL_COUNT = "levelCount";
    /** The multi-instance body's count of levels, for the task name of every level. */
    static final String LEVELS = "nrOfInstances";
    static final String LOOP_COUNTER = "loopCounter";
    /**
     * Transient, set at every completion of a level: whether it was rejected, read by the loop's completion
     * condition and the gateway after it in that same transaction. Stored only in instances started before it
     * became transient (see ApprovalTaskListener).
     */
    static final String REJECTED = "rejected";
    /** Tasklist's form: the decision and comment, removed again once read (they must not prefill the next level). */
    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    /** Transient, set by the approvals API: the decision, the comment and the identity that decided. */
    static final String API_DECISION = "apiDecision";
    static final String API_COMMENT = "apiComment";
    static final String DECIDED_BY = "decidedBy";
    static final String DECISION_HISTORY = "decisionHistory";
    /** Transient: the names of the routing decision's inputs, recorded with each approval item. */
    static final String ROUTING_INPUTS = "routingInputNames";

    private ProcessVariables() {
    }
}
