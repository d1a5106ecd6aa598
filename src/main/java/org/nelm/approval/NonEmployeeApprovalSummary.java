package org.nelm.approval;

/** The contract's NonEmployeeApprovalSummary. */
public record NonEmployeeApprovalSummary(long approved, long pending, long rejected) {
}
