package org.nelm.request.approval;

/** Extension: the body of {@code POST /non-employee-approvals/{id}/reassign}. */
public record NonEmployeeApprovalReassignment(String identityId, String comment) {
}
