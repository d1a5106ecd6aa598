package org.nelm.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.nelm.request.approval.ApprovalSteps;
import org.springframework.stereotype.Component;

/** Service task "Close rejected request". */
@Component("rejectedRequest")
class RejectedRequestDelegate implements JavaDelegate {

    private final ApprovalSteps steps;

    RejectedRequestDelegate(ApprovalSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.closeRejected(execution.getProcessBusinessKey());
    }
}
