package org.nelm.security;

import java.time.OffsetDateTime;
import java.util.List;

/** OAuth client credentials: an application client, a demo client or a personal access token. */
record ApiClient(String clientId, String secretHash, Kind kind, String name, String identityId,
                 List<String> scopes, List<String> authorities, Integer accessTokenValiditySeconds,
                 OffsetDateTime expirationDate, OffsetDateTime created, OffsetDateTime lastUsed) {

    enum Kind { CLIENT, PAT }

    boolean expiredAt(OffsetDateTime now) {
        return expirationDate != null && !expirationDate.isAfter(now);
    }
}
