package org.nelm.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.platform.event.DomainEvent;
import org.nelm.record.RecordCreated;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.CapturedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Every request event, published through the API and the engine as a listener after commit gets it, with its
 * payload; and stored the way the registry stores it (JSON that reads back as the same event).
 */
@ApiIntegration
class RequestEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    EventSerializer serializer;

    @Autowired
    RuntimeService runtime;

    RequestFixtures fixtures;
    CapturedEvents events;

    @BeforeEach
    void setUp() {
        fixtures = new RequestFixtures(port);
        events = CapturedEvents.start(context);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aTwoLevelApproval_publishesSubmittedLevelsDecisionsApprovedAndTheRecord() {
        Instant before = Instant.now().minusSeconds(1);
        String sourceId = fixtures.source("approver1", "group:nelm-approvers");
        JsonNode request = fixtures.request(sourceId);
        String id = request.get("id").asText();
        String accountName = request.get("accountName").asText();

        RequestSubmitted submitted = events.await(RequestSubmitted.class, id);
        assertThat(submitted.type()).isEqualTo("org.nelm.request.submitted");
        assertThat(submitted.actor()).isEqualTo("requester1");
        assertThat(submitted.occurredAt()).isAfter(before);
        assertThat(submitted.requesterId()).isEqualTo("requester1");
        assertThat(submitted.sourceId()).isEqualTo(sourceId);
        assertThat(submitted.accountName()).isEqualTo(accountName);
        assertThat(submitted.firstName()).isEqualTo("William");
        assertThat(submitted.approvers()).containsExactly(Map.of("type", "IDENTITY", "id", "approver1"),
                Map.of("type", "GOVERNANCE_GROUP", "id", "nelm-approvers"));
        ApprovalLevelStarted first = events.await(ApprovalLevelStarted.class, id);
        assertThat(first.type()).isEqualTo("org.nelm.request.approval-level-started");
        assertThat(first.actor()).isEqualTo("system");
        assertThat(first.level()).isEqualTo(1);
        assertThat(first.levels()).isEqualTo(2);
        assertThat(first.approverType()).isEqualTo("IDENTITY");
        assertThat(first.approverId()).isEqualTo("approver1");
        assertThat(first.approvalItemId()).isEqualTo(request.get("approvalItems").get(0).get("id").asText());

        String item1 = request.get("approvalItems").get(0).get("id").asText();
        String item2 = request.get("approvalItems").get(1).get("id").asText();
        assertThat(Api.as(port, "approver1").post("/v3/non-employee-approvals/" + item1 + "/approve",
                Map.of("comment", "fine")).status()).isEqualTo(200);
        ApprovalDecided decided = events.await(ApprovalDecided.class, id);
        assertThat(decided.type()).isEqualTo("org.nelm.request.approval-decided");
        assertThat(decided.actor()).isEqualTo("approver1");
        assertThat(decided.approvalItemId()).isEqualTo(item1);
        assertThat(decided.level()).isEqualTo(1);
        assertThat(decided.decision()).isEqualTo("APPROVED");
        assertThat(decided.comment()).isEqualTo("fine");
        ApprovalLevelStarted second = events.await(ApprovalLevelStarted.class, e -> e.subject().equals(id) && e.level() == 2);
        assertThat(second.approverType()).isEqualTo("GOVERNANCE_GROUP");
        assertThat(second.approverId()).isEqualTo("nelm-approvers");

        assertThat(Api.as(port, "approver3").post("/v3/non-employee-approvals/" + item2 + "/approve", Map.of())
                .status()).isEqualTo(200);
        RequestApproved approved = events.await(RequestApproved.class, id);
        assertThat(approved.type()).isEqualTo("org.nelm.request.approved");
        assertThat(approved.actor()).isEqualTo("system");
        assertThat(approved.requesterId()).isEqualTo("requester1");
        assertThat(approved.recordId()).isNotBlank();
        RecordCreated record = events.await(RecordCreated.class, approved.recordId());
        assertThat(record.requestId()).isEqualTo(id);
        assertThat(record.actor()).isEqualTo("system");
        assertThat(record.accountName()).isEqualTo(accountName);
        assertThat(record.values()).containsEntry("firstName", "William")
                .containsEntry("endDate", "2031-03-25T05:00:00Z");
        assertThat(events.of(ApprovalDecided.class, id)).hasSize(2);
        assertThat(events.of(ApprovalDecided.class, id).get(1).actor()).isEqualTo("approver3");

        assertStoredAsJson(events.all());
    }

    @Test
    void aRejection_publishesRequestRejectedByTheApprover() {
        JsonNode request = fixtures.request(fixtures.source("approver1", "approver2"));
        String id = request.get("id").asText();
        String item = request.get("approvalItems").get(0).get("id").asText();
        assertThat(Api.as(port, "approver1").post("/v3/non-employee-approvals/" + item + "/reject",
                Map.of("comment", "not this one")).status()).isEqualTo(200);

        RequestRejected rejected = events.await(RequestRejected.class, id);
        assertThat(rejected.type()).isEqualTo("org.nelm.request.rejected");
        assertThat(rejected.actor()).isEqualTo("approver1");
        assertThat(rejected.comment()).isEqualTo("not this one");
        assertThat(rejected.requesterId()).isEqualTo("requester1");
        assertThat(events.of(ApprovalDecided.class, id)).singleElement()
                .satisfies(decided -> assertThat(decided.decision()).isEqualTo("REJECTED"));
        assertThat(events.of(RequestApproved.class, id)).isEmpty();
        assertStoredAsJson(events.all());
    }

    @Test
    void withdrawalSourceDeletionAndAnOperatorsCancel_eachPublishRequestCancelledOnce() {
        String sourceId = fixtures.source("approver1");
        String withdrawn = fixtures.request(sourceId).get("id").asText();
        String cancelledInCockpit = fixtures.request(sourceId).get("id").asText();
        String ofDeletedSource = fixtures.request(sourceId).get("id").asText();

        assertThat(Api.as(port, "requester1").delete("/v3/non-employee-requests/" + withdrawn).status()).isEqualTo(204);
        RequestCancelled byRequester = events.await(RequestCancelled.class, withdrawn);
        assertThat(byRequester.type()).isEqualTo("org.nelm.request.cancelled");
        assertThat(byRequester.actor()).isEqualTo("requester1");
        assertThat(byRequester.requesterId()).isEqualTo("requester1");
        assertThat(byRequester.sourceId()).isEqualTo(sourceId);

        runtime.deleteProcessInstance(runtime.createProcessInstanceQuery().processInstanceBusinessKey(cancelledInCockpit)
                .singleResult().getId(), "cancelled by an operator");
        RequestCancelled byOperator = events.await(RequestCancelled.class, cancelledInCockpit);
        assertThat(byOperator.actor()).isEqualTo("system");
        assertThat(byOperator.comment()).isEqualTo("The approval process ended without a decision: cancelled by an operator");

        assertThat(Api.as(port, "admin").delete("/v3/non-employee-sources/" + sourceId).status()).isEqualTo(204);
        RequestCancelled bySourceDeletion = events.await(RequestCancelled.class, ofDeletedSource);
        assertThat(bySourceDeletion.actor()).isEqualTo("system");
        assertThat(bySourceDeletion.comment()).contains("Source deleted");

        assertThat(events.of(RequestCancelled.class, withdrawn)).hasSize(1);
        assertThat(events.of(RequestCancelled.class, cancelledInCockpit)).hasSize(1);
        assertThat(events.of(RequestCancelled.class, ofDeletedSource)).hasSize(1);
        assertStoredAsJson(events.all());
    }

    @Test
    void listenersRunOnSpringBootsTaskExecutor_notOnTheEngines() {
        ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
        assertThat(executor.getThreadNamePrefix()).isEqualTo("event-");
        assertThat(context.getBeansOfType(AsyncConfigurer.class).values())
                .anySatisfy(configurer -> assertThat(configurer.getAsyncExecutor()).isSameAs(executor));
    }

    /** What the registry stores reads back as the same event: only JSON values, no entity, no enum of ours. */
    private void assertStoredAsJson(List<DomainEvent> published) {
        assertThat(published).isNotEmpty();
        for (DomainEvent event : published) {
            Object json = serializer.serialize(event);
            assertThat(json).isInstanceOf(String.class);
            assertThat(serializer.deserialize(json, event.getClass())).as(json.toString()).isEqualTo(event);
        }
    }
}
