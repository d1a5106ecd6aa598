package org.nelm.request.approval;

import java.util.List;
import java.util.Optional;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * Who may decide an approval level, whatever door the decision comes through (the approvals API, Tasklist,
 * engine REST, an administrator in Cockpit): the level's routed approver — the identity, or a member of the
 * governance group at the moment of the decision — or someone a {@link DecisionDelegation} names. Never the
 * requester of the request or the non-employee's manager, whatever else applies to them.
 */
@Component
public class DecisionRights {

    private final IdentityDirectory directory;
    private final List<DecisionDelegation> delegations;

    DecisionRights(IdentityDirectory directory, List<DecisionDelegation> delegations) {
        this.directory = directory;
        this.delegations = List.copyOf(delegations);
    }

    /** Refuses with 403 anyone who may not decide the item (see the class comment). */
    void check(String identityId, UnderReview level) {
        refusal(identityId, level).ifPresent(reason -> {
            throw ApiException.forbidden(reason);
        });
    }

    /** Why the identity may not decide the item, or empty when it may. */
    Optional<String> refusal(String identityId, UnderReview level) {
        if (identityId == null || identityId.isBlank()) {
            return Optional.of("A decision needs an identity: only the approver of this item may decide it");
        }
        if (identityId.equals(level.requesterId())) {
            return Optional.of("The requester of a request may not decide its approval");
        }
        if (identityId.equals(level.nonEmployeeManager())) {
            return Optional.of("The non-employee's manager may not decide the approval of their request");
        }
        if (isRoutedApprover(identityId, level.item().approver())
                || delegations.stream().anyMatch(rule -> rule.mayDecideFor(identityId, level.item()))) {
            return Optional.empty();
        }
        return Optional.of("Only the approver of this item may decide it");
    }

    boolean isRoutedApprover(String identityId, ApproverRef approver) {
        return approver.type() == ApproverType.IDENTITY ? approver.id().equals(identityId)
                : directory.isMember(identityId, approver.id());
    }
}
