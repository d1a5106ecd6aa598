package org.nelm.request.approval;

/** Extension: the body of {@code PUT /non-employee-approvals/delegation/me}; dates as ISO-8601 date-times. */
public record ApprovalDelegationBody(String delegateId, String start, String end, String comment) {
}
