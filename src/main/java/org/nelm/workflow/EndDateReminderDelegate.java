package org.nelm.workflow;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.nelm.record.EndDateReminders;
import org.springframework.stereotype.Component;

/**
 * Service task "E-mail account managers about ending records" of end-date-reminders.bpmn. Uses the engine's
 * clock, so that moving it forward (tests, Cockpit job re-runs) moves "today" for the reminders as well.
 */
@Component("endDateReminderDelegate")
class EndDateReminderDelegate implements JavaDelegate {

    private final EndDateReminders reminders;

    EndDateReminderDelegate(EndDateReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int messages = reminders.remindDue(OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC));
        execution.setVariable("messages", messages);
    }
}
