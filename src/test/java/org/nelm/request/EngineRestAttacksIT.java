package org.nelm.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.request.RequestFixtures.body;
import static org.nelm.request.RequestFixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.nelm.support.ParallelClients;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks an approver (or an administrator) can try through Camunda's engine REST API, which Tasklist itself
 * calls, with the demo users' own passwords. Each one is refused, and our rows are exactly as before it.
 */
@ApiIntegration
class EngineRestAttacksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private RequestFixtures fixtures;
    private EngineRest approver1;
    private EngineRest admin;

    @BeforeEach
    void setUp() {
        fixtures = new RequestFixtures(port);
        approver1 = EngineRest.as(port, "approver1");
        admin = EngineRest.as(port, "admin");
    }

    @Test
    void anApproverCannotStartTheServicesOwnProcesses_toRerunAnImportOrRedeliverEvents() {
        for (String key : List.of("non-employee-bulk-import", "event-redelivery", "nonEmployeeRequest",
                "end-date-reminders")) {
            HttpResponse<String> started = approver1.send("POST",
                    "/engine-rest/process-definition/key/" + key + "/start",
                    "{\"businessKey\":\"forged\",\"variables\":{\"uploadedBy\":{\"value\":\"admin\",\"type\":\"String\"}}}");
            assertThat(started.statusCode()).as(key + ": " + started.body()).isEqualTo(403);
        }
        assertThat(admin.send("GET", "/engine-rest/process-instance?businessKey=forged", null).body()).isEqualTo("[]");
    }

    @Test
    void anApproverCannotSkipTheRemainingLevels_bySettingTheLoopCounters() {
        String requestId = request(fixtures.source("approver1", "approver2", "group:nelm-approvers"));
        String task = approver1.taskOf(requestId).get("id").asText();
        JsonNode before = stored(requestId);

        assertThat(approver1.send("PUT", "/engine-rest/task/" + task + "/variables/nrOfInstances", integer(1))
                .statusCode()).isEqualTo(403);
        assertThat(approver1.send("PUT", "/engine-rest/task/" + task + "/localVariables/nrOfInstances", integer(1))
                .statusCode()).isEqualTo(403);
        assertThat(approver1.send("POST", "/engine-rest/task/" + task + "/variables",
                "{\"modifications\":{\"levelCount\":" + integer(1) + "}}").statusCode()).isEqualTo(403);
        assertThat(stored(requestId)).isEqualTo(before);

        HttpResponse<String> completed = approver1.send("POST", "/engine-rest/task/" + task + "/complete",
                variables(Map.of("decision", "APPROVED"), Map.of("nrOfInstances", 1, "nrOfCompletedInstances", 1,
                        "levelCount", 1, "loopCounter", 2)));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        JsonNode after = stored(requestId);
        assertThat(after.get("approvalStatus").asText()).isEqualTo("PENDING");
        assertThat(after.get("approvalItems").findValuesAsText("approvalStatus"))
                .containsExactly("APPROVED", "PENDING", "NOT_READY");
        assertThat(EngineRest.as(port, "approver2").taskOf(requestId)).isNotNull();
    }

    @Test
    void anApproverCannotHandTheDecisionToTheRequester_norCanAnAdministrator() {
        String requestId = request(fixtures.source("approver1", "group:nelm-approvers"));
        String task = approver1.taskOf(requestId).get("id").asText();
        JsonNode before = stored(requestId);

        assertThat(approver1.send("POST", "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"requester1\"}")
                .statusCode()).as("an assignee has TASK_WORK, not TASK_ASSIGN").isEqualTo(403);
        assertThat(approver1.send("POST", "/engine-rest/task/" + task + "/delegate", "{\"userId\":\"requester1\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> byAdmin = admin.send("POST", "/engine-rest/task/" + task + "/assignee",
                "{\"userId\":\"requester1\"}");
        assertThat(byAdmin.statusCode()).isEqualTo(403);
        assertThat(message(byAdmin)).isEqualTo(
                "The task cannot be assigned to requester1: The requester of a request may not decide its approval");
        assertThat(EngineRest.as(port, "requester1").send("POST", "/engine-rest/task/" + task + "/complete",
                variables(Map.of("decision", "APPROVED"), Map.of())).statusCode()).isEqualTo(403);
        assertThat(stored(requestId)).isEqualTo(before);

        assertThat(approver1.complete(task, "APPROVED", "fine").statusCode()).isEqualTo(204);
        String groupTask = EngineRest.as(port, "approver2").taskOf(requestId).get("id").asText();
        JsonNode atLevelTwo = stored(requestId);
        HttpResponse<String> claimedForRequester = EngineRest.as(port, "approver2").send("POST",
                "/engine-rest/task/" + groupTask + "/claim", "{\"userId\":\"requester1\"}");
        assertThat(claimedForRequester.statusCode()).isEqualTo(403);
        assertThat(message(claimedForRequester)).contains("The task cannot be assigned to requester1");
        assertThat(stored(requestId)).isEqualTo(atLevelTwo);
    }

    @Test
    void anApproverCannotRewriteWhatLaterApproversRead() {
        String sourceId = fixtures.source("approver1", "approver2");
        Map<String, Object> forged = body(sourceId, unique("acct"));
        forged.put("firstName", "William\nLevel 1: APPROVED by \"approver1\"");
        ApiResponse created = Api.as(port, "requester1").post("/v3/non-employee-requests", forged);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String requestId = created.json().get("id").asText();
        String task = approver1.taskOf(requestId).get("id").asText();
        JsonNode before = stored(requestId);

        HttpResponse<String> rewritten = approver1.send("PUT", "/engine-rest/task/" + task,
                "{\"name\":\"Review\",\"description\":\"Name: \\\"someone else\\\"\"}");
        assertThat(rewritten.statusCode()).as("the description is the task's; an approver may only work it")
                .isEqualTo(403);
        assertThat(approver1.taskOf(requestId).get("description").asText()).startsWith("Name: \"William\\n");
        assertThat(stored(requestId)).isEqualTo(before);

        assertThat(approver1.complete(task, "APPROVED", "ok").statusCode()).isEqualTo(204);
        String levelTwo = EngineRest.as(port, "approver2").taskOf(requestId).get("description").asText();
        assertThat(levelTwo)
                .startsWith("Name: \"William\\nLevel 1: APPROVED by \\\"approver1\\\" Smith\"\n")
                .endsWith("\n\nEarlier decisions:\nLevel 1: APPROVED by \"approver1\", comment \"ok\"");
    }

    @Test
    void invalidDecisions_answer4xxWithAClearMessage_throughCompleteAndSubmitForm() {
        String requestId = request(fixtures.source("approver1"));
        String task = approver1.taskOf(requestId).get("id").asText();
        JsonNode before = stored(requestId);

        for (String operation : List.of("complete", "submit-form")) {
            String path = "/engine-rest/task/" + task + "/" + operation;
            assertRefused(approver1.send("POST", path, variables(Map.of("decision", "REJECTED"), Map.of())), 400,
                    "comment is required;");
            assertRefused(approver1.send("POST", path, variables(Map.of("decision", "MAYBE"), Map.of())), 400,
                    "decision must be APPROVED or REJECTED");
            assertRefused(approver1.send("POST", path, variables(Map.of("decision", "APPROVED", "comment",
                    "x".repeat(4001)), Map.of())), 400, "comment must be at most 4000 characters;");
            assertRefused(approver1.send("POST", path, variables(Map.of(), Map.of("decision", 1))), 400,
                    "decision must be a string");
            assertRefused(admin.send("POST", path, variables(Map.of("decision", "APPROVED"), Map.of())), 403,
                    "Only the approver of this item may decide it");
        }
        assertThat(stored(requestId)).isEqualTo(before);
    }

    @Test
    void tasklistsOwnEngineApi_answersTheSameRefusals_andTheRightApproverDecidesThere() {
        String requestId = request(fixtures.source("approver1"));
        String task = approver1.taskOf(requestId).get("id").asText();
        JsonNode before = stored(requestId);
        TasklistSession approver = TasklistSession.login(port, "approver1");
        TasklistSession administrator = TasklistSession.login(port, "admin");

        assertRefused(approver.engine("POST", "task/" + task + "/submit-form",
                variables(Map.of("decision", "REJECTED"), Map.of())), 400, "comment is required;");
        assertRefused(administrator.engine("POST", "task/" + task + "/submit-form",
                variables(Map.of("decision", "APPROVED"), Map.of())), 403, "Only the approver of this item may decide it");
        assertThat(stored(requestId)).isEqualTo(before);

        assertThat(approver.engine("POST", "task/" + task + "/submit-form",
                variables(Map.of("decision", "REJECTED", "comment", "not now"), Map.of())).statusCode()).isEqualTo(204);
        assertThat(stored(requestId).get("approvalStatus").asText()).isEqualTo("REJECTED");
    }

    @Test
    void theLoserOfARaceBetweenTheApiAndEngineRest_isToldTheItemWasAlreadyDecided() throws Exception {
        String sourceId = fixtures.source("approver1");
        for (int round = 0; round < 10; round++) {
            JsonNode request = fixtures.request(sourceId);
            String item = request.get("approvalItems").get(0).get("id").asText();
            String task = approver1.taskOf(request.get("id").asText()).get("id").asText();

            List<Outcome> outcomes = ParallelClients.race(List.<Callable<Outcome>>of(
                    () -> {
                        ApiResponse api = Api.as(port, "approver1").post("/v3/non-employee-approvals/" + item
                                + "/approve", Map.of());
                        return new Outcome(api.status(), api.status() == 200 ? "" : api.messageText());
                    },
                    () -> {
                        HttpResponse<String> rest = approver1.complete(task, "APPROVED", null);
                        return new Outcome(rest.statusCode(), rest.statusCode() == 204 ? "" : message(rest));
                    }));

            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).singleElement()
                    .satisfies(loser -> {
                        assertThat(loser.status()).isEqualTo(400);
                        assertThat(loser.message()).contains("already been decided");
                    });
            assertThat(stored(request.get("id").asText()).get("approvalItems").findValuesAsText("approvalStatus"))
                    .containsExactly("APPROVED");
        }
    }

    @Test
    void approversSeeOnlyThemselvesAndTheirGroups_andTheMemberWhoClaimedTheirGroupsTask() {
        assertThat(ids(approver1.get("/engine-rest/user"))).containsExactly("approver1");
        assertThat(ids(approver1.get("/engine-rest/group"))).isEmpty();
        EngineRest approver2 = EngineRest.as(port, "approver2");
        assertThat(ids(approver2.get("/engine-rest/group"))).containsExactly("nelm-approvers");

        String requestId = request(fixtures.source("group:nelm-approvers"));
        EngineRest approver3 = EngineRest.as(port, "approver3");
        assertThat(approver3.claim(approver3.taskOf(requestId).get("id").asText())).isEqualTo(204);

        assertThat(ids(approver2.get("/engine-rest/user"))).contains("approver2", "approver3")
                .doesNotContain("admin", "requester1", "manager1", "approver1");
        assertThat(approver1.send("GET", "/engine-rest/user/approver3/profile", null).statusCode()).isIn(403, 404);
    }

    @Test
    void anInstanceCancelledThroughEngineRestWithoutListeners_endsTheRequestCancelled() {
        String requestId = request(fixtures.source("approver1", "approver2"));
        String instance = approver1.taskOf(requestId).get("processInstanceId").asText();
        assertThat(approver1.send("DELETE", "/engine-rest/process-instance/" + instance, null).statusCode())
                .as("an approver cannot cancel it").isEqualTo(403);

        assertThat(admin.send("DELETE", "/engine-rest/process-instance/" + instance
                + "?skipCustomListeners=true&skipIoMappings=true", null).statusCode()).isEqualTo(204);

        JsonNode after = stored(requestId);
        assertThat(after.get("approvalStatus").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("approvalItems").findValuesAsText("approvalStatus")).containsOnly("CANCELLED");
    }

    @Test
    void anInstanceModifiedPastItsLevels_raisesAnIncident_neverARecord() {
        String requestId = request(fixtures.source("approver1", "approver2"));
        String instance = approver1.taskOf(requestId).get("processInstanceId").asText();
        JsonNode before = stored(requestId);

        assertThat(admin.send("POST", "/engine-rest/process-instance/" + instance + "/modification", """
                {"skipCustomListeners": true, "instructions": [
                  {"type": "cancel", "activityId": "ReviewRequest"},
                  {"type": "startBeforeActivity", "activityId": "CreateRecord"}]}""").statusCode()).isEqualTo(204);
        String job = admin.get("/engine-rest/job?processInstanceId=" + instance).get(0).get("id").asText();
        for (int attempt = 0; attempt < 5 && admin.get("/engine-rest/incident?processInstanceId=" + instance).isEmpty();
             attempt++) {
            admin.send("POST", "/engine-rest/job/" + job + "/execute", null);
        }

        JsonNode incidents = admin.get("/engine-rest/incident?processInstanceId=" + instance);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("incidentMessage").asText()).contains("is not approved at every level");
        JsonNode after = stored(requestId);
        assertThat(after.get("approvalStatus").asText()).isEqualTo("PENDING");
        assertThat(after.get("approvalItems")).isEqualTo(before.get("approvalItems"));
        assertThat(Api.as(port, "admin").get("/v3/non-employee-records?filters="
                + Api.encode("sourceId eq \"" + before.get("nonEmployeeSource").get("id").asText() + "\"")).json())
                .isEmpty();
    }

    private String request(String sourceId) {
        return fixtures.request(sourceId).get("id").asText();
    }

    /** The request and its items as our rows hold them. */
    private JsonNode stored(String requestId) {
        return fixtures.request(requestId, "admin");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(message(response)).isEqualTo(message);
    }

    private static String message(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("message").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    private static String integer(int value) {
        return "{\"value\":" + value + ",\"type\":\"Integer\"}";
    }

    private static String string(String value) {
        return "{\"value\":" + JSON.valueToTree(value) + ",\"type\":\"String\"}";
    }

    /** A completion's variables: strings, and integers (the types a forged counter would have). */
    private static String variables(Map<String, String> strings, Map<String, Integer> integers) {
        StringBuilder body = new StringBuilder("{\"variables\":{");
        List<String> entries = new ArrayList<>();
        strings.forEach((name, value) -> entries.add(JSON.valueToTree(name) + ":" + string(value)));
        integers.forEach((name, value) -> entries.add(JSON.valueToTree(name) + ":" + integer(value)));
        return body.append(String.join(",", entries)).append("}}").toString();
    }

    private record Outcome(int status, String message) {
        boolean succeeded() {
            return status == 200 || status == 204;
        }
    }
}
