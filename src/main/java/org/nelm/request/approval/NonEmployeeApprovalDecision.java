package org.nelm.request.approval;

/** The contract's NonEmployeeApprovalDecision and NonEmployeeRejectApprovalDecision: an optional comment. */
record NonEmployeeApprovalDecision(String comment) {
}
