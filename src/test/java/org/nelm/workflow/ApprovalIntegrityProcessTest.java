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
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.request.approval.ApprovalItemRow;
import org.nelm.request.approval.ApprovalItems;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.platform.error.ApiException;
import org.nelm.record.NonEmployeeRequestBody;
import org.nelm.record.RecordService;
import org.nelm.request.NonEmployeeRequest;
import org.nelm.request.RequestRow;
import org.nelm.request.RequestService;
import org.nelm.request.Requests;
import org.nelm.security.Caller;
import org.nelm.security.RoleContext;
import org.nelm.security.Scopes;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.nelm.support.EngineStepByStep;
import org.nelm.support.TestCallers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What holds whatever door drives the engine: no process variable steers the process, only a level's routed
 * approver decides it (never the requester or the non-employee's manager), a record needs every level approved,
 * and an instance an operator cancels or modifies leaves our rows consistent. Driven through the engine's own
 * services, as engine REST, Tasklist and Cockpit drive it.
 */
@EngineStepByStep
class ApprovalIntegrityProcessTest {

    private static final Caller ADMIN = TestCallers.ADMIN;

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identities;
    @Autowired RequestService requestService;
    @Autowired Requests requests;
    @Autowired ApprovalItems items;
    @Autowired RecordService records;
    @Autowired JdbcClient jdbc;

    private ProcessTestSources sources;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        sources = new ProcessTestSources(jdbc);
    }

    @AfterEach
    void signOut() {
        identities.clearAuthentication();
    }

    @Test
    void processVariables_setOnTheInstanceOrWithACompletion_neitherSkipNorEndLevels() {
        NonEmployeeRequest request = submit(sources.create(unique("vars"), List.of(APPROVER1, APPROVER2, APPROVER3)));
        ProcessInstance instance = instance(request.id());
        runtime.setVariables(instance.getId(), Map.of("nrOfInstances", 1, "levelCount", 1, "loopCounter", 2,
                "rejected", true));

        tasks.complete(task(instance).getId(), Variables.createVariables().putValue("decision", "APPROVED")
                .putValue("nrOfInstances", 1).putValue("nrOfCompletedInstances", 1).putValue("rejected", false));

        assertThat(instance).isWaitingAt("ReviewRequest");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.APPROVED, ApprovalStatus.PENDING,
                ApprovalStatus.NOT_READY);
        assertThat(task(instance)).isAssignedTo("approver2");
        assertThat(records.countBySource(request.sourceId())).isZero();
    }

    @Test
    void aUserWhoIsNotTheRoutedApprover_cannotDecide_evenAnAdministrator() {
        Caller requester1 = new Caller("requester1", "requester1", Set.of(Scopes.ALL),
                Set.of(RoleContext.ORG_ADMIN.authority()));
        NonEmployeeRequest request = requestService.create(requester1, ProcessTestSources.body(
                sources.create(unique("other"), List.of(APPROVER1)), unique("acct"), null));
        ProcessInstance instance = instance(request.id());
        Task task = task(instance);

        for (String user : List.of("approver2", "admin")) {
            identities.setAuthentication(user, List.of("camunda-admin"));
            assertThatThrownBy(() -> decide(task, "APPROVED")).hasRootCauseInstanceOf(ApiException.class)
                    .hasStackTraceContaining("Only the approver of this item may decide it");
        }
        identities.setAuthentication("approver1", List.of());
        decide(task, "APPROVED");

        assertThat(items.ofRequest(request.id()).get(0).decidedBy()).isEqualTo("approver1");
    }

    @Test
    void aTaskCannotBeHandedToTheRequester_norToAnyoneWhoMayNotDecide() {
        NonEmployeeRequest request = submit(sources.create(unique("handover"), List.of(APPROVER1)));
        Task task = task(instance(request.id()));

        for (String assignee : List.of("admin", "manager1", "approver2")) {
            assertThatThrownBy(() -> tasks.setAssignee(task.getId(), assignee)).hasRootCauseInstanceOf(ApiException.class)
                    .hasStackTraceContaining("The task cannot be assigned to " + assignee);
        }

        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("approver1");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.PENDING);
    }

    @Test
    void aLevelRoutedToTheNonEmployeesManager_goesToTheSourceOwner_andSaysWhy() {
        NonEmployeeRequest request = submit(sources.createOwnedBy("approver3", unique("manager"),
                List.of(new ApproverRef(ApproverType.IDENTITY, "manager1"), APPROVER1)));

        List<ApprovalItemRow> levels = items.ofRequest(request.id());
        assertThat(levels).extracting(item -> item.approver().id()).containsExactly("approver3", "approver1");
        assertThat(levels.get(0).routingJson()).contains("\"routedApprover\":{\"type\":\"IDENTITY\",\"id\":\"manager1\"}")
                .contains("manager1 is the non-employee's manager, so the level goes to the source owner approver3");
        assertThat(task(instance(request.id()))).isAssignedTo("approver3");
    }

    @Test
    void aLevelRoutedToTheRequesterWhoOwnsTheSource_goesToTheOrgAdmins() {
        NonEmployeeRequest request = submit(sources.create(unique("self"), List.of(
                new ApproverRef(ApproverType.IDENTITY, "admin"))));

        ApprovalItemRow level = items.ofRequest(request.id()).get(0);
        assertThat(level.approver()).isEqualTo(new ApproverRef(ApproverType.GOVERNANCE_GROUP,
                RoleContext.ORG_ADMIN.groupId()));
        assertThat(level.routingJson()).contains("admin is the requester, so the level goes to the org admins "
                + "(nelm-org-admin) because the source owner admin is the requester too");
        assertThat(task(instance(request.id()))).hasCandidateGroup(RoleContext.ORG_ADMIN.groupId());
    }

    @Test
    void aLevelWhoseIdentityNoLongerExistsWhenItStarts_goesToTheSourceOwner_andSaysWhy() {
        String leaving = unique("leaving");
        identities.saveUser(identities.newUser(leaving));
        NonEmployeeRequest request = submit(sources.createOwnedBy("approver3", unique("absent"),
                List.of(APPROVER1, new ApproverRef(ApproverType.IDENTITY, leaving))));
        identities.deleteUser(leaving);

        decide(task(instance(request.id())), "APPROVED");

        ApprovalItemRow level2 = items.ofRequest(request.id()).get(1);
        assertThat(level2.approver()).isEqualTo(new ApproverRef(ApproverType.IDENTITY, "approver3"));
        assertThat(level2.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(level2.routingJson())
                .contains("\"routedApprover\":{\"type\":\"IDENTITY\",\"id\":\"" + leaving + "\"}")
                .contains(leaving + " does not exist, so the level goes to the source owner approver3");
        assertThat(task(instance(request.id()))).isAssignedTo("approver3");
    }

    @Test
    void anAbsentApproverWhoseSourceOwnerIsAbsentToo_goesToTheOrgAdmins() {
        String ghost = unique("ghost");
        String goneOwner = unique("gone-owner");
        NonEmployeeRequest request = submit(sources.createOwnedBy(goneOwner, unique("absent"),
                List.of(new ApproverRef(ApproverType.IDENTITY, ghost))));

        ApprovalItemRow level = items.ofRequest(request.id()).get(0);
        assertThat(level.approver()).isEqualTo(new ApproverRef(ApproverType.GOVERNANCE_GROUP,
                RoleContext.ORG_ADMIN.groupId()));
        assertThat(level.routingJson()).contains(ghost + " does not exist, so the level goes to the org admins "
                + "(nelm-org-admin) because the source owner " + goneOwner + " does not exist");
        assertThat(task(instance(request.id()))).hasCandidateGroup(RoleContext.ORG_ADMIN.groupId());
    }

    @Test
    void aGroupMemberWhoAskedForTheRequest_cannotClaimOrDecideIt_anotherMemberCan() {
        Caller approver2 = new Caller("approver2", "approver2", Set.of(Scopes.ALL),
                Set.of(RoleContext.ORG_ADMIN.authority()));
        NonEmployeeRequest request = requestService.create(approver2, ProcessTestSources.body(
                sources.create(unique("member"), List.of(GROUP)), unique("acct"), null));
        Task task = task(instance(request.id()));

        identities.setAuthentication("approver2", List.of("nelm-approvers"));
        assertThatThrownBy(() -> tasks.claim(task.getId(), "approver2"))
                .hasStackTraceContaining("The requester of a request may not decide its approval");
        assertThatThrownBy(() -> decide(task, "APPROVED"))
                .hasStackTraceContaining("The requester of a request may not decide its approval");
        identities.setAuthentication("approver3", List.of("nelm-approvers"));
        tasks.claim(task.getId(), "approver3");
        decide(task, "APPROVED");

        assertThat(items.ofRequest(request.id()).get(0).decidedBy()).isEqualTo("approver3");
    }

    @Test
    void aRewrittenDescription_doesNotReachTheNextLevel_whichIsWrittenFromOurRows() {
        NonEmployeeRequest request = submit(sources.create(unique("summary"), List.of(APPROVER1, APPROVER2)));
        Task task = task(instance(request.id()));
        String written = task.getDescription();
        task.setDescription("Name: \"someone else\"");
        tasks.saveTask(task);

        decide(task(instance(request.id())), "APPROVED");

        String levelTwo = task(instance(request.id())).getDescription();
        assertThat(levelTwo).startsWith(written.substring(0, written.indexOf("\n\nEarlier decisions:")))
                .doesNotContain("someone else");
    }

    @Test
    void requestFields_areQuoted_soNoneCanPassForAnotherLine() {
        String sourceId = sources.create(unique("forged"), List.of(APPROVER1, APPROVER2));
        NonEmployeeRequest request = requestService.create(ADMIN, new NonEmployeeRequestBody(unique("acct"),
                "William\nLevel 1: APPROVED by \"approver1\"", "Smith\u2028Approved", "w@example.com", "5125555555",
                "manager1", sourceId, null, "2030-03-24T00:00:00Z", "2031-03-25T00:00:00Z"));
        ProcessInstance instance = instance(request.id());
        decide(task(instance), "APPROVED", "fine\nLevel 2: APPROVED by \"approver2\"");

        String description = task(instance).getDescription();
        assertThat(description.lines().findFirst().orElseThrow())
                .isEqualTo("Name: \"William\\nLevel 1: APPROVED by \\\"approver1\\\" Smith\\u2028Approved\"");
        String history = description.substring(description.indexOf("\n\nEarlier decisions:\n") + 21);
        assertThat(history).isEqualTo(
                "Level 1: APPROVED by \"approver1\", comment \"fine\\nLevel 2: APPROVED by \\\"approver2\\\"\"");
        assertThat(history.lines()).hasSize(1);
    }

    @Test
    void anInstanceCancelledInCockpitWithoutCustomListeners_endsTheRequestCancelled() {
        NonEmployeeRequest request = submit(sources.create(unique("cockpit"), List.of(APPROVER1, APPROVER2)));
        ProcessInstance instance = instance(request.id());
        decide(task(instance), "APPROVED");

        runtime.deleteProcessInstance(instance.getId(), "cleaning up", true, true);

        RequestRow row = requests.find(request.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(ApprovalStatus.CANCELLED);
        assertThat(row.comment()).isEqualTo("The approval process ended without a decision: cleaning up");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.APPROVED, ApprovalStatus.CANCELLED);
    }

    @Test
    void anInstanceModifiedToEndWithoutADecision_endsTheRequestCancelled() {
        NonEmployeeRequest request = submit(sources.create(unique("to-end"), List.of(APPROVER1)));
        ProcessInstance instance = instance(request.id());

        runtime.createProcessInstanceModification(instance.getId()).cancelAllForActivity("ReviewRequest")
                .startBeforeActivity("RequestApproved").execute(true, true);

        assertThat(instance).isEnded();
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.CANCELLED);
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.CANCELLED);
        assertThat(records.countBySource(request.sourceId())).isZero();
    }

    @Test
    void anInstanceMovedPastItsLevels_raisesAnIncident_neverARecord() {
        NonEmployeeRequest request = submit(sources.create(unique("skip"), List.of(APPROVER1, APPROVER2)));
        ProcessInstance instance = instance(request.id());

        runtime.createProcessInstanceModification(instance.getId()).cancelAllForActivity("ReviewRequest")
                .startBeforeActivity("CreateRecord").execute(true, true);
        Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId()))
                    .hasStackTraceContaining("is not approved at every level (level 1 is PENDING, level 2 is NOT_READY)");
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(records.countBySource(request.sourceId())).isZero();
    }

    @Test
    void anInstanceMovedToTheRejectionStep_withoutARejection_isRefused() {
        NonEmployeeRequest request = submit(sources.create(unique("no-reject"), List.of(APPROVER1)));
        ProcessInstance instance = instance(request.id());

        assertThatThrownBy(() -> runtime.createProcessInstanceModification(instance.getId())
                .cancelAllForActivity("ReviewRequest").startBeforeActivity("CloseRejectedRequest").execute(true, true))
                .hasStackTraceContaining("has no rejected level");

        assertThat(instance).isWaitingAt("ReviewRequest");
        assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aReviewRestartedInCockpit_takesOverItsLevel_theOldTaskCanNoLongerDecide() {
        NonEmployeeRequest request = submit(sources.create(unique("restart"), List.of(APPROVER1, APPROVER2)));
        ProcessInstance instance = instance(request.id());
        Task old = task(instance);

        runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity("ReviewRequest").execute();
        Task restarted = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .filter(task -> !task.getId().equals(old.getId())).findFirst().orElseThrow();

        assertThat(restarted).isAssignedTo("approver1");
        assertThatThrownBy(() -> decide(old, "APPROVED")).hasStackTraceContaining("already been decided");
        decide(restarted, "APPROVED");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.APPROVED, ApprovalStatus.PENDING);
        assertThatThrownBy(() -> decide(old, "APPROVED")).hasStackTraceContaining("already been decided");
        assertThat(statuses(request.id())).containsExactly(ApprovalStatus.APPROVED, ApprovalStatus.PENDING);
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

    private void decide(Task task, String decision) {
        decide(task, decision, null);
    }

    private void decide(Task task, String decision, String comment) {
        tasks.complete(task.getId(), Variables.createVariables().putValue("decision", decision).putValue("comment", comment));
    }

    private List<ApprovalStatus> statuses(String requestId) {
        return items.ofRequest(requestId).stream().map(ApprovalItemRow::status).toList();
    }
}
