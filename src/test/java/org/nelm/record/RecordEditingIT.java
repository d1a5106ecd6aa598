package org.nelm.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.record.RecordFixtures.body;
import static org.nelm.record.RecordFixtures.record;

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

/** PUT and PATCH: who may change which field (reference section 3, ops 4-5, and 13.8). */
@ApiIntegration
class RecordEditingIT {

    @LocalServerPort
    int port;

    Api admin;
    String sourceId;
    String recordId;

    @BeforeEach
    void sourceWithARecord() {
        admin = Api.as(port, "admin");
        sourceId = RecordFixtures.source(admin, "department");
        recordId = RecordFixtures.record(admin, sourceId, "edit.me");
    }

    @AfterEach
    void removeSource() {
        RecordFixtures.deleteSource(admin, sourceId);
    }

    @Test
    void anUpdaterReplacesEveryFieldWithPut() {
        Map<String, Object> body = body(sourceId, "edited");
        body.put("firstName", "Bill");
        body.put("data", Map.of("department", "Sales"));

        ApiResponse response = admin.put("/v3/non-employee-records/" + recordId, body);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("accountName").asText()).isEqualTo("edited");
        assertThat(response.json().get("firstName").asText()).isEqualTo("Bill");
        assertThat(response.json().get("data").get("department").asText()).isEqualTo("Sales");
        assertThat(response.json().get("id").asText()).isEqualTo(recordId);
    }

    @Test
    void putValidatesLikeCreateAndRefusesATakenAccountNameAndAnotherSource() {
        record(admin, sourceId, "taken");
        Map<String, Object> invalid = body(sourceId, "edit.me");
        invalid.put("endDate", "next year");

        assertThat(admin.put("/v3/non-employee-records/" + recordId, invalid).messageText())
                .contains("endDate \"next year\" is not an ISO-8601 date-time");
        ApiResponse taken = admin.put("/v3/non-employee-records/" + recordId, body(sourceId, "taken"));
        assertThat(taken.detailCode()).isEqualTo("400.1.409 Reference conflict");
        ApiResponse moved = admin.put("/v3/non-employee-records/" + recordId, body("another-source", "edit.me"));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.messageText()).contains("sourceId cannot be changed");
    }

    @Test
    void putOfAnUnknownRecordIs404() {
        ApiResponse response = admin.put("/v3/non-employee-records/" + UUID.randomUUID(), body(sourceId, "x"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.detailCode()).isEqualTo("404 Not found");
    }

    @Test
    void theSourceOwnerMayPutOnlyANewEndDate() {
        Api owner = Api.as(port, RecordFixtures.OWNER);
        Map<String, Object> body = body(sourceId, "edit.me");
        body.put("endDate", "2032-01-31T00:00:00Z");

        ApiResponse extended = owner.put("/v3/non-employee-records/" + recordId, body);

        assertThat(extended.status()).as(extended.text()).isEqualTo(200);
        assertThat(extended.json().get("endDate").asText()).isEqualTo("2032-01-31T00:00:00Z");
        body.put("firstName", "Changed");
        ApiResponse renamed = owner.put("/v3/non-employee-records/" + recordId, body);
        assertThat(renamed.status()).isEqualTo(403);
        assertThat(admin.get("/v3/non-employee-records/" + recordId).json().get("firstName").asText()).isEqualTo("William");
    }

    @Test
    void putAndPatchNeedAUserToken() {
        Api application = Api.as(port, "nelm-service");

        assertThat(application.put("/v3/non-employee-records/" + recordId, body(sourceId, "edit.me")).status())
                .isEqualTo(403);
        assertThat(application.patch("/v3/non-employee-records/" + recordId,
                List.of(Map.of("op", "replace", "path", "/endDate", "value", "2033-01-01T00:00:00Z"))).status())
                .isEqualTo(403);
    }

    @Test
    void nobodyElseMayEdit() {
        Api stranger = Api.as(port, "approver1");

        assertThat(stranger.put("/v3/non-employee-records/" + recordId, body(sourceId, "edit.me")).status()).isEqualTo(403);
        assertThat(stranger.patch("/v3/non-employee-records/" + recordId,
                List.of(Map.of("op", "replace", "path", "/endDate", "value", "2033-01-01T00:00:00Z"))).status())
                .isEqualTo(403);
    }

    @Test
    void anUpdaterPatchesAnyFieldIncludingOneCustomAttribute() {
        ApiResponse response = admin.patch("/v3/non-employee-records/" + recordId, List.of(
                Map.of("op", "replace", "path", "/firstName", "value", "Bill"),
                Map.of("op", "add", "path", "/data/department", "value", "Auditing")));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("firstName").asText()).isEqualTo("Bill");
        assertThat(response.json().get("data").get("department").asText()).isEqualTo("Auditing");
    }

    @Test
    void anAccountManagerMayPatchOnlyTheEndDate() {
        Api manager = Api.as(port, RecordFixtures.ACCOUNT_MANAGER);

        ApiResponse extended = manager.patch("/non-employee-records/v1/" + recordId,
                List.of(Map.of("op", "replace", "path", "/endDate", "value", "2033-01-01T00:00:00Z")));
        ApiResponse renamed = manager.patch("/v3/non-employee-records/" + recordId,
                List.of(Map.of("op", "replace", "path", "/firstName", "value", "Bill")));

        assertThat(extended.status()).as(extended.text()).isEqualTo(200);
        assertThat(extended.json().get("endDate").asText()).isEqualTo("2033-01-01T00:00:00Z");
        assertThat(renamed.status()).isEqualTo(403);
    }

    @Test
    void patchRefusesTheSourceIdBadOperationsAndInvalidResults() {
        String path = "/v3/non-employee-records/" + recordId;

        assertThat(admin.patch(path, List.of(Map.of("op", "replace", "path", "/sourceId", "value", "x"))).status())
                .isEqualTo(400);
        assertThat(admin.patch(path, List.of(Map.of("op", "replace", "path", "/id", "value", "x"))).status())
                .isEqualTo(400);
        assertThat(admin.patch(path, List.of(Map.of("op", "jump", "path", "/firstName"))).status()).isEqualTo(400);
        assertThat(admin.patch(path, Map.of("op", "replace")).status()).isEqualTo(400);
        ApiResponse invalid = admin.patch(path, List.of(Map.of("op", "replace", "path", "/email", "value", "nope")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.messageText()).contains("email \"nope\" is not a valid e-mail address");
        ApiResponse removed = admin.patch(path, List.of(Map.of("op", "remove", "path", "/lastName")));
        assertThat(removed.messageText()).contains("lastName is required");
        assertThat(admin.patch("/v3/non-employee-records/" + UUID.randomUUID(),
                List.of(Map.of("op", "replace", "path", "/endDate", "value", "2033-01-01T00:00:00Z"))).status())
                .isEqualTo(404);
    }
}
