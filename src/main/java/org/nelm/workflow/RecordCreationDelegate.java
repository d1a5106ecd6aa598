package org.nelm.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.nelm.request.approval.ApprovalSteps;
import org.springframework.stereotype.Component;

/**
 * Service task "Create non-employee record", behind an async continuation: a failure rolls back to the job,
 * which the engine retries (R3/PT1M) and then shows as an incident in Cockpit.
 */
@Component("recordCreation")
class RecordCreationDelegate implements JavaDelegate {

    private final ApprovalSteps steps;

    RecordCreationDelegate(ApprovalSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.createRecord(execution.getProcessBusinessKey());
    }
}
