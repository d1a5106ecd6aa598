package org.nelm.request.approval;

/**
 * A rule that lets someone other than a level's routed approver decide it (an approver's stand-in while away,
 * say). Every door checks decisions through {@link DecisionRights}, which asks each bean of this type; a rule
 * must be explicit and audited, so none exists by default. The separation of duties comes first: no rule can
 * let the requester or the non-employee's manager decide.
 */
public interface DecisionDelegation {

    /** Whether the identity may decide the item in place of its routed approver. */
    boolean mayDecideFor(String identityId, ApprovalItemRow item);
}
