package org.nelm.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.nelm.support.CapturedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record events of the records API with their payloads, and what a rolled back transaction publishes: nothing,
 * neither to a listener nor to the registry.
 */
@ApiIntegration
class RecordEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    RecordService records;

    @Autowired
    EndDateReminders reminders;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    String sourceId;
    CapturedEvents events;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin");
        sourceId = RecordFixtures.source(admin);
        events = CapturedEvents.start(context);
    }

    @AfterEach
    void tearDown() {
        events.close();
        RecordFixtures.deleteSource(admin, sourceId);
    }

    @Test
    void createPutPatchAndDeletes_publishTheirEventsWithWhatChanged() {
        String id = RecordFixtures.record(admin, sourceId, "events.one");
        RecordCreated created = events.await(RecordCreated.class, id);
        assertThat(created.type()).isEqualTo("org.nelm.record.created");
        assertThat(created.actor()).isEqualTo("admin");
        assertThat(created.sourceId()).isEqualTo(sourceId);
        assertThat(created.accountName()).isEqualTo("events.one");
        assertThat(created.requestId()).isNull();
        assertThat(created.values()).containsEntry("accountName", "events.one").containsEntry("lastName", "Smith")
                .containsEntry("startDate", "2020-03-24T05:00:00Z").containsEntry("data", Map.of());

        Map<String, Object> body = RecordFixtures.body(sourceId, "events.one");
        body.put("firstName", "Bill");
        ApiResponse put = admin.put("/v3/non-employee-records/" + id, body);
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        RecordChanged renamed = events.await(RecordChanged.class, id);
        assertThat(renamed.type()).isEqualTo("org.nelm.record.changed");
        assertThat(renamed.actor()).isEqualTo("admin");
        assertThat(renamed.changes()).containsOnlyKeys("firstName");
        assertThat(renamed.changes().get("firstName")).containsEntry("old", "William").containsEntry("new", "Bill");

        ApiResponse patch = Api.as(port, RecordFixtures.ACCOUNT_MANAGER).patch("/v3/non-employee-records/" + id,
                List.of(Map.of("op", "replace", "path", "/endDate", "value", "2032-01-01T00:00:00Z")));
        assertThat(patch.status()).as(patch.text()).isEqualTo(200);
        RecordChanged extended = events.await(RecordChanged.class, e -> e.subject().equals(id)
                && e.actor().equals(RecordFixtures.ACCOUNT_MANAGER));
        assertThat(extended.changes()).containsOnlyKeys("endDate");
        assertThat(extended.changes().get("endDate")).containsEntry("old", "2031-03-25T05:00:00Z")
                .containsEntry("new", "2032-01-01T00:00:00Z");

        assertThat(admin.delete("/v3/non-employee-records/" + id).status()).isEqualTo(204);
        RecordDeleted deleted = events.await(RecordDeleted.class, id);
        assertThat(deleted.type()).isEqualTo("org.nelm.record.deleted");
        assertThat(deleted.actor()).isEqualTo("admin");
        assertThat(deleted.accountName()).isEqualTo("events.one");
        assertThat(deleted.sourceId()).isEqualTo(sourceId);

        String two = RecordFixtures.record(admin, sourceId, "events.two");
        String three = RecordFixtures.record(admin, sourceId, "events.three");
        assertThat(admin.post("/v3/non-employee-records/bulk-delete", Map.of("ids", List.of(two, three))).status())
                .isEqualTo(204);
        assertThat(events.await(RecordDeleted.class, two).accountName()).isEqualTo("events.two");
        assertThat(events.await(RecordDeleted.class, three).accountName()).isEqualTo("events.three");

        ApiResponse refused = admin.post("/v3/non-employee-records/bulk-delete", Map.of("ids", List.of("no-such-id")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(events.of(RecordDeleted.class, "no-such-id")).isEmpty();
        assertThat(events.of(RecordChanged.class, id)).hasSize(2);
        assertThat(events.of(RecordCreated.class, id)).hasSize(1);
    }

    @Test
    void aRolledBackTransaction_publishesNothing_neitherToListenersNorToTheRegistry() {
        String accountName = "events.rolled-back." + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.executeWithoutResult(status -> {
            NonEmployeeRecord record = records.create(new NonEmployee(sourceId, accountName, "Roll", "Back",
                    "roll@example.com", "5125555555", "jane.doe", new HashMap<>(), now, now.plusDays(3)), "admin", null);
            assertThat(record.id()).isNotBlank();
            // the record ends in 3 days: the reminder (a listened event, stored in the registry) is due too
            assertThat(reminders.remindDue(now)).isPositive();
            assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :name")
                    .param("name", "%" + accountName + "%").query(Long.class).single())
                    .as("inside the transaction, the registry holds the reminder for the mail listener").isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(events.all()).isEmpty();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :name")
                .param("name", "%" + accountName + "%").query(Long.class).single())
                .as("no publication of the reminder that was rolled back").isZero();
        assertThat(jdbc.sql("select count(*) from nelm_record where account_name = :name").param("name", accountName)
                .query(Long.class).single()).isZero();
    }
}
