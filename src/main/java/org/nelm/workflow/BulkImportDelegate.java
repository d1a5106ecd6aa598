package org.nelm.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.nelm.bulk.BulkImportRun;
import org.springframework.stereotype.Component;

/**
 * Service task "Import records from CSV" of bulk-import.bpmn, behind an async continuation: the import is a job of
 * the job executor, retried (R3/PT1M) and then an incident ({@link BulkImportIncidentPlugin}).
 */
@Component("bulkImportDelegate")
class BulkImportDelegate implements JavaDelegate {

    private final BulkImportRun run;

    BulkImportDelegate(BulkImportRun run) {
        this.run = run;
    }

    @Override
    public void execute(DelegateExecution execution) {
        run.run(execution.getProcessBusinessKey(), (String) execution.getVariable(CamundaBulkImportProcess.UPLOADED_BY));
    }
}
