package org.nelm.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nelm.approval.ApprovalStatus;
import org.nelm.approval.ApprovalSteps;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * The approval task "Review request", one per level. On create the level's item becomes PENDING and the task
 * goes to the approver (assignee, or candidate group). On complete the decision ({@code decision},
 * {@code comment}, as Tasklist's form and the API both send them) is recorded on the item in the same
 * transaction; an invalid decision makes the completion fail.
 */
@Component("approvalTaskListener")
class ApprovalTaskListener implements TaskListener {

    private static final String LOOP_COUNTER = "loopCounter";

    private final ApprovalSteps steps;
    private final IdentityService identities;

    ApprovalTaskListener(ApprovalSteps steps, IdentityService identities) {
        this.steps = steps;
        this.identities = identities;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestId = task.getExecution().getProcessBusinessKey();
        int level = ((Number) task.getExecution().getVariable(LOOP_COUNTER)).intValue() + 1;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, requestId, level);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, requestId, level);
        }
    }

    private void created(DelegateTask task, String requestId, int level) {
        ApproverRef approver = steps.startLevel(requestId, level, task.getId());
        if (approver.type() == ApproverType.IDENTITY) {
            task.setAssignee(approver.id());
        } else {
            task.addCandidateGroup(approver.id());
        }
        task.setName("Review " + task.getExecution().getVariable(ProcessVariables.ACCOUNT_NAME) + " (level " + level
                + " of " + task.getExecution().getVariable(ProcessVariables.LEVEL_COUNT) + ")");
        // local to this level's execution: TaskService.complete and Tasklist's form write the decision there,
        // so it never leaks into the next level or the process instance
        task.getExecution().setVariableLocal(ProcessVariables.DECISION, null);
        task.getExecution().setVariableLocal(ProcessVariables.COMMENT, null);
    }

    private void completed(DelegateTask task, String requestId, int level) {
        String decision = (String) task.getVariable(ProcessVariables.DECISION);
        String comment = (String) task.getVariable(ProcessVariables.COMMENT);
        String actor = actor(task);
        ApprovalStatus status = steps.decide(requestId, level, decision, comment, actor);
        if (status == ApprovalStatus.REJECTED) {
            task.getExecution().setVariable(ProcessVariables.REJECTED, true);
        }
        String history = (String) task.getExecution().getVariable(ProcessVariables.DECISION_HISTORY);
        String line = "Level " + level + ": " + status + " by " + actor
                + (comment == null || comment.isBlank() ? "" : " (" + comment + ")");
        task.getExecution().setVariable(ProcessVariables.DECISION_HISTORY,
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
