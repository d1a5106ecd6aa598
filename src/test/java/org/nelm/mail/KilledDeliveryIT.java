package org.nelm.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
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
 * A node killed (SIGKILL) between the commit of a request and the sending of its mails: the node's SMTP server
 * accepts the connections and never answers, so its listeners hang in the send when it dies. Two nodes live on,
 * this one and another child, both running the redelivery timer: the mails go out exactly once each, after the
 * threshold, and further timer runs send nothing more.
 */
@ClusterIntegration
class KilledDeliveryIT {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mailsOfANodeKilledBeforeSending_goOutExactlyOnce_withTwoNodesRedelivering() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        Api admin = Api.as(port, "admin");
        ApiResponse source = admin.post("/v3/non-employee-sources", Map.of(
                "name", "killed-delivery-" + UUID.randomUUID(), "description", "killed delivery",
                "owner", Map.of("id", "requester1"), "approvers", List.of(Map.of("id", "approver1"))));
        assertThat(source.status()).as(source.text()).isEqualTo(200);
        String accountName = "killed." + UUID.randomUUID().toString().substring(0, 8);
        String received = "Request received: William Smith (" + accountName + ")";
        String review = "Your review is needed: William Smith (" + accountName + ")";

        try (StallingSmtp stalling = new StallingSmtp();
             ChildNode peer = ChildNode.start(environment);
             ChildNode doomed = ChildNode.start(environment, "spring.mail.port=" + stalling.port(),
                     "spring.mail.properties.mail.smtp.connectiontimeout=300000",
                     "spring.mail.properties.mail.smtp.timeout=300000")) {
            ApiResponse request = Api.as(doomed.port(), "requester1").post("/v3/non-employee-requests",
                    RecordFixtures.body(source.json().get("id").asText(), accountName));
            assertThat(request.status()).as(request.text()).isEqualTo(200);
            awaitUntil(() -> stalling.connections() >= 2, "both mails hang in their SMTP conversation");
            Instant killed = doomed.kill();
            assertThat(EventPublications.incomplete(jdbc, started)).as("committed, not delivered").isEqualTo(2);

            EventPublications.awaitDelivered(jdbc, started);
            System.out.printf("Killed delivery: mails redelivered %d ms after the kill%n",
                    Duration.between(killed, Instant.now()).toMillis());
            long runs = redeliveryRuns();
            awaitUntil(() -> redeliveryRuns() >= runs + 3, "three more redelivery runs");

            assertThat(mails("requester1@example.com", received)).as("request received, once").hasSize(1);
            assertThat(mails("approver1@example.com", review)).as("review needed, once").hasSize(1);
            assertThat(peer.kill()).isNotNull();
        }
        System.out.println("Redelivery runs by node: " + jdbc.sql("""
                        select hostname_, count(*) from act_hi_job_log where process_def_key_ = 'event-redelivery'
                            and job_def_type_ = 'timer-start-event' and job_exception_msg_ is null
                        group by hostname_
                        """).query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2)).list());
    }

    private long redeliveryRuns() {
        return jdbc.sql("select count(*) from act_hi_procinst where proc_def_key_ = 'event-redelivery' and end_time_ is not null")
                .query(Long.class).single();
    }

    private static List<MimeMessage> mails(String to, String subject) {
        return TestMail.to(to).stream().filter(message -> {
            try {
                return subject.equals(message.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(EventPublications.BOUND);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + EventPublications.BOUND).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** An SMTP port that accepts connections and never says a word: a send waits until its timeout. */
    private static final class StallingSmtp implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        StallingSmtp() throws IOException {
            server = new ServerSocket(0);
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "stalling-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : accepted) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
