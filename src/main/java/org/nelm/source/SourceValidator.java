package org.nelm.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.platform.web.InputText;
import org.springframework.stereotype.Component;

/**
 * The rules of a source, for create and for the result of a patch alike. All problems are reported together in
 * one 400 ({@code 400.1 Bad Request Content}), each naming its field and, for a missing identity or group, its id.
 * The contract's maxItems (3 approvers, 10 account managers) are schema limits, so they are 400.1 as well. Lengths
 * and text rules ({@link InputText}) are checked before an id is looked up.
 */
@Component
class SourceValidator {

    static final int MAX_APPROVERS = 3;
    static final int MAX_ACCOUNT_MANAGERS = 10;
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 4000;
    /** Identity and group ids, as the tables keep them. */
    static final int MAX_ID = 255;

    private final IdentityDirectory directory;

    SourceValidator(IdentityDirectory directory) {
        this.directory = directory;
    }

    SourceDraft validate(NonEmployeeSourceRequestBody body) {
        List<String> problems = new ArrayList<>();
        String name = body.name() == null ? null : body.name().trim();
        if (name == null || name.isEmpty()) {
            problems.add("name is required");
        } else if (!add(problems, InputText.problem("name", name, MAX_NAME))
                && SourceDraft.keyOf(name).length() > MAX_NAME) {
            // a few letters lower-case to two characters (İ to i̇): the case-free key must fit its column too
            problems.add("name must be at most " + MAX_NAME + " characters");
        }
        if (body.description() == null) {
            problems.add("description is required");
        } else {
            add(problems, InputText.problem("description", body.description(), MAX_DESCRIPTION));
        }
        String ownerId = body.owner() == null ? null : trimmed(body.owner().id());
        if (ownerId == null) {
            problems.add("owner.id is required");
        } else if (!add(problems, InputText.problem("owner.id", ownerId, MAX_ID))
                && !directory.identityExists(ownerId)) {
            problems.add("owner.id " + InputText.quoted(ownerId) + " is not an identity");
        }
        String workgroup = trimmed(body.managementWorkgroup());
        if (workgroup != null && !add(problems, InputText.problem("managementWorkgroup", workgroup, MAX_ID))
                && !directory.groupExists(workgroup)) {
            problems.add("managementWorkgroup " + InputText.quoted(workgroup) + " is not a governance group");
        }
        List<ApproverRef> approvers = approvers(body.approvers(), problems);
        List<String> managers = accountManagers(body.accountManagers(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(joined(problems));
        }
        return new SourceDraft(name, body.description(), ownerId, workgroup, approvers, managers);
    }

    private List<ApproverRef> approvers(List<NonEmployeeIdnUserRequest> items, List<String> problems) {
        List<ApproverRef> approvers = new ArrayList<>();
        if (items == null) {
            return approvers;
        }
        if (items.size() > MAX_APPROVERS) {
            problems.add("approvers holds at most " + MAX_APPROVERS + " approvers");
            return approvers;
        }
        for (int i = 0; i < items.size(); i++) {
            String field = "approvers[" + i + "]";
            NonEmployeeIdnUserRequest item = items.get(i);
            String id = item == null ? null : trimmed(item.id());
            if (id == null) {
                problems.add(field + ".id is required");
                continue;
            }
            if (add(problems, InputText.problem(field + ".id", id, MAX_ID))) {
                continue;
            }
            ApproverRef approver = resolveApprover(field, item.type(), id, problems);
            if (approver != null && approvers.contains(approver)) {
                problems.add(field + " " + InputText.quoted(id) + " is already an approver of an earlier level");
            } else if (approver != null) {
                approvers.add(approver);
            }
        }
        return approvers;
    }

    /** Without a type, an identity of that id wins over a group of that id (reference section 6.9). */
    private ApproverRef resolveApprover(String field, String type, String id, List<String> problems) {
        if (type == null) {
            if (directory.identityExists(id)) {
                return ApproverRef.identity(id);
            }
            if (directory.groupExists(id)) {
                return new ApproverRef(ApproverType.GOVERNANCE_GROUP, id);
            }
            problems.add(field + " " + InputText.quoted(id) + " is neither an identity nor a governance group");
            return null;
        }
        if (ApproverType.IDENTITY.name().equals(type)) {
            if (directory.identityExists(id)) {
                return ApproverRef.identity(id);
            }
            problems.add(field + " " + InputText.quoted(id) + " is not an identity");
            return null;
        }
        if (ApproverType.GOVERNANCE_GROUP.name().equals(type)) {
            if (directory.groupExists(id)) {
                return new ApproverRef(ApproverType.GOVERNANCE_GROUP, id);
            }
            problems.add(field + " " + InputText.quoted(id) + " is not a governance group");
            return null;
        }
        problems.add(field + ".type must be IDENTITY or GOVERNANCE_GROUP");
        return null;
    }

    private List<String> accountManagers(List<NonEmployeeIdnUserRequest> items, List<String> problems) {
        List<String> managers = new ArrayList<>();
        if (items == null) {
            return managers;
        }
        if (items.size() > MAX_ACCOUNT_MANAGERS) {
            problems.add("accountManagers holds at most " + MAX_ACCOUNT_MANAGERS + " identities");
            return managers;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "accountManagers[" + i + "]";
            NonEmployeeIdnUserRequest item = items.get(i);
            String id = item == null ? null : trimmed(item.id());
            if (id == null) {
                problems.add(field + ".id is required");
                continue;
            }
            if (add(problems, InputText.problem(field + ".id", id, MAX_ID))) {
                continue;
            }
            if (item.type() != null && !ApproverType.IDENTITY.name().equals(item.type())) {
                problems.add(field + " must be an identity (account managers cannot be groups)");
            } else if (!directory.identityExists(id)) {
                problems.add(field + " " + InputText.quoted(id) + " is not an identity");
            } else if (!seen.add(id)) {
                problems.add(field + " " + InputText.quoted(id) + " is listed twice");
            } else {
                managers.add(id);
            }
        }
        return managers;
    }

    /** Adds the problem, if any; true when there was one. */
    private static boolean add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
        return problem != null;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The contract's style: every problem followed by a semicolon, in one message. */
    static String joined(List<String> problems) {
        return problems.stream().map(p -> p + ";").collect(Collectors.joining(" "));
    }
}
