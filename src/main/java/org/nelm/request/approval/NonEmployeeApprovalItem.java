package org.nelm.request.approval;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The contract's NonEmployeeApprovalItem (list, approve, reject) and, with the request as
 * NonEmployeeRequestWithoutApprovalItem, its NonEmployeeApprovalItemDetail (get with include-detail). Extension
 * of the detail: {@code routing}, why this approver decides the level (the routing decision's inputs and outputs,
 * and any substitution), as stored when the request was routed, and {@code reassignments}, the hand-overs of
 * the item, oldest first; both absent elsewhere.
 */
public record NonEmployeeApprovalItem(String id, NonEmployeeIdentityReferenceWithId approver, String accountName,
                                      ApprovalStatus approvalStatus, int approvalOrder, String comment,
                                      OffsetDateTime modified, OffsetDateTime created, Object nonEmployeeRequest,
                                      @JsonRawValue String routing, List<Reassignment> reassignments) {
}
