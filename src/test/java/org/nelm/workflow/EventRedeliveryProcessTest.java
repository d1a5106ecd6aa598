package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.request.RequestSubmitted;
import org.nelm.support.EngineStepByStep;
import org.nelm.support.EventPublications;
import org.nelm.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * The redelivery process on a real engine, its timer fired by the test with the engine clock moved: a publication
 * left undelivered (as a node that died after its commit leaves it) is delivered by the run, once; one delivered
 * within the threshold is left alone; delivered publications older than the retention are deleted.
 */
@EngineStepByStep
class EventRedeliveryProcessTest {

    static final String PROCESS = "event-redelivery";

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;
    @Autowired EventSerializer serializer;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void aRun_redeliversWhatIsOverdue_once_andDeletesOldDeliveredPublications() {
        String overdue = "redeliver." + UUID.randomUUID().toString().substring(0, 8);
        String recent = "recent." + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        Instant started = now.minusSeconds(1);
        UUID overdueId = store(submitted(overdue), now.minus(Duration.ofMinutes(10)), null);
        UUID recentId = store(submitted(recent), now, null);
        UUID oldDelivered = store(submitted("old"), now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        UUID newDelivered = store(submitted("new"), now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));

        Job timer = timer();
        Instant due = timer.getDuedate().toInstant();
        ClockUtil.setCurrentTime(Date.from(due));
        management.executeJob(timer.getId());

        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .finished().orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("redeliver-events").finished().count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId("events-redelivered").count()).isEqualTo(1);
        assertThat(timer().getDuedate().toInstant()).as("the next run, a minute later")
                .isEqualTo(due.plus(Duration.ofMinutes(1)));

        awaitCompleted(overdueId);
        assertThat(mailsAbout(overdue)).as("the overdue publication, delivered once").hasSize(1);
        assertThat(completion(recentId)).as("a publication younger than the threshold is left to its node").isNull();
        assertThat(mailsAbout(recent)).isEmpty();
        assertThat(exists(oldDelivered)).as("delivered 8 days ago: past the 7-day retention").isFalse();
        assertThat(exists(newDelivered)).isTrue();

        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1))));
        management.executeJob(timer().getId());
        EventPublications.awaitDeliveredExcept(jdbc, started, List.of(recentId));
        assertThat(mailsAbout(overdue)).as("a delivered publication is not delivered again").hasSize(1);

        jdbc.sql("delete from event_publication where id = :id").param("id", recentId).update();
    }

    @Test
    void theProcessIsDeployedWithReadableNamesAndATimerEveryMinute() {
        BpmnModelInstance model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS).latestVersion().singleResult().getId());
        Process process = model.getModelElementById(PROCESS);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getName()).isEqualTo("Redeliver undelivered events");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P1D");
        assertThat(model.getModelElementsByType(FlowElement.class)).allSatisfy(element -> {
            assertThat(element.getId()).matches("[a-z-]+");
            if (!(element instanceof SequenceFlow)) {
                assertThat(element.getName()).isNotBlank();
            }
        });
        Job timer = timer();
        assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().minusSeconds(60))
                .isBefore(Instant.now().plus(Duration.ofMinutes(1)).plusSeconds(1));
        assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).getSecond())
                .as("the default cycle: every minute, on the minute").isZero();
    }

    private static RequestSubmitted submitted(String accountName) {
        return new RequestSubmitted(UUID.randomUUID().toString(), "requester1", Instant.now().truncatedTo(ChronoUnit.MICROS),
                "source-id", "Redelivery source", "requester1", accountName, "Ann", "Event",
                List.of(Map.of("type", "IDENTITY", "id", "approver1")));
    }

    /** A publication for the mail listener's request-received mail, as the registry writes one. */
    private UUID store(RequestSubmitted event, Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                            completion_date)
                        values (:id, 'mail.request-received', :type, :event, :published, :completed)
                        """)
                .param("id", id).param("type", RequestSubmitted.class.getName())
                .param("event", serializer.serialize(event))
                .param("published", Timestamp.from(published))
                .param("completed", completed == null ? null : Timestamp.from(completed))
                .update();
        return id;
    }

    private void awaitCompleted(UUID id) {
        Instant deadline = Instant.now().plus(EventPublications.BOUND);
        while (completion(id) == null && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(completion(id)).as("delivered within " + EventPublications.BOUND).isNotNull();
    }

    private Object completion(UUID id) {
        return jdbc.sql("select completion_date from event_publication where id = :id").param("id", id)
                .query((rs, row) -> rs.getTimestamp(1)).optional().orElse(null);
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = :id").param("id", id).query(Long.class)
                .single() > 0;
    }

    private Job timer() {
        return management.createJobQuery().processDefinitionKey(PROCESS).timers().singleResult();
    }

    private static List<jakarta.mail.internet.MimeMessage> mailsAbout(String accountName) {
        return TestMail.to("requester1@example.com").stream().filter(message -> {
            try {
                return message.getSubject().contains("(" + accountName + ")");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
