package org.nelm.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.nelm.request.approval.ApprovalSteps;
import org.springframework.stereotype.Component;

/**
 * The diagram's gateways ask this where the request's review stands; the answer comes from our approval items,
 * never from process variables, which a task's user can set with any completion. Public, since the diagram's
 * expressions call it by reflection.
 */
@Component("approvalProgress")
public class ApprovalProgress {

    private final ApprovalSteps steps;

    ApprovalProgress(ApprovalSteps steps) {
        this.steps = steps;
    }

    public boolean levelWaiting(DelegateExecution execution) {
        return steps.progress(execution.getProcessBusinessKey()) == ApprovalSteps.Progress.LEVEL_WAITING;
    }

    public boolean rejected(DelegateExecution execution) {
        return steps.progress(execution.getProcessBusinessKey()) == ApprovalSteps.Progress.REJECTED;
    }
}
