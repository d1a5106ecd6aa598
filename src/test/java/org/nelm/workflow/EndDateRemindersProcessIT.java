package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.nelm.support.EventPublications;
import org.nelm.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily end-date reminder, driven by the engine clock, with the mail checked in the test SMTP server. The test
 * fires the timer itself, with the job executor paused: moving the clock makes the timer due, and a job executor
 * firing it as well would run the reminders twice at once. Each run publishes one event per source, which the mail
 * listener sends after the run's commit; the test waits until every publication is complete (GreenMail stores a
 * mail before it answers the send, and the listener completes its publication after the send), so every count is
 * final when it is read.
 */
@ApiIntegration
class EndDateRemindersProcessIT {

    static final String PROCESS = "end-date-reminders";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    JobExecutor jobExecutor;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    String sourceId;
    Instant start;

    @BeforeEach
    void setUp() {
        jobExecutor.shutdown();
        AbstractAssertions.init(engine);
        admin = Api.as(port, "admin");
        sourceId = RecordFixtures.source(admin);
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        jobExecutor.start();
        RecordFixtures.deleteSource(admin, sourceId);
    }

    @Test
    void remindsTheAccountManagersOnceAWeekAheadAndAgainAfterTheEndDateIsExtended() {
        String ending = "ending." + System.nanoTime();
        String later = "later." + System.nanoTime();
        Map<String, Object> endingBody = RecordFixtures.body(sourceId, ending);
        endingBody.put("endDate", start.plus(Duration.ofDays(10)).toString());
        String endingId = admin.post("/v3/non-employee-records", endingBody).json().get("id").asText();
        Map<String, Object> laterBody = RecordFixtures.body(sourceId, later);
        laterBody.put("endDate", start.plus(Duration.ofDays(40)).toString());
        assertThat(admin.post("/v3/non-employee-records", laterBody).status()).isEqualTo(200);

        runTimerAt(start.plus(Duration.ofDays(2)));
        assertThat(mailsMentioning(ending)).as("10 days ahead is too early").isEmpty();

        runTimerAt(start.plus(Duration.ofDays(4)));
        List<MimeMessage> reminders = mailsMentioning(ending);
        assertThat(reminders).hasSize(1);
        assertThat(subject(reminders.get(0))).contains("ending soon");
        assertThat(from(reminders.get(0))).isEqualTo("nelm@example.com");
        assertThat(body(reminders.get(0))).contains(ending).doesNotContain(later);

        runTimerAt(start.plus(Duration.ofDays(5)));
        assertThat(mailsMentioning(ending)).as("once per record and end date").hasSize(1);

        ApiResponse extended = Api.as(port, RecordFixtures.ACCOUNT_MANAGER).patch("/v3/non-employee-records/" + endingId,
                List.of(Map.of("op", "replace", "path", "/endDate", "value", start.plus(Duration.ofDays(12)).toString())));
        assertThat(extended.status()).isEqualTo(200);
        runTimerAt(start.plus(Duration.ofDays(6)));
        assertThat(mailsMentioning(ending)).as("again for the new end date").hasSize(2);

        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .finished().orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("reminders-sent").count()).isEqualTo(1);
    }

    @Test
    void theProcessIsDeployedExecutableWithAReadableNameOnEveryElementAndADailyTimer() {
        BpmnModelInstance model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS).latestVersion().singleResult().getId());

        Process process = model.getModelElementById(PROCESS);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P30D");
        assertThat(model.getModelElementsByType(FlowElement.class))
                .allSatisfy(element -> {
                    assertThat(element.getId()).matches("[a-z-]+");
                    if (!(element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow)) {
                        assertThat(element.getName()).isNotBlank();
                    }
                });
        Job timer = timer();
        assertThat(timer.getDuedate()).isAfter(new Date());
        assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalTime())
                .as("the default cycle runs daily at 06:00").isEqualTo(java.time.LocalTime.of(6, 0));
    }

    /** Moves the engine clock and fires the timer as the job executor would; its mails are sent when this returns. */
    private void runTimerAt(Instant when) {
        Instant since = Instant.now().minusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(when));
        management.executeJob(timer().getId());
        EventPublications.awaitDelivered(jdbc, since);
    }

    private Job timer() {
        return management.createJobQuery().processDefinitionKey(PROCESS).timers().singleResult();
    }

    private static List<MimeMessage> mailsMentioning(String accountName) {
        return TestMail.to(RecordFixtures.ACCOUNT_MANAGER + "@example.com").stream()
                .filter(message -> body(message).contains(accountName))
                .toList();
    }

    private static String body(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String from(MimeMessage message) {
        try {
            return message.getFrom()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
