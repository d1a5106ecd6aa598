package org.nelm.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.nelm.platform.error.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The caller of the current API request and the checks every operation starts with: the OAuth scope its
 * security block names, and whether it needs a user (userAuth) rather than an application client.
 */
@Component
public class CurrentCaller {

    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw ApiException.forbidden();
        }
        return fromJwt(jwt);
    }

    /** For read operations: scope idn:nelm:read (manage and sp:scopes:all include it). */
    public Caller reader() {
        Caller caller = get();
        if (!caller.canRead()) {
            throw ApiException.forbidden("The access token lacks the scope " + Scopes.NELM_READ);
        }
        return caller;
    }

    /** For write operations: scope idn:nelm:manage. */
    public Caller manager() {
        Caller caller = get();
        if (!caller.canManage()) {
            throw ApiException.forbidden("The access token lacks the scope " + Scopes.NELM_MANAGE);
        }
        return caller;
    }

    /** The operations the contract marks userAuth-only refuse a token that carries no identity. */
    public static Caller requireUser(Caller caller) {
        if (!caller.hasIdentity()) {
            throw ApiException.forbidden("This operation needs a token of a user (personal access token)");
        }
        return caller;
    }

    static Caller fromJwt(Jwt jwt) {
        return new Caller(
                jwt.getClaimAsString(TokenClaims.CLIENT_ID),
                jwt.getClaimAsString(TokenClaims.IDENTITY_ID),
                Set.copyOf(stringList(jwt.getClaim(TokenClaims.SCOPE))),
                Set.copyOf(stringList(jwt.getClaim(TokenClaims.AUTHORITIES))));
    }

    private static List<String> stringList(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }
}
