package org.nelm.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.record.RecordFixtures.body;
import static org.nelm.record.RecordFixtures.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiIntegration
class RecordsIT {

    @LocalServerPort
    int port;

    Api admin;
    String sourceId;

    @BeforeEach
    void source() {
        admin = Api.as(port, "admin");
        sourceId = RecordFixtures.source(admin, "department");
    }

    @AfterEach
    void removeSource() {
        RecordFixtures.deleteSource(admin, sourceId);
    }

    @Test
    void createReturns200WithTheRecordAndGetReturnsItInEveryPathFamily() {
        Map<String, Object> body = body(sourceId, "william.smith");
        body.put("data", Map.of("department", "Auditing"));

        ApiResponse created = admin.post("/v3/non-employee-records", body);

        assertThat(created.status()).isEqualTo(200);
        JsonNode record = created.json();
        assertThat(record.get("accountName").asText()).isEqualTo("william.smith");
        assertThat(record.get("sourceId").asText()).isEqualTo(sourceId);
        assertThat(record.get("data").get("department").asText()).isEqualTo("Auditing");
        assertThat(record.get("startDate").asText()).isEqualTo("2020-03-24T05:00:00Z");
        String id = record.get("id").asText();
        for (String path : List.of("/v3/non-employee-records/", "/v2024/non-employee-records/",
                "/v2025/non-employee-records/", "/v2026/non-employee-records/", "/non-employee-records/v1/")) {
            ApiResponse got = admin.get(path + id);
            assertThat(got.status()).as(path).isEqualTo(200);
            assertThat(got.json().get("created").asText()).isEqualTo(record.get("created").asText());
        }
    }

