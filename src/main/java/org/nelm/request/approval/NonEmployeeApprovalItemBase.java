package org.nelm.request.approval;

import java.time.OffsetDateTime;

/** The contract's NonEmployeeApprovalItemBase, as listed in a request's approvalItems. */
public record NonEmployeeApprovalItemBase(String id, NonEmployeeIdentityReferenceWithId approver, String accountName,
                                          ApprovalStatus approvalStatus, int approvalOrder, String comment,
                                          OffsetDateTime modified, OffsetDateTime created) {

    public static NonEmployeeApprovalItemBase of(ApprovalItemRow item, String accountName) {
        return new NonEmployeeApprovalItemBase(item.id(), NonEmployeeIdentityReferenceWithId.of(item.approver()),
                accountName, item.status(), item.approvalOrder(), item.comment(), item.modified(), item.created());
    }
}
