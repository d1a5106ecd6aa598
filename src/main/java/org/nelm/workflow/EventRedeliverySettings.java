package org.nelm.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read by the timer start event of event-redelivery.bpmn ({@code ${eventRedeliverySettings.cycle}}) when the process
 * is deployed; like the reminders' cycle, a changed cycle applies to the next deployment of the process.
 */
@Component("eventRedeliverySettings")
public class EventRedeliverySettings {

    private final String cycle;

    EventRedeliverySettings(@Value("${nelm.events.redelivery-cycle:0 * * * * ?}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