    @Test
    void createListsEveryMissingOrInvalidField() {
        Map<String, Object> body = body(sourceId, "x");
        body.remove("firstName");
        body.remove("accountName");
        body.put("email", "not-an-email");
        body.put("data", Map.of("nickname", "Bill"));

        ApiResponse response = admin.post("/v3/non-employee-records", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(response.messageText()).contains("accountName is required;", "firstName is required;",
                "email \"not-an-email\" is not a valid e-mail address;",
                "data.nickname is not a custom attribute of the source;");
    }

    @Test
    void createRefusesAnAccountNameTakenInTheSourceWithTheContractsText() {
        record(admin, sourceId, "existed");

        ApiResponse response = admin.post("/v3/non-employee-records", body(sourceId, "existed"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1.409 Reference conflict");
        assertThat(response.messageText().trim())
                .isEqualTo("Unable to create Non-Employee because the accountName \"existed\" is already being used.");
    }

    @Test
    void createNeedsTheCreateRoleContext() {
        ApiResponse response = Api.as(port, "manager1").post("/v3/non-employee-records", body(sourceId, "a"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detailCode()).isEqualTo("403 Forbidden");
    }

    @Test
    void createInAnUnknownSourceIsABadRequest() {
        ApiResponse response = admin.post("/v3/non-employee-records", body("no-such-source", "a"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.messageText()).contains("sourceId \"no-such-source\" is not a non-employee source");
    }

    @Test
    void malformedJsonIsABadRequest() {
        ApiResponse response = admin.send("POST", "/v3/non-employee-records", "application/json", "{\"accountName\":", null);

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void getOfAnUnknownIdIs404AndNeedsReadOrAccountManager() {
        String id = record(admin, sourceId, "someone");

        assertThat(admin.get("/v3/non-employee-records/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(Api.as(port, "manager1").get("/v3/non-employee-records/" + id).status()).isEqualTo(200);
        ApiResponse stranger = Api.as(port, "approver1").get("/v3/non-employee-records/" + id);
        assertThat(stranger.status()).isEqualTo(403);
    }

    @Test
    void listFiltersBySourceSortsAndCounts() {
        record(admin, sourceId, "b.one");
        record(admin, sourceId, "a.two");
        record(admin, sourceId, "c.three");

        ApiResponse page = admin.get("/v3/non-employee-records?count=true&limit=2&sorters=-accountName&filters="
                + Api.encode("sourceId eq \"" + sourceId + "\""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Total-Count")).isEqualTo("3");
        assertThat(accountNames(page)).containsExactly("c.three", "b.one");
        ApiResponse next = admin.get("/non-employee-records/v1?offset=2&sorters=-accountName&filters="
                + Api.encode("sourceId eq \"" + sourceId + "\""));
        assertThat(accountNames(next)).containsExactly("a.two");
    }

    /** An accountName order is read from the (source_id, account_name) index rather than sorted (RecordList.from). */
    @Test
    void accountNameOrder_pagesThroughASource_andAnAccountManagersSources() {
        for (String name : List.of("n.b", "n.d", "n.a", "n.c")) {
            record(admin, sourceId, name);
        }
        String bySource = "&filters=" + Api.encode("sourceId eq \"" + sourceId + "\"");

        assertThat(accountNames(admin.get("/v3/non-employee-records?limit=3&offset=1&sorters=accountName" + bySource)))
                .containsExactly("n.b", "n.c", "n.d");
        assertThat(accountNames(admin.get("/v3/non-employee-records?limit=2&sorters=-accountName,lastName" + bySource)))
                .containsExactly("n.d", "n.c");
        assertThat(accountNames(Api.as(port, "manager1").get("/v3/non-employee-records?limit=250&sorters=-accountName")))
                .contains("n.a", "n.b", "n.c", "n.d").isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void everyReferenceSorterIsAccepted() {
        record(admin, sourceId, "sorted");
        for (String sorter : List.of("id", "accountName", "sourceId", "manager", "firstName", "lastName", "email",
                "phone", "startDate", "endDate", "created", "modified")) {
            ApiResponse response = admin.get("/v3/non-employee-records?limit=1&sorters=-" + sorter);
            assertThat(response.status()).as(sorter).isEqualTo(200);
        }
    }

    @Test
    void listRefusesUnknownSortersFiltersAndOperators() {
        assertThat(admin.get("/v3/non-employee-records?sorters=nickname").status()).isEqualTo(400);
        assertThat(admin.get("/v3/non-employee-records?filters=" + Api.encode("accountName eq \"x\"")).status())
                .isEqualTo(400);
        assertThat(admin.get("/v3/non-employee-records?filters=" + Api.encode("sourceId co \"x\"")).status())
                .isEqualTo(400);
        assertThat(admin.get("/v3/non-employee-records?limit=251").status()).isEqualTo(400);
    }

    @Test
    void anAccountManagerListsOnlyTheRecordsOfTheirSourcesAndOthersAnEmptyList() {
        record(admin, sourceId, "managed");
        String otherSource = RecordFixtures.sourceManagedBy(admin, List.of("approver3"));
        try {
            record(admin, otherSource, "not.managed.by.manager1");

            ApiResponse seen = Api.as(port, "manager1").get("/v3/non-employee-records?limit=250&filters="
                    + Api.encode("sourceId eq \"" + otherSource + "\""));
            assertThat(accountNames(seen)).isEmpty();
            ApiResponse own = Api.as(port, "manager1").get("/v3/non-employee-records?limit=250&filters="
                    + Api.encode("sourceId eq \"" + sourceId + "\""));
            assertThat(accountNames(own)).containsExactly("managed");
            ApiResponse stranger = Api.as(port, "approver1").get("/v3/non-employee-records?count=true");
            assertThat(stranger.status()).isEqualTo(200);
            assertThat(stranger.json()).isEmpty();
            assertThat(stranger.header("X-Total-Count")).isEqualTo("0");
        } finally {
            RecordFixtures.deleteSource(admin, otherSource);
        }
    }

    @Test
    void deleteRemovesTheRecordAndNeedsTheDeleteRoleContext() {
        String id = record(admin, sourceId, "to.delete");

        assertThat(Api.as(port, "manager1").delete("/v3/non-employee-records/" + id).status()).isEqualTo(403);
        ApiResponse deleted = admin.delete("/v3/non-employee-records/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(admin.get("/v3/non-employee-records/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/v3/non-employee-records/" + id).status()).isEqualTo(404);
    }

    @Test
    void bulkDeleteIsAllOrNothingAndNamesUnknownIds() {
        String first = record(admin, sourceId, "bulk.one");
        String second = record(admin, sourceId, "bulk.two");
        String unknown = UUID.randomUUID().toString();

        ApiResponse refused = admin.post("/v3/non-employee-records/bulk-delete", Map.of("ids", List.of(first, unknown, second)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.messageText()).contains(unknown).doesNotContain(first);
        assertThat(admin.get("/v3/non-employee-records/" + first).status()).isEqualTo(200);

        ApiResponse deleted = admin.post("/v3/non-employee-records/bulk-delete", Map.of("ids", List.of(first, second)));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(admin.get("/v3/non-employee-records/" + first).status()).isEqualTo(404);
        assertThat(admin.get("/v3/non-employee-records/" + second).status()).isEqualTo(404);
    }

    @Test
    void bulkDeleteNeedsIdsAndTheDeleteRoleContext() {
        assertThat(admin.post("/v3/non-employee-records/bulk-delete", Map.of("ids", List.of())).status()).isEqualTo(400);
        assertThat(admin.post("/v3/non-employee-records/bulk-delete", Map.of()).status()).isEqualTo(400);
        assertThat(Api.as(port, "manager1").post("/v3/non-employee-records/bulk-delete",
                Map.of("ids", List.of(UUID.randomUUID().toString()))).status()).isEqualTo(403);
    }

    private static List<String> accountNames(ApiResponse response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().forEach(record -> names.add(record.get("accountName").asText()));
        return names;
    }
}
