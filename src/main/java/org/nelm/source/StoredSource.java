package org.nelm.source;

import java.time.OffsetDateTime;
import java.util.List;

/** A source row with its approvers and account managers, as stored; mapped to the contract's shapes here only. */
record StoredSource(String id, String sourceId, String cloudExternalId, String name, String description,
                    String ownerId, String managementWorkgroup, List<ApproverRef> approvers,
                    List<String> accountManagerIds, OffsetDateTime created, OffsetDateTime modified) {

    boolean isAccountManager(String identityId) {
        return identityId != null && accountManagerIds.contains(identityId);
    }

    NonEmployeeSource toSource() {
        return new NonEmployeeSource(id, sourceId, name, description, approvers,
                accountManagerIds.stream().map(ApproverRef::identity).toList(), modified, created);
    }

    /** The document a PATCH is applied to: the create body as it would recreate this source. */
    NonEmployeeSourceRequestBody toRequestBody() {
        return new NonEmployeeSourceRequestBody(name, description, new NonEmployeeIdnUserRequest(null, ownerId),
                managementWorkgroup,
                approvers.stream().map(a -> new NonEmployeeIdnUserRequest(a.type().name(), a.id())).toList(),
                accountManagerIds.stream()
                        .map(id -> new NonEmployeeIdnUserRequest(ApproverType.IDENTITY.name(), id)).toList());
    }
}
