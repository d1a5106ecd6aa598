package org.nelm.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.nelm.approval.ApprovalStatus;
import org.nelm.approval.ApprovalSteps;
import org.nelm.approval.StartedLevel;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * The approval task "Review request", one per level. On create the level's item becomes PENDING and the task
 * goes to the approver (assignee, or candidate group). On complete the decision (from Tasklist's form as
 * {@code decision} / {@code comment}, from the approvals API as transient variables) is recorded on the item in
 * the same transaction; an invalid decision makes the completion fail.
 */
@Component("approvalTaskListener")
class ApprovalTaskListener implements TaskListener {

    private final ApprovalSteps steps;
    private final IdentityService identities;

    ApprovalTaskListener(ApprovalSteps steps, IdentityService identities) {
        this.steps = steps;
        this.identities = identities;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestId = task.getExecution().getProcessBusinessKey();
        int level = ((Number) task.getExecution().getVariable(ProcessVariables.LOOP_COUNTER)).intValue() + 1;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, requestId, level);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, requestId, level);
        }
    }

    private void created(DelegateTask task, String requestId, int level) {
        StartedLevel started = steps.startLevel(requestId, level, task.getId());
        ApproverRef approver = started.approver();
        if (approver.type() == ApproverType.IDENTITY) {
            task.setAssignee(approver.id());
        } else {
            task.addCandidateGroup(approver.id());
        }
        task.setName("Review " + started.accountName() + " (level " + level + " of "
                + task.getExecution().getVariable(ProcessVariables.LEVELS) + ")");
    }

    private void completed(DelegateTask task, String requestId, int level) {
        DelegateExecution execution = task.getExecution();
        boolean byApi = execution.hasVariable(ProcessVariables.API_DECISION);
        String decision = (String) execution.getVariable(byApi ? ProcessVariables.API_DECISION : ProcessVariables.DECISION);
        String comment = (String) execution.getVariable(byApi ? ProcessVariables.API_COMMENT : ProcessVariables.COMMENT);
        // a form's values are stored where the engine put them; the next level's form must start empty
        execution.removeVariable(ProcessVariables.DECISION);
        execution.removeVariable(ProcessVariables.COMMENT);
        String actor = actor(task);
        ApprovalStatus status = steps.decide(requestId, level, decision, comment, actor);
        boolean rejected = status == ApprovalStatus.REJECTED;
        // transient: nothing after this transaction reads it. Instances started before it became transient hold
        // it stored, and the engine refuses a transient value over a stored one
        execution.setVariable(ProcessVariables.REJECTED, Variables.booleanValue(rejected,
                !execution.hasVariable(ProcessVariables.REJECTED)));
        String history = (String) execution.getVariable(ProcessVariables.DECISION_HISTORY);
        String line = "Level " + level + ": " + status + " by " + actor
                + (comment == null || comment.isBlank() ? "" : " (" + comment + ")");
        execution.setVariable(ProcessVariables.DECISION_HISTORY,
                history == null || history.isBlank() ? line : history + "\n" + line);
    }

    /**
     * The user Tasklist or engine-rest authenticated, else the identity the approvals API names, else the
     * assignee (the engine driven without a user, e.g. in process tests).
     */
    private String actor(DelegateTask task) {
        Authentication authentication = identities.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object byApi = task.getVariable(ProcessVariables.DECIDED_BY);
        return byApi != null ? (String) byApi : task.getAssignee();
    }
}
