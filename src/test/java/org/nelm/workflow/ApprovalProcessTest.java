package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.nelm.workflow.ProcessTestSources.APPROVER1;
import static org.nelm.workflow.ProcessTestSources.APPROVER2;
import static org.nelm.workflow.ProcessTestSources.APPROVER3;
import static org.nelm.workflow.ProcessTestSources.GROUP;
import static org.nelm.workflow.ProcessTestSources.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelm.request.approval.ApprovalItemRow;
import org.nelm.request.approval.ApprovalItems;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.platform.error.ApiException;
import org.nelm.record.NonEmployee;
import org.nelm.record.NonEmployeeRecord;
import org.nelm.record.NonEmployeeValidator;
import org.nelm.record.RecordService;
import org.nelm.request.NonEmployeeRequest;
import org.nelm.request.RequestRow;
import org.nelm.request.RequestService;
import org.nelm.request.Requests;
import org.nelm.security.Caller;
import org.nelm.support.EngineStepByStep;
import org.nelm.support.TestCallers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approval process on a real engine and database, driven step by step: jobs run only when a test executes
 * them, tasks are completed through the engine's TaskService exactly as Tasklist does.
 */
@EngineStepByStep
class ApprovalProcessTest {

    private static final Caller ADMIN = TestCallers.ADMIN;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired RequestService requestService;
    @Autowired Requests requests;
    @Autowired ApprovalItems items;
    @Autowired RecordService records;
    @Autowired NonEmployeeValidator validator;
    @Autowired JdbcClient jdbc;

