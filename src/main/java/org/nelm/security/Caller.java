package org.nelm.security;

import java.util.Set;
import org.nelm.platform.error.ApiException;

/**
 * Who is calling, as the access token says: the OAuth client, the identity behind it (null for an application
 * client without a user), the granted scopes and the identity's role contexts.
 */
public record Caller(String clientId, String identityId, Set<String> scopes, Set<String> authorities) {

    public boolean hasIdentity() {
        return identityId != null && !identityId.isBlank();
    }

    /** Who a domain event names as the author of a change: the identity, or {@code system} for an application client. */
    public String actor() {
        return hasIdentity() ? identityId : "system";
    }

    public boolean canRead() {
        return scopes.contains(Scopes.ALL) || scopes.contains(Scopes.NELM_READ) || scopes.contains(Scopes.NELM_MANAGE);
    }

    public boolean canManage() {
        return scopes.contains(Scopes.ALL) || scopes.contains(Scopes.NELM_MANAGE);
    }

    public boolean isOrgAdmin() {
        return authorities.contains(RoleContext.ORG_ADMIN.authority());
    }

    public boolean has(RoleContext role) {
        return isOrgAdmin() || authorities.contains(role.authority());
    }

    /** Refuses the operation (403) unless the caller holds the role context. */
    public void require(RoleContext role) {
        if (!has(role)) {
            throw ApiException.forbidden("This operation needs the role context " + role.authority());
        }
    }

    /** The identity a {@code requested-for} value names: {@code me} is the caller's own identity. */
    public String resolve(String requestedFor) {
        return "me".equals(requestedFor) ? identityId : requestedFor;
    }

    /**
     * The identity whose items a list with {@code requested-for} shows: the caller's own, or, with
     * {@code idn:nesr:read}, anyone's.
     */
    public String requestedIdentity(String requestedFor) {
        if (requestedFor == null || requestedFor.isBlank()) {
            throw ApiException.badRequest("requested-for is required");
        }
        String identity = resolve(requestedFor.trim());
        if (identity == null) {
            throw ApiException.badRequest("requested-for \"me\" needs a token of a user");
        }
        if (!identity.equals(identityId) && !has(RoleContext.NESR_READ)) {
            throw ApiException.forbidden();
        }
        return identity;
    }
}
