package org.nelm.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.nelm.platform.StoredTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registers OAuth clients (demo data, operators); personal access tokens are created through their API. */
@Service
public class ClientCredentials {

    private final ApiClients clients;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    ClientCredentials(ApiClients clients, PasswordEncoder passwordEncoder, Clock clock) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** A client acting as the identity: its tokens carry the identity and the identity's role contexts. */
    public void ensureIdentityClient(String clientId, String secret, String identityId) {
        ensure(new ApiClient(clientId, passwordEncoder.encode(secret), ApiClient.Kind.CLIENT, clientId, identityId,
                Scopes.DEFAULT_GRANT, null, null, null, now(), null));
    }

    /** An application client without a user (applicationAuth): its role contexts are given here. */
    public void ensureApplicationClient(String clientId, String secret, List<RoleContext> roles) {
        List<String> authorities = roles.stream().map(RoleContext::authority).toList();
        ensure(new ApiClient(clientId, passwordEncoder.encode(secret), ApiClient.Kind.CLIENT, clientId, null,
                Scopes.DEFAULT_GRANT, authorities, null, null, now(), null));
    }

    private void ensure(ApiClient client) {
        if (clients.exists(client.clientId())) {
            return;
        }
        try {
            clients.insert(client);
        } catch (DuplicateKeyException anotherNodeCreatedIt) {
            // several nodes starting at once on one database: the first insert wins
        }
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