    private ProcessTestSources sources;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        sources = new ProcessTestSources(jdbc);
    }

    @Test
    void sourceWithoutApprovers_approvesImmediatelyAndCreatesTheRecord() {
        String sourceId = sources.create(unique("none"), List.of());
        NonEmployeeRequest request = submit(sourceId);
        ProcessInstance instance = instance(request.id());

        assertThat(request.approvalItems()).isEmpty();
        assertThat(instance).isWaitingAt("CreateRecord").hasPassed("DetermineApprovalLevels");
        management.executeJob(job(instance).getId());

        assertThat(instance).isEnded().hasPassed("CreateRecord").hasNotPassed("ReviewRequest");
        assertApprovedWithRecord(request.id());
    }

    @Test
    void oneLevel_approvedByTheAssignee_createsTheRecord() {
        NonEmployeeRequest request = submit(sources.create(unique("one"), List.of(APPROVER1)));
        ProcessInstance instance = instance(request.id());

        assertThat(instance).isWaitingAt("ReviewRequest").task().isAssignedTo("approver1");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.PENDING);
        decide(task(instance), "APPROVED", "fine");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.APPROVED);
        assertThat(instance).isWaitingAt("CreateRecord");
        management.executeJob(job(instance).getId());

        assertThat(instance).isEnded();
        assertApprovedWithRecord(request.id());
        assertThat(items.ofRequest(request.id()).get(0).comment()).isEqualTo("fine");
    }

    @Test
    void twoLevels_runInOrder_laterLevelNotReadyUntilItsTurn() {
        NonEmployeeRequest request = submit(sources.create(unique("two"), List.of(APPROVER1, APPROVER2)));
        ProcessInstance instance = instance(request.id());

        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.PENDING, ApprovalStatus.NOT_READY);
        decide(task(instance), "APPROVED", null);
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.APPROVED, ApprovalStatus.PENDING);
        assertThat(task(instance)).isAssignedTo("approver2");
        decide(task(instance), "APPROVED", null);
        management.executeJob(job(instance).getId());

        assertThat(instance).isEnded().hasPassed("RequestApproved");
        assertApprovedWithRecord(request.id());
    }

    @Test
    void threeLevels_allApproved_requestApprovedAndTasksNamedPerLevel() {
        NonEmployeeRequest request = submit(sources.create(unique("three"), List.of(APPROVER1, APPROVER2, APPROVER3)));
        ProcessInstance instance = instance(request.id());

        for (String approver : List.of("approver1", "approver2", "approver3")) {
            Task task = task(instance);
            assertThat(task).isAssignedTo(approver);
            assertThat(task.getName()).startsWith("Review " + request.accountName() + " (level ");
            decide(task, "APPROVED", "ok by " + approver);
        }
        management.executeJob(job(instance).getId());

        assertThat(instance).isEnded();
        assertApprovedWithRecord(request.id());
        assertThat(statuses(request.id())).containsOnly(ApprovalStatus.APPROVED);
        assertThat(requests.find(request.id()).orElseThrow().comment()).isEqualTo("ok by approver3");
    }

    @ParameterizedTest(name = "rejected at level {0}")
    @ValueSource(ints = {1, 2, 3})
    void rejectionAtAnyLevel_endsTheRequestRejectedAndCancelsTheRest(int level) {
        NonEmployeeRequest request = submit(sources.create(unique("reject"), List.of(APPROVER1, APPROVER2, APPROVER3)));
        ProcessInstance instance = instance(request.id());
        for (int i = 1; i < level; i++) {
            decide(task(instance), "APPROVED", null);
        }
        decide(task(instance), "REJECTED", "not needed");

        assertThat(instance).isEnded().hasPassed("CloseRejectedRequest", "RequestRejected").hasNotPassed("CreateRecord");
        RequestRow row = requests.find(request.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(row.comment()).isEqualTo("not needed");
        assertThat(row.completionDate()).isNull();
        List<ApprovalStatus> statuses = statuses(request.id());
        for (int i = 0; i < 3; i++) {
            ApprovalStatus expected = i + 1 < level ? ApprovalStatus.APPROVED
                    : i + 1 == level ? ApprovalStatus.REJECTED : ApprovalStatus.CANCELLED;
            assertThat(statuses.get(i)).as("level %d", i + 1).isEqualTo(expected);
        }
        assertThat(records.countBySource(row.sourceId())).isZero();
    }

    @Test
    void rejectionWithoutComment_isRefusedAndTheTaskStays() {
        NonEmployeeRequest request = submit(sources.create(unique("nocomment"), List.of(APPROVER1)));
        ProcessInstance instance = instance(request.id());
        Task task = task(instance);

        assertThatThrownBy(() -> decide(task, "REJECTED", " ")).hasRootCauseInstanceOf(ApiException.class)
                .hasStackTraceContaining("comment is required");
        assertThatThrownBy(() -> decide(task, "MAYBE", null)).hasStackTraceContaining("decision must be");

        assertThat(instance).isWaitingAt("ReviewRequest");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.PENDING);
    }

    @ParameterizedTest(name = "cancelled at level {0}")
    @ValueSource(ints = {1, 2, 3})
    void withdrawalAtAnyLevel_endsTheProcessAndCancelsUndecidedItems(int level) {
        NonEmployeeRequest request = submit(sources.create(unique("cancel"), List.of(APPROVER1, APPROVER2, APPROVER3)));
        ProcessInstance instance = instance(request.id());
        for (int i = 1; i < level; i++) {
            decide(task(instance), "APPROVED", null);
        }
        requestService.delete(ADMIN, request.id());

        assertThat(instance).isEnded();
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.CANCELLED);
        List<ApprovalStatus> statuses = statuses(request.id());
        for (int i = 0; i < 3; i++) {
            assertThat(statuses.get(i)).as("level %d", i + 1)
                    .isEqualTo(i + 1 < level ? ApprovalStatus.APPROVED : ApprovalStatus.CANCELLED);
        }
    }

    @Test
    void governanceGroupLevel_isACandidateGroupTask_anyMemberDecides() {
        NonEmployeeRequest request = submit(sources.create(unique("group"), List.of(GROUP)));
        ProcessInstance instance = instance(request.id());
        Task task = task(instance);

        assertThat(task).hasCandidateGroup("nelm-approvers").isNotAssigned();
        assertThat(tasks.createTaskQuery().taskCandidateUser("approver3").processInstanceId(instance.getId()).count())
                .isEqualTo(1);
        engine.getIdentityService().setAuthentication("approver3", List.of("nelm-approvers"));
        try {
            tasks.claim(task.getId(), "approver3");
            decide(task, "APPROVED", "group says yes");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        management.executeJob(job(instance).getId());

        ApprovalItemRow item = items.ofRequest(request.id()).get(0);
        assertThat(item.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(item.decidedBy()).isEqualTo("approver3");
        assertApprovedWithRecord(request.id());
    }

    @Test
    void defaultRouting_recordsWhyEachApproverWasChosen() {
        NonEmployeeRequest request = submit(sources.create(unique("why"), List.of(APPROVER2, GROUP)));

        List<ApprovalItemRow> levels = items.ofRequest(request.id());
        assertThat(levels).extracting(i -> i.approver().id()).containsExactly("approver2", "nelm-approvers");
        assertThat(levels.get(0).routingJson()).contains("\"decision\":\"approvalRouting\"")
                .contains("\"reason\":\"source approver 1\"").contains("\"approver1Id\":\"approver2\"");
        assertThat(levels.get(1).routingJson()).contains("\"reason\":\"source approver 2\"")
                .contains("\"approverType\":\"GOVERNANCE_GROUP\"");
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance(request.id()).getId())
                .count()).isEqualTo(1);
    }

    @Test
    void history_keepsTheDescriptionOfEveryLevelAndTheRoutingDecision() {
        NonEmployeeRequest request = submit(sources.create(unique("history"), List.of(APPROVER1, APPROVER2)));
        ProcessInstance instance = instance(request.id());
        decide(task(instance), "APPROVED", "level one fine");
        decide(task(instance), "APPROVED", null);
        management.executeJob(job(instance).getId());

        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .as("a decision's form values are removed as it completes; nothing else is a variable").isEmpty();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().list())
                .extracting(HistoricTaskInstance::getDescription)
                .satisfiesExactly(
                        level1 -> assertThat(level1).endsWith("\n\nEarlier decisions:\nnone"),
                        level2 -> assertThat(level2).endsWith("\n\nEarlier decisions:\n"
                                + "Level 1: APPROVED by \"approver1\", comment \"level one fine\""));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("ReviewRequest").activityType("userTask").count()).isEqualTo(2);
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .includeInputs().includeOutputs().singleResult().getOutputs()).hasSize(6);
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(CachingFeelEngine.class);
        Object entityManager = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager());
        assertThat(entityManager).isInstanceOf(IdCheckedEntityManager.class);
        assertThat(List.of(configuration.getLoggingContextActivityId(), configuration.getLoggingContextActivityName(),
                configuration.getLoggingContextApplicationName(), configuration.getLoggingContextBusinessKey(),
                configuration.getLoggingContextProcessDefinitionId(), configuration.getLoggingContextProcessDefinitionKey(),
                configuration.getLoggingContextProcessInstanceId(), configuration.getLoggingContextTenantId(),
                configuration.getLoggingContextEngineName())).as("no process data in the logging context")
                .allSatisfy(property -> assertThat(property).isNullOrEmpty());
    }

    @Test
    void extraRoutingRules_bySourceAndByCustomAttribute_addLevelsWithoutTouchingTheBpmn() {
        String deployment = repository.createDeployment().name("routing with extra rules")
                .addClasspathResource("routing/approval-routing-extra-rules.dmn11.xml").deploy().getId();
        try {
            String audited = sources.create("Audited " + UUID.randomUUID(), List.of(APPROVER1), "costCenter");
            NonEmployeeRequest bySource = submit(audited);
            assertThat(items.ofRequest(bySource.id())).extracting(i -> i.approver().id())
                    .containsExactly("approver1", "nelm-approvers");

            NonEmployeeRequest byAttribute = requestService.create(ADMIN, ProcessTestSources.body(
                    sources.create(unique("cc"), List.of(APPROVER1), "costCenter"), unique("acct"),
                    Map.of("costCenter", "R&D")));
            List<ApprovalItemRow> levels = items.ofRequest(byAttribute.id());
            assertThat(levels).extracting(i -> i.approver().id()).containsExactly("approver1", "approver3");
            assertThat(levels.get(1).routingJson()).contains("R&D cost center");

            String vacantSource = sources.createOwnedBy("approver2", unique("vacant"), List.of(APPROVER1),
                    "costCenter");
            NonEmployeeRequest vacant = requestService.create(ADMIN, ProcessTestSources.body(vacantSource,
                    unique("acct"), Map.of("costCenter", "Vacant")));
            List<ApprovalItemRow> vacantLevels = items.ofRequest(vacant.id());
            assertThat(vacantLevels).extracting(i -> i.approver().id()).containsExactly("approver1", "approver2");
            assertThat(vacantLevels.get(1).routingJson()).contains("vacant cost center",
                    "the routing rule named no approver, so the level goes to the source owner approver2");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void recordCreationFailure_becomesAnIncident_andARetryAfterTheFixSucceeds() {
        String sourceId = sources.create(unique("incident"), List.of(APPROVER1));
        NonEmployeeRequest request = submit(sourceId);
        ProcessInstance instance = instance(request.id());
        // the accountName is taken by a record created directly while the request waited for approval
        NonEmployee taken = validator.validate(ProcessTestSources.body(sourceId, request.accountName(), null));
        NonEmployeeRecord blocking = records.create(taken, "system", null);
        decide(task(instance), "APPROVED", null);

        Job job = job(instance);
        for (int attempt = 0; attempt < 4 && management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0;
             attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("already being used");
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.APPROVED);

        jdbc.sql("delete from nelm_record where id = :id").param("id", blocking.id()).update();
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());

        assertThat(instance).isEnded();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertApprovedWithRecord(request.id());
    }

    @Test
    void theRequestIsTheTasksDescription_andNeitherProcessNorTaskStoresVariables() {
        NonEmployeeRequest request = submit(sources.create(unique("vars"), List.of(APPROVER1), "costCenter"));
        ProcessInstance instance = instance(request.id());

        assertThat(runtime.getVariablesTyped(instance.getId())).as("the process itself stores no variables").isEmpty();
        assertThat(instance.getBusinessKey()).isEqualTo(request.id());
        assertThat(tasks.getVariablesLocalTyped(task(instance).getId())).isEmpty();
        assertThat(task(instance).getDescription())
                .contains("Account name: \"" + request.accountName() + "\"", "Source: \"vars-")
                .endsWith("\n\nEarlier decisions:\nnone");
    }

    private NonEmployeeRequest submit(String sourceId) {
        return requestService.create(ADMIN, ProcessTestSources.body(sourceId, unique("acct"), null));
    }

    private ProcessInstance instance(String requestId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId).singleResult();
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job job(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void decide(Task task, String decision, String comment) {
        tasks.complete(task.getId(), Variables.createVariables().putValue("decision", decision).putValue("comment", comment));
    }

    private List<ApprovalStatus> statuses(String requestId) {
        return items.ofRequest(requestId).stream().map(ApprovalItemRow::status).toList();
    }

    private void assertApprovedWithRecord(String requestId) {
        RequestRow row = requests.find(requestId).orElseThrow();
        assertThat(row.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(row.completionDate()).isNotNull();
        assertThat(row.recordId()).isNotNull();
        NonEmployeeRecord record = records.find(row.recordId()).orElseThrow();
        assertThat(record.accountName()).isEqualTo(row.nonEmployee().accountName());
        assertThat(record.sourceId()).isEqualTo(row.sourceId());
        assertThat(record.data()).isEqualTo(row.nonEmployee().data());
    }
}
