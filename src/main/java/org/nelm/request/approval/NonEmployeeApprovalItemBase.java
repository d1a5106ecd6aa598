package org.nelm.request.approval;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The contract's NonEmployeeApprovalItemBase, as listed in a request's approvalItems. Extension: in the request
 * fetched by id, {@code reassignments} (the item's hand-overs, oldest first), where it has any; absent in lists
 * and answers to writes.
 */
public record NonEmployeeApprovalItemBase(String id, NonEmployeeIdentityReferenceWithId approver, String accountName,
                                          ApprovalStatus approvalStatus, int approvalOrder, String comment,
                                          OffsetDateTime modified, OffsetDateTime created,
                                          List<Reassignment> reassignments) {

    public static NonEmployeeApprovalItemBase of(ApprovalItemRow item, String accountName,
                                                 List<Reassignment> reassignments) {
        return new NonEmployeeApprovalItemBase(item.id(), NonEmployeeIdentityReferenceWithId.of(item.approver()),
                accountName, item.status(), item.approvalOrder(), item.comment(), item.modified(), item.created(),
                reassignments);
    }
}
