package org.nelm.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.security.ClientCredentials;
import org.nelm.security.RoleContext;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;

/**
 * Test data for the source ITs: bodies, the two path families every operation is tested in, callers with a given
 * role context or a read-only token, and the bookkeeping that deletes every source a test created (all ITs share
 * one database and the organization's 50-source limit).
 */
final class SourceFixtures {

    /** The versioned family and the per-API family (reference section 1). */
    static final List<String> FAMILIES = List.of("/v3/non-employee-sources", "/non-employee-sources/v1");

    private final int port;
    private final List<String> created = new ArrayList<>();

    SourceFixtures(int port) {
        this.port = port;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A minimal valid create body: name, description, owner admin. */
    static Map<String, Object> body(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "Contractors of " + name);
        body.put("owner", Map.of("id", "admin"));
        return body;
    }

    static Map<String, String> ref(String id) {
        return Map.of("id", id);
    }

    Api admin() {
        return Api.as(port, "admin");
    }

    /** Creates a source as admin and remembers it for {@link #deleteCreated()}. */
    JsonNode create(String family, Map<String, Object> body) {
        ApiResponse response = admin().post(family, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        remember(response.json().get("id").asText());
        return response.json();
    }

    JsonNode create(String family) {
        return create(family, body(unique("Source")));
    }

    void remember(String id) {
        created.add(id);
    }

    void deleteCreated() {
        created.forEach(id -> admin().delete("/v3/non-employee-sources/" + id));
        created.clear();
    }

    /** A fresh identity holding exactly one role context, and an API client acting as it. */
    static Api withRole(int port, IdentityDirectory directory, ClientCredentials clients, RoleContext role) {
        String id = "src-" + role.name().toLowerCase().replace('_', '-');
        directory.ensureIdentity(new Identity(id, "Role", role.name(), id + "@example.com"), id);
        directory.ensureMembership(id, role.groupId());
        clients.ensureIdentityClient(id, id + "-secret", id);
        return Api.as(port, id);
    }

    /** admin's personal access token limited to idn:nelm:read: every write must be refused (403). */
    static Api readOnlyAdmin(int port) {
        ApiResponse pat = Api.as(port, "admin").post("/v3/personal-access-tokens",
                Map.of("name", unique("read-only"), "scope", List.of("idn:nelm:read")));
        assertThat(pat.status()).as(pat.toString()).isEqualTo(200);
        return Api.as(port, pat.json().get("id").asText(), pat.json().get("secret").asText());
    }
}
