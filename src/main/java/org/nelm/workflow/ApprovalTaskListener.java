package org.nelm.workflow;

import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.nelm.request.approval.ApprovalSteps;
import org.nelm.request.approval.StartedLevel;
import org.nelm.platform.error.ApiException;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * The approval task "Review request", one per level, whatever door reaches it (the approvals API, Tasklist,
 * engine REST, Cockpit). On create the request's next level comes under review: its item becomes PENDING, the
 * task goes to the approver, and its description (what the approver reads) is written from our rows. On update (a
 * claim, a new assignee) an assignee who may decide takes the task, and anyone else is a reassignment by the
 * authenticated user, under the same rule as the approvals API's. On complete the decision is checked and recorded
 * on the item in the same transaction; any refusal makes the completion fail with a 4xx (see EngineRestRefusals).
 */
@Component("approvalTaskListener")
class ApprovalTaskListener implements TaskListener {

    private final ApprovalSteps steps;
    private final IdentityService identities;
    private final TasklistAccess tasklistAccess;

    ApprovalTaskListener(ApprovalSteps steps, IdentityService identities, TasklistAccess tasklistAccess) {
        this.steps = steps;
        this.identities = identities;
        this.tasklistAccess = tasklistAccess;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_UPDATE -> updated(task);
            case EVENTNAME_COMPLETE -> completed(task);
            default -> { }
        }
    }

    private void created(DelegateTask task) {
        StartedLevel started = steps.startLevel(task.getExecution().getProcessBusinessKey(), task.getId());
        ApproverRef approver = started.approver();
        if (approver.type() == ApproverType.IDENTITY) {
            task.setAssignee(approver.id());
        } else {
            task.addCandidateGroup(approver.id());
        }
        task.setName("Review " + started.accountName() + " (level " + started.level() + " of "
                + started.levelCount() + ")");
        // a column of the task, not a variable: no variable rows to write and delete per level (docs/performance.md)
        task.setDescription(started.description());
    }

    private void updated(DelegateTask task) {
        String assignee = task.getAssignee();
        Authentication authentication = identities.getCurrentAuthentication();
        ApproverRef approver = steps.assigned(task.getId(), assignee,
                authentication == null ? null : authentication.getUserId());
        if (approver == null) {
            return;
        }
        if (approver.type() == ApproverType.GOVERNANCE_GROUP) {
            tasklistAccess.letGroupSeeName(approver.id(), assignee);
        } else {
            // reassigned from a group: its members no longer see a task they may not decide
            task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList()
                    .forEach(group -> tasklistAccess.removeGroupFromTask(task, group));
        }
    }

    private void completed(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String decision = text(task.getVariable(ProcessVariables.DECISION), ProcessVariables.DECISION);
        String comment = text(task.getVariable(ProcessVariables.COMMENT), ProcessVariables.COMMENT);
        String actor = actor(task);
        // a form's values stay where the engine put them; the next level's form must start empty
        execution.removeVariable(ProcessVariables.DECISION);
        execution.removeVariable(ProcessVariables.COMMENT);
        execution.removeVariable(ProcessVariables.DECIDED_BY);
        steps.decide(task.getId(), decision, comment, actor);
    }

    /**
     * The user Tasklist or engine REST authenticated; else (the engine driven by our own code) the identity the
     * approvals API names, else the assignee.
     */
    private String actor(DelegateTask task) {
        Authentication authentication = identities.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object byApi = task.getVariable(ProcessVariables.DECIDED_BY);
        return byApi instanceof String identity ? identity : task.getAssignee();
    }

    private static String text(Object value, String name) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badRequest(name + " must be a string");
    }
}
