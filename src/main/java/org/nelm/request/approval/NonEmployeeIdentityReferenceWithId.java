package org.nelm.request.approval;

import org.nelm.source.ApproverRef;

/** The contract's NonEmployeeIdentityReferenceWithId: an identity or a governance group. */
public record NonEmployeeIdentityReferenceWithId(String type, String id) {

    public static NonEmployeeIdentityReferenceWithId of(ApproverRef approver) {
        return new NonEmployeeIdentityReferenceWithId(approver.type().name(), approver.id());
    }

    static NonEmployeeIdentityReferenceWithId identity(String id) {
        return new NonEmployeeIdentityReferenceWithId("IDENTITY", id);
    }
}
