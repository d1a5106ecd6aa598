package org.nelm.security;

/**
 * Role contexts held by identities (reference section 2). An identity holds one by being a member of the
 * Camunda group {@link #groupId()}, so administrators grant them in Camunda Admin. ORG_ADMIN implies all.
 */
public enum RoleContext {
    ORG_ADMIN("ORG_ADMIN", "nelm-org-admin"),
    NESR_READ("idn:nesr:read", "nelm-nesr-read"),
    NESR_CREATE("idn:nesr:create", "nelm-nesr-create"),
    NESR_UPDATE("idn:nesr:update", "nelm-nesr-update"),
    NESR_DELETE("idn:nesr:delete", "nelm-nesr-delete");

    private final String authority;
    private final String groupId;

    RoleContext(String authority, String groupId) {
        this.authority = authority;
        this.groupId = groupId;
    }

    public String authority() { return authority; }

    public String groupId() { return groupId; }
}
