package org.nelm.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.request.RequestFixtures.body;
import static org.nelm.request.RequestFixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /v3/non-employee-requests/route-preview}: the levels a create would run, and nothing stored. */
@ApiIntegration
class RoutePreviewIT {

    private static final String PREVIEW = "/v3/non-employee-requests/route-preview";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private RequestFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new RequestFixtures(port);
    }

    @Test
    void preview_showsEachLevelsApproverAndWhy_andStoresNothing() {
        String sourceId = fixtures.source("approver1", "group:nelm-approvers");
        Map<String, Object> body = body(sourceId, unique("acct"));
        long requests = count("nelm_request");
        long events = count("event_publication");
        long instances = count("ACT_HI_PROCINST");

        ApiResponse preview = Api.as(port, "requester1").post(PREVIEW, body);

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.json().get("sourceId").asText()).isEqualTo(sourceId);
        JsonNode levels = preview.json().get("levels");
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0).get("approvalOrder").asInt()).isEqualTo(1);
        assertThat(levels.get(0).get("approver").get("id").asText()).isEqualTo("approver1");
        assertThat(levels.get(0).get("approver").get("type").asText()).isEqualTo("IDENTITY");
        assertThat(levels.get(0).get("routing").get("outputs").get("reason").asText()).isEqualTo("source approver 1");
        assertThat(levels.get(1).get("approver").get("type").asText()).isEqualTo("GOVERNANCE_GROUP");
        assertThat(levels.get(1).get("routing").get("inputs").get("sourceId").asText()).isEqualTo(sourceId);
        assertThat(count("nelm_request")).as("no request").isEqualTo(requests);
        assertThat(count("event_publication")).as("no event, so no mail").isEqualTo(events);
        assertThat(count("ACT_HI_PROCINST")).as("no process instance, not even in history").isEqualTo(instances);

        ApiResponse created = Api.as(port, "requester1").post("/v3/non-employee-requests", body);
        assertThat(created.status()).as("the same body can then be submitted: " + created.text()).isEqualTo(200);
        assertThat(created.json().get("approvalItems").findValuesAsText("approvalStatus"))
                .containsExactly("PENDING", "NOT_READY");
    }

    @Test
    void preview_showsTheSubstitutionOfALevelRoutedToTheRequester() {
        // requester1 owns the fixture sources, so a level routed to requester1 goes to the org admins
        ApiResponse preview = Api.as(port, "requester1").post(PREVIEW,
                body(fixtures.source("requester1", "approver2"), unique("acct")));

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        JsonNode level1 = preview.json().get("levels").get(0);
        assertThat(level1.get("approver").get("id").asText()).isEqualTo("nelm-org-admin");
        assertThat(level1.get("routing").get("substitution").get("reason").asText())
                .startsWith("requester1 is the requester, so the level goes to the org admins");
        assertThat(preview.json().get("levels").get(1).get("approver").get("id").asText()).isEqualTo("approver2");
    }

    @Test
    void preview_isValidatedAndAuthorizedLikeACreate() {
        String sourceId = fixtures.source("approver1");
        Map<String, Object> noEmail = body(sourceId, unique("acct"));
        noEmail.remove("email");
        ApiResponse invalid = Api.as(port, "requester1").post(PREVIEW, noEmail);
        ApiResponse invalidCreate = Api.as(port, "requester1").post("/v3/non-employee-requests", noEmail);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.detailCode()).isEqualTo(invalidCreate.detailCode());
        assertThat(invalid.messageText()).isNotBlank().isEqualTo(invalidCreate.messageText());

        JsonNode open = fixtures.request(sourceId);
        ApiResponse taken = Api.as(port, "requester1").post(PREVIEW, body(sourceId, open.get("accountName").asText()));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.detailCode()).isEqualTo("400.1.409 Reference conflict");

        assertThat(Api.as(port, "approver1").post(PREVIEW, body(sourceId, unique("acct"))).status())
                .as("only who may submit the request may preview it").isEqualTo(403);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
