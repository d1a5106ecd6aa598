package org.nelm.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.request.RequestFixtures.awaitMails;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /v3/non-employee-approvals/{id}/reassign}, and the same rule when the assignee changes through
 * engine REST (as Tasklist or Cockpit would change it).
 */
@ApiIntegration
class ReassignIT {

    @LocalServerPort
    int port;

    private RequestFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new RequestFixtures(port);
    }

    @Test
    void theApproverHandsALevelToAnotherIdentity_whoDecidesIt_andTheItemSaysSo() {
        JsonNode request = fixtures.request(fixtures.source("approver1", "group:nelm-approvers"));
        String item = request.get("approvalItems").get(0).get("id").asText();

        ApiResponse reassigned = Api.as(port, "approver1").post(reassign(item),
                Map.of("identityId", "approver3", "comment", "on holiday until Monday"));

        assertThat(reassigned.status()).as(reassigned.text()).isEqualTo(200);
        assertThat(reassigned.json().get("approver").get("id").asText()).isEqualTo("approver3");
        assertThat(reassigned.json().get("approvalStatus").asText()).isEqualTo("PENDING");
        JsonNode detail = Api.as(port, "approver3").get("/v3/non-employee-approvals/" + item).json();
        JsonNode handOver = detail.get("reassignments").get(0);
        assertThat(handOver.get("from").get("id").asText()).isEqualTo("approver1");
        assertThat(handOver.get("to").asText()).isEqualTo("approver3");
        assertThat(handOver.get("by").asText()).isEqualTo("approver1");
        assertThat(handOver.get("comment").asText()).isEqualTo("on holiday until Monday");
        assertThat(handOver.get("at").asText()).isNotBlank();
        assertThat(EngineRest.as(port, "approver3").taskOf(request.get("id").asText()).get("assignee").asText())
                .as("the engine's task went along").isEqualTo("approver3");
        JsonNode inRequest = fixtures.request(request.get("id").asText(), "requester1").get("approvalItems");
        assertThat(inRequest.get(0).get("reassignments").get(0).get("to").asText())
                .as("the request's detail shows it too").isEqualTo("approver3");
        assertThat(inRequest.get(1).has("reassignments")).as("only where there are some").isFalse();
        assertThat(Api.as(port, "requester1").get("/v3/non-employee-requests?requested-for=me").json()
                .findValues("reassignments")).as("not in lists").isEmpty();
        assertThat(awaitMails("approver3@example.com", "Handed to you for review: William Smith ("
                + request.get("accountName").asText(), 1)).hasSize(1);

        assertThat(Api.as(port, "approver1").post("/v3/non-employee-approvals/" + item + "/approve", Map.of()).status())
                .as("the former approver no longer decides").isEqualTo(403);
        String task = EngineRest.as(port, "approver3").taskOf(request.get("id").asText()).get("id").asText();
        HttpResponse<String> formerThroughEngineRest = EngineRest.as(port, "approver1").complete(task, "APPROVED", null);
        assertThat(formerThroughEngineRest.statusCode()).as("nor through engine REST, as Tasklist would complete it")
                .isEqualTo(403);
        HttpResponse<String> handBack = EngineRest.as(port, "approver1").send("POST",
                "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"approver1\"}");
        assertThat(handBack.statusCode()).as("nor take it back").isEqualTo(403);
        assertThat(Api.as(port, "approver3").get("/v3/non-employee-approvals/" + item).json()
                .get("approvalStatus").asText()).isEqualTo("PENDING");
        ApiResponse approved = Api.as(port, "approver3").post("/v3/non-employee-approvals/" + item + "/approve",
                Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    }

    @Test
    void reassignment_refusesWhoMayNotMakeIt_andTargetsWhoMayNotDecide() {
        JsonNode request = fixtures.request(fixtures.source("approver1", "approver2"));
        String first = request.get("approvalItems").get(0).get("id").asText();
        String second = request.get("approvalItems").get(1).get("id").asText();

        assertThat(Api.as(port, "approver2").post(reassign(first), Map.of("identityId", "approver3")).status())
                .as("not this level's approver").isEqualTo(403);
        ApiResponse toRequester = Api.as(port, "approver1").post(reassign(first), Map.of("identityId", "requester1"));
        assertThat(toRequester.status()).isEqualTo(403);
        assertThat(toRequester.messageText()).contains("The requester of a request may not decide its approval");
        assertThat(Api.as(port, "approver1").post(reassign(first), Map.of("identityId", "jane.doe")).status())
                .as("the non-employee's manager").isEqualTo(403);
        ApiResponse unknown = Api.as(port, "approver1").post(reassign(first), Map.of("identityId", "nobody-here"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.messageText()).contains("identityId nobody-here is not a known identity");
        ApiResponse tooLong = Api.as(port, "approver1").post(reassign(first), Map.of("identityId", "x".repeat(256)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.messageText()).contains("identityId must be at most 255 characters");
        assertThat(Api.as(port, "approver1").post(reassign(first), Map.of("identityId", "approver1")).status())
                .as("already the approver").isEqualTo(400);
        assertThat(Api.as(port, "approver1").post(reassign(first), Map.of("comment", "to whom?")).status())
                .isEqualTo(400);
        assertThat(Api.as(port, "approver1").post(reassign(first),
                Map.of("identityId", "approver3", "comment", "x".repeat(4001))).status()).isEqualTo(400);
        ApiResponse notReady = Api.as(port, "approver2").post(reassign(second), Map.of("identityId", "approver3"));
        assertThat(notReady.status()).isEqualTo(400);
        assertThat(notReady.messageText()).contains("Only a PENDING approval item can be reassigned");

        JsonNode unchanged = Api.as(port, "approver1").get("/v3/non-employee-approvals/" + first).json();
        assertThat(unchanged.get("approver").get("id").asText()).isEqualTo("approver1");
        assertThat(unchanged.has("reassignments") && !unchanged.get("reassignments").isEmpty()).isFalse();

        ApiResponse byOrgAdmin = Api.as(port, "admin").post(reassign(first), Map.of("identityId", "approver3"));
        assertThat(byOrgAdmin.status()).as("an org admin may hand any pending level on: " + byOrgAdmin.text())
                .isEqualTo(200);
    }

    @Test
    void aGroupLevelHandedToAnIdentity_leavesTheGroupsMembersOut() {
        JsonNode request = fixtures.request(fixtures.source("group:nelm-approvers"));
        String requestId = request.get("id").asText();
        String item = request.get("approvalItems").get(0).get("id").asText();

        ApiResponse reassigned = Api.as(port, "approver2").post(reassign(item), Map.of("identityId", "approver1"));

        assertThat(reassigned.status()).as(reassigned.text()).isEqualTo(200);
        assertThat(EngineRest.as(port, "approver3").taskOf(requestId)).as("no longer a group task").isNull();
        assertThat(Api.as(port, "approver3").post("/v3/non-employee-approvals/" + item + "/approve", Map.of())
                .status()).isEqualTo(403);
        assertThat(EngineRest.as(port, "approver1").taskOf(requestId).get("assignee").asText()).isEqualTo("approver1");
    }

    @Test
    void anAssigneeChangedThroughEngineRest_isTheSameReassignment_underTheSameRule() {
        JsonNode request = fixtures.request(fixtures.source("approver1"));
        String requestId = request.get("id").asText();
        String item = request.get("approvalItems").get(0).get("id").asText();
        String task = EngineRest.as(port, "approver1").taskOf(requestId).get("id").asText();

        HttpResponse<String> byApprover = EngineRest.as(port, "approver1").send("POST",
                "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"approver2\"}");
        assertThat(byApprover.statusCode()).as("an assignee holds TASK_WORK, not TASK_ASSIGN: the API reassigns")
                .isEqualTo(403);
        HttpResponse<String> toRequester = EngineRest.as(port, "admin").send("POST",
                "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"requester1\"}");
        assertThat(toRequester.statusCode()).isEqualTo(403);
        assertThat(toRequester.body()).contains("The requester of a request may not decide its approval");

        HttpResponse<String> byAdmin = EngineRest.as(port, "admin").send("POST",
                "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"approver2\"}");

        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(204);
        JsonNode detail = Api.as(port, "approver2").get("/v3/non-employee-approvals/" + item).json();
        assertThat(detail.get("approver").get("id").asText()).isEqualTo("approver2");
        assertThat(detail.get("reassignments").get(0).get("by").asText()).isEqualTo("admin");
        assertThat(Api.as(port, "approver2").post("/v3/non-employee-approvals/" + item + "/approve", Map.of())
                .status()).isEqualTo(200);
    }

    private static String reassign(String item) {
        return "/v3/non-employee-approvals/" + item + "/reassign";
    }
}
