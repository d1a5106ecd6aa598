package org.nelm.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.request.RequestFixtures.awaitMails;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /v3/non-employee-approvals/delegation/me}: an approver's out-of-office delegate. */
@ApiIntegration
class OutOfOfficeIT {

    private static final String DELEGATION = "/v3/non-employee-approvals/delegation/me";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private RequestFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new RequestFixtures(port);
    }

    @AfterEach
    void noDelegationOutlivesItsTest() {
        // approver1 decides in most other tests: leave it present
        Api.as(port, "approver1").delete(DELEGATION);
    }

    @Test
    void levelsThatStartWhileAway_goToTheDelegate_onBehalfOfTheApprover() {
        String sourceId = fixtures.source("approver1");
        ApiResponse set = Api.as(port, "approver1").put(DELEGATION, delegation("approver3",
                Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(Api.as(port, "approver1").get(DELEGATION).json().get("delegateId").asText()).isEqualTo("approver3");

        JsonNode request = fixtures.request(sourceId);

        JsonNode level = request.get("approvalItems").get(0);
        assertThat(level.get("approver").get("id").asText()).isEqualTo("approver3");
        JsonNode detail = Api.as(port, "approver3").get("/v3/non-employee-approvals/" + level.get("id").asText())
                .json();
        assertThat(detail.get("routing").get("substitution").get("reason").asText())
                .startsWith("approver1 is out of office until ")
                .endsWith(", so the level goes to their delegate approver3");
        List<MimeMessage> mails = awaitMails("approver3@example.com", "Your review is needed: William Smith ("
                + request.get("accountName").asText(), 1);
        assertThat(RequestFixtures.text(mails.get(0))).contains("on behalf of", "who is out of office");
        assertThat(Api.as(port, "approver3").post("/v3/non-employee-approvals/" + level.get("id").asText()
                + "/approve", Map.of()).status()).isEqualTo(200);

        assertThat(Api.as(port, "approver1").delete(DELEGATION).status()).isEqualTo(204);
        assertThat(fixtures.request(sourceId).get("approvalItems").get(0).get("approver").get("id").asText())
                .as("back").isEqualTo("approver1");
    }

    @Test
    void aDelegationNotYetBegun_leavesLevelsWithTheApprover() {
        Api.as(port, "approver1").put(DELEGATION, delegation("approver3", Instant.now().plus(1, ChronoUnit.DAYS),
                Instant.now().plus(7, ChronoUnit.DAYS)));

        JsonNode request = fixtures.request(fixtures.source("approver1"));

        assertThat(request.get("approvalItems").get(0).get("approver").get("id").asText()).isEqualTo("approver1");
    }

    @Test
    void pendingLevels_moveToTheDelegate_withOneCall() {
        JsonNode first = fixtures.request(fixtures.source("approver1"));
        JsonNode second = fixtures.request(fixtures.source("approver1", "approver2"));
        JsonNode orphan = fixtures.request(fixtures.source("approver1"));
        String orphanItem = orphan.get("approvalItems").get(0).get("id").asText();
        // an item left PENDING under a review task that no longer exists (as after an operator's repair)
        jdbc.sql("update nelm_approval_item set task_id = 'gone' where id = :id").param("id", orphanItem).update();
        assertThat(Api.as(port, "approver1").post(DELEGATION + "/move-pending", Map.of()).status())
                .as("no delegation yet").isEqualTo(400);
        Api.as(port, "approver1").put(DELEGATION, delegation("approver3", Instant.now(),
                Instant.now().plus(3, ChronoUnit.DAYS)));

        ApiResponse moved = Api.as(port, "approver1").post(DELEGATION + "/move-pending", Map.of());

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        String firstItem = first.get("approvalItems").get(0).get("id").asText();
        String secondItem = second.get("approvalItems").get(0).get("id").asText();
        assertThat(moved.json().get("moved")).extracting(JsonNode::asText).contains(firstItem, secondItem);
        assertThat(moved.json().get("kept").findValuesAsText("reason")).contains("its review task no longer exists");
        ApiResponse single = Api.as(port, "approver1").post("/v3/non-employee-approvals/" + orphanItem + "/reassign",
                Map.of("identityId", "approver3"));
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.messageText()).contains("no longer under review");
        assertThat(Api.as(port, "approver1").get("/v3/non-employee-approvals/" + orphanItem).json().get("approver")
                .get("id").asText()).as("nothing half-written").isEqualTo("approver1");
        JsonNode detail = Api.as(port, "approver3").get("/v3/non-employee-approvals/" + secondItem).json();
        assertThat(detail.get("approver").get("id").asText()).isEqualTo("approver3");
        assertThat(detail.get("reassignments").get(0).get("by").asText()).isEqualTo("approver1");
        assertThat(detail.get("reassignments").get(0).get("comment").asText()).startsWith("Out of office until ");
        assertThat(EngineRest.as(port, "approver3").taskOf(second.get("id").asText()).get("assignee").asText())
                .isEqualTo("approver3");
        assertThat(Api.as(port, "approver1").get("/v3/non-employee-approvals?filters="
                + Api.encode("approvalStatus eq \"Pending\"")).json()).extracting(item -> item.get("id").asText())
                .doesNotContain(firstItem, secondItem);
    }

    @Test
    void aDelegation_isRefusedWithAClearMessage_whenItCannotWork() {
        Instant now = Instant.now();
        assertRefused(delegation("approver1", now, now.plus(1, ChronoUnit.DAYS)), "someone else");
        assertRefused(delegation("nobody-here", now, now.plus(1, ChronoUnit.DAYS)), "is not a known identity");
        assertRefused(delegation("approver3", now, now.minus(1, ChronoUnit.DAYS)), "end must be after start");
        assertRefused(delegation("y".repeat(256), now, now.plus(1, ChronoUnit.DAYS)),
                "delegateId must be at most 255 characters");
        Map<String, Object> badDate = delegation("approver3", now, now);
        badDate.put("start", "next monday");
        assertRefused(badDate, "start \"next monday\" is not an ISO-8601 date-time");
        Map<String, Object> noDelegate = delegation("approver3", now, now.plus(1, ChronoUnit.DAYS));
        noDelegate.remove("delegateId");
        assertRefused(noDelegate, "delegateId is required");
        assertThat(Api.as(port, "approver1").get(DELEGATION).status()).as("nothing stored").isEqualTo(404);
        assertThat(Api.as(port, "approver1").delete(DELEGATION).status()).isEqualTo(404);
        assertThat(Api.as(port, "nelm-service").get(DELEGATION).status()).as("userAuth only").isEqualTo(403);
    }

    private void assertRefused(Map<String, Object> body, String message) {
        ApiResponse refused = Api.as(port, "approver1").put(DELEGATION, body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.messageText()).contains(message);
    }

    private static Map<String, Object> delegation(String delegate, Instant start, Instant end) {
        Map<String, Object> body = new HashMap<>();
        body.put("delegateId", delegate);
        body.put("start", start.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("end", end.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("comment", "holiday");
        return body;
    }
}
