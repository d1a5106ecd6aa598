package org.nelm.source;

import java.util.List;

/**
 * What other modules need to know about a source: who approves (in order), who manages its accounts, who owns
 * it, and its account schema (system attributes first, then custom ones in creation order).
 */
public record SourcePolicy(String id, String sourceId, String name, String description, String ownerId,
                           List<ApproverRef> approvers, List<String> accountManagerIds,
                           List<SchemaAttributeDef> attributes) {

    public boolean isAccountManager(String identityId) {
        return identityId != null && accountManagerIds.contains(identityId);
    }

    public boolean isOwner(String identityId) {
        return identityId != null && identityId.equals(ownerId);
    }

    public List<SchemaAttributeDef> customAttributes() {
        return attributes.stream().filter(a -> !a.system()).toList();
    }

    public boolean hasCustomAttribute(String technicalName) {
        return attributes.stream().anyMatch(a -> !a.system() && a.technicalName().equals(technicalName));
    }
}
