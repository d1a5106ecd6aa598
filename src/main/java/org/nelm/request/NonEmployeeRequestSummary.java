package org.nelm.request;

/** The contract's NonEmployeeRequestSummary. */
public record NonEmployeeRequestSummary(long approved, long rejected, long pending, long nonEmployeeCount) {
}
