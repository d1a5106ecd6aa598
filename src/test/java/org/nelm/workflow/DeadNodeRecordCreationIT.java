package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ChildNode;
import org.nelm.support.ClusterIntegration;
import org.nelm.support.EventPublications;
import org.nelm.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node killed (SIGKILL) while it holds the record-creation jobs of approved requests: the surviving node runs
 * them once their lock has expired, each exactly once, and no record ever exists without its APPROVED request.
 *
 * <p>To catch the dead node in the middle of the jobs, the test holds the requests' rows locked (as a slow
 * transaction would): the node's job threads wait in {@code ApprovalSteps.createRecord} with the jobs locked by
 * the node. The survivor's job executor is paused until then, so that the dead node, not the survivor, took them.
 */
@ClusterIntegration
class DeadNodeRecordCreationIT {

    private static final int REQUESTS = 3;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JobExecutor jobExecutor;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordJobsOfAKilledNodeAreRunOnceBySurvivorWithinTheBound() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        Api admin = Api.as(port, "admin");
        String sourceId = source(admin);
        List<String> requestIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        List<String> accountNames = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String accountName = "dead-node." + UUID.randomUUID().toString().substring(0, 8);
            ApiResponse request = Api.as(port, "requester1").post("/v3/non-employee-requests",
                    RecordFixtures.body(sourceId, accountName));
            assertThat(request.status()).as(request.text()).isEqualTo(200);
            requestIds.add(request.json().get("id").asText());
            itemIds.add(request.json().get("approvalItems").get(0).get("id").asText());
            accountNames.add(accountName);
        }

        jobExecutor.shutdown();
        try (ChildNode doomed = ChildNode.start(environment);
             Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            lockRequests(blocker, requestIds);
            for (String itemId : itemIds) {
                ApiResponse approved = Api.as(doomed.port(), "approver1")
                        .post("/v3/non-employee-approvals/" + itemId + "/approve", Map.of("comment", "fine"));
                assertThat(approved.status()).as(approved.text()).isEqualTo(200);
            }
            assertThat(awaitUntil(Instant.now().plus(BOUND), () -> lockedByAnotherNode(requestIds) == REQUESTS
                    && waitingForALock() == REQUESTS))
                    .as("the doomed node holds every record job, its threads inside them").isTrue();
            jobExecutor.start();

            Instant killed = doomed.kill();
            blocker.rollback();

            boolean done = awaitUntil(killed.plus(BOUND), () -> approved(admin, requestIds) == REQUESTS);
            Duration resumed = Duration.between(killed, Instant.now());
            System.out.printf("Record creation: %d jobs of a killed node done %d ms after the kill%n", REQUESTS,
                    resumed.toMillis());
            assertThat(done).as("every request APPROVED within %s of the kill", BOUND).isTrue();
        } finally {
            jobExecutor.start();
        }

        assertThat(jdbc.sql("select account_name from nelm_record where source_id = :source")
                .param("source", sourceId).query(String.class).list())
                .as("one record per request").containsExactlyInAnyOrderElementsOf(accountNames);
        assertThat(jdbc.sql("""
                        select count(*) from nelm_record r where r.source_id = :source and not exists
                            (select 1 from nelm_request q where q.record_id = r.id and q.approval_status = 'APPROVED')
                        """).param("source", sourceId).query(Long.class).single())
                .as("no record without its APPROVED request").isZero();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(jdbc.sql("""
                            select count(*) from act_hi_actinst
                            where proc_inst_id_ = (select proc_inst_id_ from act_hi_procinst where business_key_ = :id)
                              and act_id_ = 'CreateRecord' and end_time_ is not null
                            """).param("id", requestIds.get(i)).query(Long.class).single())
                    .as("the record step completed once").isEqualTo(1);
            String subject = "Request approved: William Smith (" + accountNames.get(i) + ")";
            assertThat(awaitUntil(Instant.now().plus(BOUND), () -> TestMail.to("requester1@example.com").stream()
                    .anyMatch(m -> subject(m).equals(subject)))).as("the approval mail, sent").isTrue();
            EventPublications.awaitDelivered(jdbc, started);
            assertThat(TestMail.to("requester1@example.com").stream().filter(m -> subject(m).equals(subject)))
                    .as("one approval mail received").hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).isZero();
    }

    /** Row locks on the requests, held until the test lets go: createRecord waits for them. */
    private static void lockRequests(Connection connection, List<String> requestIds) throws Exception {
        try (var statement = connection.prepareStatement("select id from nelm_request where id = ? for update")) {
            for (String id : requestIds) {
                statement.setString(1, id);
                statement.executeQuery().close();
            }
        }
    }

    /** Record jobs of these requests locked by a job executor other than this node's. */
    private long lockedByAnotherNode(List<String> requestIds) {
        return jdbc.sql("""
                        select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                        where e.business_key_ in (:ids) and j.lock_owner_ is not null and j.lock_owner_ <> :survivor
                        """)
                .param("ids", requestIds).param("survivor", jobExecutor.getLockOwner())
                .query(Long.class).single();
    }

    /** Connections of the other node waiting for a row lock (the test's). */
    private long waitingForALock() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                        """).query(Long.class).single();
    }

    private static long approved(Api admin, List<String> requestIds) {
        return requestIds.stream()
                .map(id -> admin.get("/v3/non-employee-requests/" + id).json().path("approvalStatus").asText())
                .filter("APPROVED"::equals)
                .count();
    }

    /** Polls the condition until it holds or the deadline passes; true when it held. */
    private static boolean awaitUntil(Instant deadline, BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static String source(Api admin) {
        ApiResponse created = admin.post("/v3/non-employee-sources", Map.of(
                "name", "Dead node " + UUID.randomUUID(),
                "description", "record jobs of a killed node",
                "owner", Map.of("id", "requester1"),
                "approvers", List.of(Map.of("id", "approver1")),
                "accountManagers", List.of(Map.of("id", "manager1"))));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().get("id").asText();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
