package org.nelm.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.nelm.bulk.BulkImportRun;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An import's job that failed for the last time shows the upload job as ERROR, in the transaction that creates the
 * incident; an operator's retry (the incident resolved) shows it IN_PROGRESS again. Wraps whatever handler the
 * engine has for failed jobs (its default, or a composite one), so every other process keeps its incidents as they
 * are.
 */
@Component
class BulkImportIncidentPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<BulkImportRun> run;

    BulkImportIncidentPlugin(ObjectProvider<BulkImportRun> run) {
        this.run = run;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        IncidentHandler engines = configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);
        configuration.getIncidentHandlers().put(Incident.FAILED_JOB_HANDLER_TYPE, new Handler(engines));
    }

    private final class Handler implements IncidentHandler {

        private final IncidentHandler engines;

        Handler(IncidentHandler engines) {
            this.engines = engines;
        }

        @Override
        public String getIncidentHandlerType() {
            return engines.getIncidentHandlerType();
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = engines.handleIncident(context, message);
            ExecutionEntity execution = importExecution(context);
            if (execution != null) {
                run.getObject().failed(execution.getProcessBusinessKey(),
                        (String) execution.getVariable(CamundaBulkImportProcess.UPLOADED_BY), message);
            }
            return incident;
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            engines.resolveIncident(context);
            ExecutionEntity execution = importExecution(context);
            if (execution != null) {
                run.getObject().retried(execution.getProcessBusinessKey());
            }
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            engines.deleteIncident(context);
        }

        /** The execution of an import's process the incident is about, or null for any other process. */
        private ExecutionEntity importExecution(IncidentContext context) {
            if (context.getExecutionId() == null) {
                return null;
            }
            ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                    .findExecutionById(context.getExecutionId());
            if (execution == null || execution.getProcessDefinition() == null
                    || !CamundaBulkImportProcess.PROCESS_KEY.equals(execution.getProcessDefinition().getKey())) {
                return null;
            }
            return execution;
        }
    }
}
