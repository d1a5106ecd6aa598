package org.nelm.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;

/**
 * Test data through the API: a source of its own per test (owner requester1, account manager manager1), removed
 * again afterwards because an organization holds at most 50 sources and all ITs share one database.
 */
public final class RecordFixtures {

    public static final String OWNER = "requester1";
    public static final String ACCOUNT_MANAGER = "manager1";

    private RecordFixtures() {
    }

    /** Creates a source with the given custom attributes (technical names); returns its id. */
    public static String source(Api admin, String... customAttributes) {
        return source(admin, List.of(ACCOUNT_MANAGER), customAttributes);
    }

    public static String sourceManagedBy(Api admin, List<String> accountManagers) {
        return source(admin, accountManagers);
    }

    private static String source(Api admin, List<String> accountManagers, String... customAttributes) {
        ApiResponse created = admin.post("/v3/non-employee-sources", Map.of(
                "name", "records-" + UUID.randomUUID(),
                "description", "source of a records test",
                "owner", Map.of("id", OWNER),
                "accountManagers", accountManagers.stream().map(id -> Map.of("id", id)).toList()));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String id = created.json().get("id").asText();
        for (String name : customAttributes) {
            ApiResponse attribute = admin.post("/v3/non-employee-sources/" + id + "/schema-attributes",
                    Map.of("type", "TEXT", "label", name, "technicalName", name));
            assertThat(attribute.status()).as(attribute.text()).isEqualTo(200);
        }
        return id;
    }

    public static void deleteSource(Api admin, String sourceId) {
        assertThat(admin.delete("/v3/non-employee-sources/" + sourceId).status()).isEqualTo(204);
    }

    /** A valid NonEmployeeRequestBody for the source; change entries to taste. */
    public static Map<String, Object> body(String sourceId, String accountName) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountName", accountName);
        body.put("firstName", "William");
        body.put("lastName", "Smith");
        body.put("email", accountName + "@example.com");
        body.put("phone", "5125555555");
        body.put("manager", "jane.doe");
        body.put("sourceId", sourceId);
        body.put("startDate", "2020-03-24T00:00:00-05:00");
        body.put("endDate", "2031-03-25T00:00:00-05:00");
        return body;
    }

    /** Creates a record as admin and returns its id. */
    public static String record(Api admin, String sourceId, String accountName) {
        ApiResponse created = admin.post("/v3/non-employee-records", body(sourceId, accountName));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().get("id").asText();
    }
}
