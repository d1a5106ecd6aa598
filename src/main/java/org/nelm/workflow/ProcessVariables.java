package org.nelm.workflow;

/** Names shared by the BPMN, the DMN, the Tasklist form and the adapter. */
final class ProcessVariables {

    static final String PROCESS_KEY = "nonEmployeeRequest";
    static final String DECISION_KEY = "approvalRouting";
    static final String LEVEL_COUNT = "levelCount";
    static final String REJECTED = "rejected";
    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    /** Transient, set by the approvals API: the identity that decided. */
    static final String DECIDED_BY = "decidedBy";
    static final String DECISION_HISTORY = "decisionHistory";
    static final String ACCOUNT_NAME = "accountName";
    /** Transient: the names of the routing decision's inputs, recorded with each approval item. */
    static final String ROUTING_INPUTS = "routingInputNames";

    private ProcessVariables() {
    }
}
