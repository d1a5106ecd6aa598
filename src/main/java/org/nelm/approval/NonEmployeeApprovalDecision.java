package org.nelm.approval;

/** The contract's NonEmployeeApprovalDecision and NonEmployeeRejectApprovalDecision: an optional comment. */
record NonEmployeeApprovalDecision(String comment) {
}
