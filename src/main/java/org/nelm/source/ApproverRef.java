package org.nelm.source;

/**
 * One approval level of a source: an identity (assignee) or a governance group (any member decides). Its JSON form
 * is the contract's NonEmployeeIdentityReferenceWithId, which the API also uses for account managers.
 */
public record ApproverRef(ApproverType type, String id) {

    public static ApproverRef identity(String id) {
        return new ApproverRef(ApproverType.IDENTITY, id);
    }
}
