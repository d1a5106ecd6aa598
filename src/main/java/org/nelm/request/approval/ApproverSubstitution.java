package org.nelm.request.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.request.RequestRow;
import org.nelm.security.RoleContext;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * Who decides a level when its routed approver may not or cannot. The requester of a request and the
 * non-employee's manager never approve it (separation of duties, checked as the request is routed); a routing
 * rule that named no approver, and an identity that no longer exists when its level starts, leave nobody to
 * decide; an identity out of office hands the levels that start meanwhile to its delegate. Each such level falls through to the source's owner, or to the org admins' group when the owner is
 * missing or in conflict too; the item's routing record says so and why ({@code substitution}). Members of a
 * governance group who are the requester or the manager are refused at decision time instead
 * ({@link DecisionRights}), since a group's members change.
 */
@Component
class ApproverSubstitution {

    private final ObjectMapper json;
    private final IdentityDirectory directory;
    private final ApprovalDelegations delegations;

    ApproverSubstitution(ObjectMapper json, IdentityDirectory directory, ApprovalDelegations delegations) {
        this.json = json;
        this.directory = directory;
        this.delegations = delegations;
    }

    /** The routed levels, with the requester, the manager and missing approvers replaced. */
    List<RoutedLevel> asRouted(RequestRow request, List<RoutedLevel> levels, Supplier<String> sourceOwner) {
        List<RoutedLevel> checked = new ArrayList<>(levels.size());
        for (RoutedLevel level : levels) {
            String conflict = conflict(request, identityOf(level.approver()));
            String why = level.approver() == null ? "the routing rule named no approver"
                    : conflict == null ? null : level.approver().id() + " " + conflict;
            checked.add(why == null ? level : substituted(request, level, why, sourceOwner));
        }
        return checked;
    }

    /**
     * The level whose turn has come, replaced when its identity no longer exists, or given to the identity's
     * out-of-office delegate when one covers the moment (and may decide this request; else the identity keeps
     * it); empty when it stands.
     */
    Optional<StandIn> asStarting(RequestRow request, RoutedLevel level, Supplier<String> sourceOwner,
                                 OffsetDateTime now) {
        String identity = identityOf(level.approver());
        if (identity == null) {
            return Optional.empty();
        }
        if (!directory.identityExists(identity)) {
            return Optional.of(new StandIn(substituted(request, level, identity + " does not exist", sourceOwner),
                    null));
        }
        return delegations.of(identity)
                .filter(away -> away.coversThe(now) && conflict(request, away.delegateId()) == null
                        && directory.identityExists(away.delegateId()))
                .map(away -> {
                    ApproverRef delegate = new ApproverRef(ApproverType.IDENTITY, away.delegateId());
                    return new StandIn(new RoutedLevel(delegate, withSubstitution(level, delegate, identity
                            + " is out of office until " + away.end() + ", so the level goes to their delegate "
                            + away.delegateId())), identity);
                });
    }

    /** Who decides a level instead of its routed approver; {@code onBehalfOf}: the absent one it stands in for. */
    record StandIn(RoutedLevel level, String onBehalfOf) {
    }

    private RoutedLevel substituted(RequestRow request, RoutedLevel level, String why, Supplier<String> sourceOwner) {
        String owner = sourceOwner.get();
        String ownerProblem = owner == null ? "is not set" : !directory.identityExists(owner) ? owner + " does not exist"
                : conflict(request, owner) == null ? null : owner + " " + conflict(request, owner) + " too";
        ApproverRef instead = ownerProblem == null ? new ApproverRef(ApproverType.IDENTITY, owner)
                : new ApproverRef(ApproverType.GOVERNANCE_GROUP, RoleContext.ORG_ADMIN.groupId());
        String because = why + ", so the level goes to "
                + (ownerProblem == null ? "the source owner " + owner
                : "the org admins (" + instead.id() + ") because the source owner " + ownerProblem);
        return new RoutedLevel(instead, withSubstitution(level, instead, because));
    }

    private static String identityOf(ApproverRef approver) {
        return approver != null && approver.type() == ApproverType.IDENTITY ? approver.id() : null;
    }

    /** Why the identity may not approve this request, or null. */
    private static String conflict(RequestRow request, String identityId) {
        if (identityId == null) {
            return null;
        }
        if (identityId.equals(request.requesterId())) {
            return "is the requester";
        }
        return identityId.equals(request.nonEmployee().manager()) ? "is the non-employee's manager" : null;
    }

    private String withSubstitution(RoutedLevel level, ApproverRef instead, String because) {
        try {
            ObjectNode routing = level.routingJson() == null ? json.createObjectNode()
                    : (ObjectNode) json.readTree(level.routingJson());
            ObjectNode substitution = routing.putObject("substitution");
            if (level.approver() != null) {
                substitution.putObject("routedApprover").put("type", level.approver().type().name())
                        .put("id", level.approver().id());
            }
            substitution.putObject("approver").put("type", instead.type().name()).put("id", instead.id());
            substitution.put("reason", because);
            return json.writeValueAsString(routing);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("routing record is not JSON", e);
        }
    }
}
