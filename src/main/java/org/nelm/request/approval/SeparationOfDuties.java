package org.nelm.request.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nelm.request.RequestRow;
import org.nelm.security.RoleContext;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * The requester of a request and the non-employee's manager never approve it. Where the routing names one of
 * them as a level's approver, the level falls through to the source's owner, or to the org admins' group when
 * the owner is one of them too; the item's routing record says so and why. Members of a governance group who
 * are the requester or the manager are refused at decision time instead ({@link DecisionRights}), since a
 * group's members change.
 */
@Component
class SeparationOfDuties {

    private final ObjectMapper json;

    SeparationOfDuties(ObjectMapper json) {
        this.json = json;
    }

    List<RoutedLevel> apply(RequestRow request, List<RoutedLevel> levels, Supplier<String> sourceOwner) {
        List<RoutedLevel> checked = new ArrayList<>(levels.size());
        for (RoutedLevel level : levels) {
            String conflict = conflict(request, level.approver().type() == ApproverType.IDENTITY
                    ? level.approver().id() : null);
            if (conflict == null) {
                checked.add(level);
                continue;
            }
            String owner = sourceOwner.get();
            String ownerConflict = conflict(request, owner);
            ApproverRef instead = owner != null && ownerConflict == null
                    ? new ApproverRef(ApproverType.IDENTITY, owner)
                    : new ApproverRef(ApproverType.GOVERNANCE_GROUP, RoleContext.ORG_ADMIN.groupId());
            String because = level.approver().id() + " " + conflict + ", so the level goes to "
                    + (instead.type() == ApproverType.IDENTITY ? "the source owner " + owner
                    : "the org admins (" + instead.id() + ") because the source owner " + (owner == null
                    ? "is not set" : owner + " " + ownerConflict + " too"));
            checked.add(new RoutedLevel(instead, withSubstitution(level, instead, because)));
        }
        return checked;
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
            substitution.putObject("routedApprover").put("type", level.approver().type().name())
                    .put("id", level.approver().id());
            substitution.putObject("approver").put("type", instead.type().name()).put("id", instead.id());
            substitution.put("reason", because);
            return json.writeValueAsString(routing);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("routing record is not JSON", e);
        }
    }
}
