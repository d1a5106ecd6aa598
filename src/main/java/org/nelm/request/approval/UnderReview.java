package org.nelm.request.approval;

/** An approval item with the two people of its request who may never decide it. */
public record UnderReview(ApprovalItemRow item, String requesterId, String nonEmployeeManager) {
}
