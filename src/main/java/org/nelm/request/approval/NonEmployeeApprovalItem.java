package org.nelm.request.approval;

import java.time.OffsetDateTime;

/**
 * The contract's NonEmployeeApprovalItem (list, approve, reject) and, with the request as
 * NonEmployeeRequestWithoutApprovalItem, its NonEmployeeApprovalItemDetail (get with include-detail).
 */
public record NonEmployeeApprovalItem(String id, NonEmployeeIdentityReferenceWithId approver, String accountName,
                                      ApprovalStatus approvalStatus, int approvalOrder, String comment,
                                      OffsetDateTime modified, OffsetDateTime created, Object nonEmployeeRequest) {
}
