package org.nelm.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.nelm.request.approval.ApprovalSteps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the approval steps whenever a request's process instance ends, however it ends. An operator can cancel
 * or modify an instance in Cockpit with "skip custom listeners", so no execution listener would see it; the
 * history event of the instance's end is produced either way, in the same transaction. A request still PENDING
 * then ends CANCELLED ({@link ApprovalSteps#processEnded}).
 */
@Component
class RequestProcessEndPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ApprovalSteps> steps;

    RequestProcessEndPlugin(ObjectProvider<ApprovalSteps> steps) {
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Handler());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private final class Handler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricProcessInstanceEventEntity instance
                    && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
                    && ProcessVariables.PROCESS_KEY.equals(instance.getProcessDefinitionKey())
                    && instance.getBusinessKey() != null) {
                steps.getObject().processEnded(instance.getBusinessKey(), instance.getDeleteReason());
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
