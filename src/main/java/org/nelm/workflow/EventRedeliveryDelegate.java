package org.nelm.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.nelm.platform.event.EventRedelivery;
import org.springframework.stereotype.Component;

/**
 * Service task "Redeliver undelivered events" of event-redelivery.bpmn. The process's timer is one job in the
 * engine's table, which one job executor at a time acquires and locks, so the redelivery runs on one node at a time
 * however many nodes there are.
 */
@Component("eventRedeliveryDelegate")
class EventRedeliveryDelegate implements JavaDelegate {

    private final EventRedelivery redelivery;

    EventRedeliveryDelegate(EventRedelivery redelivery) {
        this.redelivery = redelivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        redelivery.redeliver();
    }
}
