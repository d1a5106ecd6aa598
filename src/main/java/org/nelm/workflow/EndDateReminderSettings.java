package org.nelm.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read by the timer start event of end-date-reminders.bpmn ({@code ${endDateReminderSettings.cycle}}) when the
 * process is deployed. The engine keeps the timer it scheduled then: a changed cycle applies to the next deployment
 * of the process (see docs/records.md).
 */
@Component("endDateReminderSettings")
public class EndDateReminderSettings {

    private final String cycle;

    EndDateReminderSettings(@Value("${nelm.reminders.cycle:0 0 6 * * ?}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
