package org.nelm.security;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * OAuth client credentials: an application client, a demo client or a personal access token. A client with a
 * {@code disabled} time gets no tokens (demo clients on a database started without demo mode).
 */
record ApiClient(String clientId, String secretHash, Kind kind, String name, String identityId,
                 List<String> scopes, List<String> authorities, Integer accessTokenValiditySeconds,
                 OffsetDateTime expirationDate, OffsetDateTime created, OffsetDateTime lastUsed,
                 OffsetDateTime disabled) {

    enum Kind { CLIENT, PAT }

    boolean usableAt(OffsetDateTime now) {
        return disabled == null && (expirationDate == null || expirationDate.isAfter(now));
    }
}
