package org.nelm.request.approval;

/** The contract's NonEmployeeApprovalSummary. */
public record NonEmployeeApprovalSummary(long approved, long pending, long rejected) {
}
