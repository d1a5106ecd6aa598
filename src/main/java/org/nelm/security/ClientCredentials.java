package org.nelm.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.nelm.platform.StoredTime;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registers and disables OAuth clients (demo data); personal access tokens are created through their API.
 * Callers on several nodes serialize themselves (DemoData holds a lock row), so nothing here races.
 */
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
        ensure(clientId, secret, identityId, null);
    }

    /** An application client without a user (applicationAuth): its role contexts are given here. */
    public void ensureApplicationClient(String clientId, String secret, List<RoleContext> roles) {
        ensure(clientId, secret, null, roles.stream().map(RoleContext::authority).toList());
    }

    /** Disables those of the clients that are enabled; returns their ids. */
    public List<String> disable(Collection<String> clientIds) {
        return clients.disable(clientIds, StoredTime.now(clock));
    }

    /** Deletes every personal access token the identities own; returns how many. */
    public int deletePersonalAccessTokensOf(Collection<String> identityIds) {
        return clients.deletePersonalTokensOf(identityIds);
    }

    /** Creates the client, or makes a disabled one work again with this secret. */
    private void ensure(String clientId, String secret, String identityId, List<String> authorities) {
        var existing = clients.find(clientId);
        if (existing.isEmpty()) {
            clients.insert(new ApiClient(clientId, passwordEncoder.encode(secret), ApiClient.Kind.CLIENT, clientId,
                    identityId, Scopes.DEFAULT_GRANT, authorities, null, null, StoredTime.now(clock), null, null));
        } else if (existing.get().disabled() != null) {
            clients.enable(clientId, passwordEncoder.encode(secret));
        }
    }
}
