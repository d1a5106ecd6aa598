package org.nelm.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.request.RequestFixtures.awaitMails;
import static org.nelm.request.RequestFixtures.body;
import static org.nelm.request.RequestFixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ParallelClients;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole request lifecycle over HTTP: API decisions, Tasklist-equivalent decisions, mails, withdrawal. */
@ApiIntegration
class RequestWorkflowIT {

    @LocalServerPort
    int port;

    private RequestFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new RequestFixtures(port);
    }

    @Test
    void twoLevelRequest_approvedThroughTheApi_createsTheRecordAndMailsEveryone() {
        String sourceId = fixtures.source("approver1", "group:nelm-approvers");
        JsonNode request = fixtures.request(sourceId);
        String accountName = request.get("accountName").asText();

        assertThat(request.get("approvalStatus").asText()).isEqualTo("PENDING");
        assertThat(request.get("nonEmployeeSource").get("id").asText()).isEqualTo(sourceId);
        JsonNode items = request.get("approvalItems");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("approver").get("id").asText()).isEqualTo("approver1");
        assertThat(items.get(0).get("approvalStatus").asText()).isEqualTo("PENDING");
        assertThat(items.get(1).get("approver").get("type").asText()).isEqualTo("GOVERNANCE_GROUP");
        assertThat(items.get(1).get("approvalStatus").asText()).isEqualTo("NOT_READY");
        assertThat(awaitMails("requester1@example.com", "Request received: William Smith (" + accountName, 1)).hasSize(1);
        assertThat(awaitMails("approver1@example.com", "Your review is needed: William Smith (" + accountName, 1))
                .hasSize(1);

        String first = items.get(0).get("id").asText();
        String second = items.get(1).get("id").asText();
        assertThat(Api.as(port, "approver2").post("/v3/non-employee-approvals/" + first + "/approve", Map.of()).status())
                .isEqualTo(403);
        ApiResponse notReady = Api.as(port, "approver2").post("/v3/non-employee-approvals/" + second + "/approve", Map.of());
        assertThat(notReady.status()).isEqualTo(400);
        assertThat(notReady.messageText()).contains("NOT_READY");

        ApiResponse approved = Api.as(port, "approver1").post("/v3/non-employee-approvals/" + first + "/approve",
                Map.of("comment", "fine by me"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("approvalStatus").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("comment").asText()).isEqualTo("fine by me");
        assertThat(approved.json().get("nonEmployeeRequest").get("id").asText()).isEqualTo(request.get("id").asText());
        ApiResponse again = Api.as(port, "approver1").post("/v3/non-employee-approvals/" + first + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.messageText()).contains("already been decided");
        // every member of the group is asked
        awaitMails("approver2@example.com", "Your review is needed: William Smith (" + accountName, 1);
        awaitMails("approver3@example.com", "Your review is needed: William Smith (" + accountName, 1);

        ApiResponse byGroupMember = Api.as(port, "approver3").post("/v2026/non-employee-approvals/" + second + "/approve",
                Map.of());
        assertThat(byGroupMember.status()).as(byGroupMember.text()).isEqualTo(200);

        JsonNode done = fixtures.awaitRequest(request.get("id").asText(),
                r -> r.get("approvalStatus").asText().equals("APPROVED"));
        assertThat(done.get("approvalStatus").asText()).isEqualTo("APPROVED");
        assertThat(done.get("completionDate")).isNotNull();
        assertThat(done.get("approvalItems").findValuesAsText("approvalStatus")).containsOnly("APPROVED");
        List<MimeMessage> decided = awaitMails("requester1@example.com", "Request approved: William Smith (" + accountName, 1);
        assertThat(decided).hasSize(1);
    }

    @Test
    void rejection_needsAComment_endsTheRequestAndCancelsLaterLevels() {
        String sourceId = fixtures.source("approver1", "approver2");
        JsonNode request = fixtures.request(sourceId);
        String item = request.get("approvalItems").get(0).get("id").asText();

        ApiResponse noComment = Api.as(port, "approver1").post("/v3/non-employee-approvals/" + item + "/reject", Map.of());
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.messageText()).contains("comment is required");
        ApiResponse tooLong = Api.as(port, "approver1").post("/v3/non-employee-approvals/" + item + "/reject",
                Map.of("comment", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);

        ApiResponse rejected = Api.as(port, "approver1").post("/non-employee-approvals/v1/" + item + "/reject",
                Map.of("comment", "not this one"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.json().get("approvalStatus").asText()).isEqualTo("REJECTED");

        JsonNode after = fixtures.request(request.get("id").asText(), "requester1");
        assertThat(after.get("approvalStatus").asText()).isEqualTo("REJECTED");
        assertThat(after.get("comment").asText()).isEqualTo("not this one");
        assertThat(after.get("approvalItems").findValuesAsText("approvalStatus")).containsExactly("REJECTED", "CANCELLED");
        assertThat(awaitMails("requester1@example.com", "Request rejected: William Smith (" + after.get("accountName").asText(), 1))
                .hasSize(1);
    }

    @Test
    void tasklistEquivalentCompletion_givesTheSameStateAsTheApi() {
        String sourceId = fixtures.source("approver1", "group:nelm-approvers");
        JsonNode request = fixtures.request(sourceId);
        String requestId = request.get("id").asText();

        EngineRest approver1 = EngineRest.as(port, "approver1");
        JsonNode task = approver1.taskOf(requestId);
        assertThat(task.get("assignee").asText()).isEqualTo("approver1");
        assertThat(task.get("name").asText()).contains(request.get("accountName").asText());
        String taskId = task.get("id").asText();
        assertThat(approver1.get("/engine-rest/task/" + taskId + "/deployed-form").get("id").asText())
                .as("the Camunda Form shipped with the process").isEqualTo("approvalDecision");
        assertThat(task.get("description").asText())
                .as("what the approver reads: the task's description")
                .contains("Account name: \"" + request.get("accountName").asText() + "\"", "Source: \"Workflow ");
        assertThat(approver1.complete(task.get("id").asText(), "APPROVED", "via Tasklist").statusCode()).isEqualTo(204);

        EngineRest approver2 = EngineRest.as(port, "approver2");
        JsonNode groupTask = approver2.taskOf(requestId);
        assertThat(groupTask).as("group task visible to every member").isNotNull();
        JsonNode levelTwoForm = approver2.get("/engine-rest/task/" + groupTask.get("id").asText() + "/form-variables");
        assertThat(levelTwoForm.has("decision")).as("level 1's decision does not prefill level 2").isFalse();
        assertThat(groupTask.get("description").asText())
                .endsWith("\n\nEarlier decisions:\nLevel 1: APPROVED by \"approver1\", comment \"via Tasklist\"");
        assertThat(EngineRest.as(port, "approver3").taskOf(requestId)).isNotNull();
        assertThat(approver2.claim(groupTask.get("id").asText())).isEqualTo(204);
        HttpResponse<String> noComment = approver2.complete(groupTask.get("id").asText(), "REJECTED", "");
        assertThat(noComment.statusCode()).as("a rejection needs a comment in Tasklist too").isEqualTo(400);
        assertThat(noComment.body()).contains("\"message\":\"comment is required;\"");
        assertThat(approver2.complete(groupTask.get("id").asText(), "REJECTED", "group says no").statusCode()).isEqualTo(204);

        JsonNode after = fixtures.request(requestId, "admin");
        assertThat(after.get("approvalStatus").asText()).isEqualTo("REJECTED");
        JsonNode items = after.get("approvalItems");
        assertThat(items.get(0).get("approvalStatus").asText()).isEqualTo("APPROVED");
        assertThat(items.get(0).get("comment").asText()).isEqualTo("via Tasklist");
        assertThat(items.get(1).get("approvalStatus").asText()).isEqualTo("REJECTED");
        assertThat(items.get(1).get("comment").asText()).isEqualTo("group says no");
        JsonNode approvals = Api.as(port, "approver2").get("/v3/non-employee-approvals?filters="
                + Api.encode("approvalStatus eq \"Rejected\"")).json();
        assertThat(approvals.findValuesAsText("id")).contains(items.get(1).get("id").asText());
    }

    @Test
    void tasklistDecisionThenApiDecision_onOneRequest() {
        String sourceId = fixtures.source("approver1", "approver2");
        JsonNode request = fixtures.request(sourceId);
        String requestId = request.get("id").asText();
        EngineRest tasklist = EngineRest.as(port, "approver1");
        assertThat(tasklist.complete(tasklist.taskOf(requestId).get("id").asText(), "APPROVED", "in Tasklist")
                .statusCode()).isEqualTo(204);

        String levelTwo = request.get("approvalItems").get(1).get("id").asText();
        ApiResponse approved = Api.as(port, "approver2").post("/v3/non-employee-approvals/" + levelTwo + "/approve",
                Map.of("comment", "through the API"));

        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonNode done = fixtures.awaitRequest(requestId, r -> "APPROVED".equals(r.get("approvalStatus").asText()));
        assertThat(done.get("approvalItems").findValuesAsText("comment")).containsExactly("in Tasklist", "through the API");
        assertThat(done.get("approvalItems").findValuesAsText("approvalStatus")).containsExactly("APPROVED", "APPROVED");
    }

    @Test
    void racingDecisionsOnOneItem_exactlyOneWins() throws Exception {
        String sourceId = fixtures.source("approver1", "approver2");
        JsonNode request = fixtures.request(sourceId);
        String item = request.get("approvalItems").get(0).get("id").asText();
        Api approver = Api.as(port, "approver1");

        List<Integer> statuses = ParallelClients.race(4, i -> approver.post(
                "/v3/non-employee-approvals/" + item + "/approve", Map.of())).stream().map(ApiResponse::status).toList();

        assertThat(statuses).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
        JsonNode after = fixtures.request(request.get("id").asText(), "admin");
        assertThat(after.get("approvalItems").findValuesAsText("approvalStatus")).containsExactly("APPROVED", "PENDING");
        assertThat(EngineRest.as(port, "approver2").taskOf(request.get("id").asText())).isNotNull();
    }

    @Test
    void parallelRequestsForOneAccountName_exactlyOneIsAccepted() throws Exception {
        String sourceId = fixtures.source("approver1");
        String accountName = unique("race");
        Api admin = Api.as(port, "admin");

        List<ApiResponse> responses = ParallelClients.race(8,
                i -> admin.post("/v3/non-employee-requests", body(sourceId, accountName)));

        assertThat(ParallelClients.count(responses, 200)).isEqualTo(1);
        assertThat(ParallelClients.count(responses, "400.1.409 Reference conflict")).isEqualTo(7);
        JsonNode open = admin.get("/v3/non-employee-requests?requested-for=admin&filters="
                + Api.encode("sourceId eq \"" + sourceId + "\"")).json();
        assertThat(open.size()).as("one request, one process").isEqualTo(1);
        assertThat(EngineRest.as(port, "approver1").taskOf(open.get(0).get("id").asText())).isNotNull();
    }

    @Test
    void anEndedRequestFreesItsAccountName_forANewRequest() {
        String sourceId = fixtures.source("approver1");
        String accountName = unique("again");
        Api admin = Api.as(port, "admin");
        String first = admin.post("/v3/non-employee-requests", body(sourceId, accountName)).json().get("id").asText();
        assertThat(admin.post("/v3/non-employee-requests", body(sourceId, accountName)).status()).isEqualTo(400);

        assertThat(admin.delete("/v3/non-employee-requests/" + first).status()).isEqualTo(204);

        assertThat(admin.post("/v3/non-employee-requests", body(sourceId, accountName)).status())
                .as("the withdrawn request no longer holds the name").isEqualTo(200);
    }

    /** The answer to a create is built from what the intake wrote; a read right after it must give the same. */
    @Test
    void createAnswer_isWhatALaterReadGives() {
        for (String sourceId : List.of(fixtures.source("approver1"),
                fixtures.source("approver1", "group:nelm-approvers", "approver3"))) {
            Map<String, Object> body = body(sourceId, unique("same"));
            body.put("startDate", "2030-03-24T00:00:00.123456789-05:00");
            body.put("endDate", "2031-03-25T08:30:00+02:00");
            ApiResponse created = Api.as(port, "requester1").post("/v3/non-employee-requests", body);
            assertThat(created.status()).as(created.text()).isEqualTo(200);

            JsonNode read = fixtures.request(created.json().get("id").asText(), "requester1");
            assertThat(created.json()).isEqualTo(read);
            assertThat(read.get("startDate").asText()).isEqualTo("2030-03-24T05:00:00.123456Z");
            assertThat(read.get("endDate").asText()).isEqualTo("2031-03-25T06:30:00Z");
            assertThat(read.get("approvalItems")).extracting(item -> item.get("approvalStatus").asText())
                    .startsWith("PENDING").doesNotContain("APPROVED");
        }
    }

    @Test
    void sourceWithoutApprovers_isApprovedRightAway() {
        JsonNode request = fixtures.request(fixtures.source());

        assertThat(request.get("approvalItems")).isEmpty();
        JsonNode done = fixtures.awaitRequest(request.get("id").asText(),
                r -> r.get("approvalStatus").asText().equals("APPROVED"));
        assertThat(done.get("approvalStatus").asText()).isEqualTo("APPROVED");
        assertThat(done.get("completionDate")).isNotNull();
    }

    @Test
    void deletingAPendingRequest_withdrawsIt_andOnlyIdnNesrDeleteRemovesItAfterwards() {
        JsonNode request = fixtures.request(fixtures.source("approver1", "approver2"));
        String id = request.get("id").asText();

        assertThat(Api.as(port, "approver1").delete("/v3/non-employee-requests/" + id).status()).isEqualTo(403);
        assertThat(Api.as(port, "requester1").delete("/v3/non-employee-requests/" + id).status()).isEqualTo(204);
        JsonNode withdrawn = fixtures.request(id, "requester1");
        assertThat(withdrawn.get("approvalStatus").asText()).isEqualTo("CANCELLED");
        assertThat(withdrawn.get("approvalItems").findValuesAsText("approvalStatus")).containsOnly("CANCELLED");
        assertThat(EngineRest.as(port, "approver1").taskOf(id)).isNull();

        ApiResponse byRequester = Api.as(port, "requester1").delete("/v3/non-employee-requests/" + id);
        assertThat(byRequester.status()).as("an ended request is erased only with idn:nesr:delete").isEqualTo(403);
        assertThat(Api.as(port, "admin").delete("/v3/non-employee-requests/" + id).status()).isEqualTo(204);
        assertThat(Api.as(port, "admin").get("/v3/non-employee-requests/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "admin").delete("/v3/non-employee-requests/" + id).status()).isEqualTo(404);
    }

    @Test
    void deletingTheSource_endsItsPendingRequests() {
        String sourceId = fixtures.source("approver1");
        String id = fixtures.request(sourceId).get("id").asText();

        assertThat(Api.as(port, "admin").delete("/v3/non-employee-sources/" + sourceId).status()).isEqualTo(204);

        assertThat(Api.as(port, "admin").get("/v3/non-employee-requests/" + id).status()).isEqualTo(404);
        assertThat(EngineRest.as(port, "approver1").taskOf(id)).isNull();
    }

    @Test
    void createValidation_followsTheContractsMessages() {
        String sourceId = fixtures.source("approver1");
        Map<String, Object> missing = body(sourceId, null);
        missing.remove("firstName");
        ApiResponse invalid = Api.as(port, "admin").post("/v3/non-employee-requests", missing);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(invalid.messageText().trim()).isEqualTo("accountName is required; firstName is required;");

        Map<String, Object> dates = body(sourceId, unique("acct"));
        dates.put("startDate", "2032-01-01T00:00:00Z");
        assertThat(Api.as(port, "admin").post("/v3/non-employee-requests", dates).messageText())
                .contains("startDate must not be after endDate");

        String accountName = unique("dup");
        assertThat(Api.as(port, "admin").post("/v3/non-employee-requests", body(sourceId, accountName)).status())
                .isEqualTo(200);
        ApiResponse duplicate = Api.as(port, "admin").post("/v3/non-employee-requests", body(sourceId, accountName));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.detailCode()).isEqualTo("400.1.409 Reference conflict");
        assertThat(duplicate.messageText().trim())
                .isEqualTo("Unable to create Non-Employee because the accountName \"" + accountName + "\" is already being used.");

        assertThat(Api.as(port, "approver1").post("/v3/non-employee-requests", body(sourceId, unique("acct"))).status())
                .as("neither idn:nesr:create nor owner nor account manager").isEqualTo(403);
        assertThat(Api.as(port, "manager1").post("/v3/non-employee-requests", body(sourceId, unique("acct"))).status())
                .as("account manager").isEqualTo(200);
    }

    @Test
    void listsAndSummaries_showWhatTheCallerManagesOrApproves() {
        String sourceId = fixtures.source("approver1");
        JsonNode first = fixtures.request(sourceId);
        fixtures.request(sourceId);

        ApiResponse noParam = Api.as(port, "manager1").get("/v3/non-employee-requests");
        assertThat(noParam.status()).isEqualTo(400);
        ApiResponse mine = Api.as(port, "manager1").get("/v3/non-employee-requests?requested-for=me&count=true&filters="
                + Api.encode("sourceId eq \"" + sourceId + "\"") + "&sorters=-created,accountName&limit=1");
        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        assertThat(mine.header("X-Total-Count")).isEqualTo("2");
        assertThat(mine.json()).hasSize(1);
        assertThat(Api.as(port, "manager1").get("/v3/non-employee-requests?requested-for=requester1").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/v3/non-employee-requests?requested-for=manager1&sorters=bogus").status())
                .isEqualTo(400);
        ApiResponse byAdmin = Api.as(port, "admin").get("/non-employee-requests/v1?requested-for=manager1&filters="
                + Api.encode("sourceId eq \"" + sourceId + "\""));
        assertThat(byAdmin.json().findValuesAsText("accountName")).contains(first.get("accountName").asText());

        ApiResponse summary = Api.as(port, "manager1").get("/v3/non-employee-requests/summary/me");
        assertThat(summary.status()).as(summary.text()).isEqualTo(200);
        assertThat(summary.json().get("pending").asInt()).isGreaterThanOrEqualTo(2);

        ApiResponse approvals = Api.as(port, "approver1").get("/v3/non-employee-approvals?count=true&sorters=-created"
                + "&filters=" + Api.encode("approvalStatus eq \"Pending\""));
        assertThat(approvals.status()).as(approvals.text()).isEqualTo(200);
        assertThat(approvals.json().findValuesAsText("approvalStatus")).containsOnly("PENDING");
        assertThat(approvals.json().findValuesAsText("accountName")).contains(first.get("accountName").asText());
        assertThat(Api.as(port, "approver1").get("/v3/non-employee-approvals?requested-for=approver2").status())
                .isEqualTo(403);
        ApiResponse approvalSummary = Api.as(port, "approver1").get("/v3/non-employee-approvals/summary/me");
        assertThat(approvalSummary.json().get("pending").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void approvalDetail_carriesTheRequestWithDatesAndSchema_orOnlyItsIdWithoutDetail() {
        JsonNode request = fixtures.request(fixtures.source("approver1"));
        String item = request.get("approvalItems").get(0).get("id").asText();

        ApiResponse detail = Api.as(port, "approver1").get("/v3/non-employee-approvals/" + item);
        assertThat(detail.status()).as(detail.text()).isEqualTo(200);
        JsonNode nonEmployeeRequest = detail.json().get("nonEmployeeRequest");
        assertThat(nonEmployeeRequest.get("startDate").asText()).isEqualTo("2030-03-24");
        assertThat(nonEmployeeRequest.get("requester").get("id").asText()).isEqualTo("requester1");
        assertThat(nonEmployeeRequest.get("nonEmployeeSource").get("schemaAttributes").findValuesAsText("technicalName"))
                .contains("accountName", "endDate");

        JsonNode routing = detail.json().get("routing");
        assertThat(routing.get("decision").asText()).as("why this approver").isEqualTo("approvalRouting");
        assertThat(routing.get("inputs").get("approver1Id").asText()).isEqualTo("approver1");
        assertThat(routing.get("outputs").get("reason").asText()).isEqualTo("source approver 1");

        ApiResponse lite = Api.as(port, "approver1").get("/v3/non-employee-approvals/" + item + "?include-detail=false");
        assertThat(lite.json().get("nonEmployeeRequest").size()).isEqualTo(2);
        assertThat(lite.json().has("routing")).isFalse();
        assertThat(Api.as(port, "approver2").get("/v3/non-employee-approvals/" + item).status()).isEqualTo(403);
        assertThat(Api.as(port, "nelm-service").get("/v3/non-employee-approvals/" + item).status())
                .as("userAuth only").isEqualTo(403);
        assertThat(Api.as(port, "approver1").get("/v3/non-employee-approvals/" + item + "?include-detail=maybe").status())
                .isEqualTo(400);
    }
}
