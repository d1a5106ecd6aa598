package org.nelm.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.nelm.bulk.BulkImportProcess;
import org.springframework.stereotype.Component;

/** bpmn/bulk-import.bpmn: business key = the upload job's id, one variable, who uploaded the file. */
@Component
class CamundaBulkImportProcess implements BulkImportProcess {

    static final String PROCESS_KEY = "non-employee-bulk-import";
    static final String UPLOADED_BY = "uploadedBy";

    private final RuntimeService runtime;

    CamundaBulkImportProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(String jobId, String uploadedBy) {
        // the import task is asyncBefore: this only stores the job, and the engine hints this node's job executor
        // when the caller's transaction commits
        runtime.startProcessInstanceByKey(PROCESS_KEY, jobId,
                Variables.createVariables().putValueTyped(UPLOADED_BY, Variables.stringValue(uploadedBy)));
    }
}
