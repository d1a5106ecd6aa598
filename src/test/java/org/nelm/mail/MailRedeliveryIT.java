package org.nelm.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.EventPublications;
import org.nelm.support.StandaloneNode;
import org.nelm.support.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Mails whose SMTP server is down: the listener fails, its publications stay incomplete, and once the server is back
 * the redelivery timer sends each of them, once. A node of its own (its SMTP port has no server at first), with the
 * redelivery's threshold and timer shortened.
 */
class MailRedeliveryIT {

    @Test
    void mailsThatFailedWhileSmtpWasDown_areSentOnceWhenItIsBack() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        int smtpPort = freePort();
        String[] args = StandaloneNode.args(TestDatabase.datasourceProperties(),
                "spring.mail.port=" + smtpPort,
                "nelm.demo.enabled=true", "camunda.bpm.admin-user.password=admin",
                "nelm.rate-limit.requests=100000",
                "nelm.events.redeliver-after=PT3S", "nelm.events.redelivery-cycle=0/2 * * * * ?",
                "camunda.bpm.job-execution.wait-time-in-millis=500", "camunda.bpm.job-execution.max-wait=1000");
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (ConfigurableApplicationContext node = StandaloneNode.start(args)) {
            int port = StandaloneNode.port(node);
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            ThreadPoolTaskExecutor listeners = node.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
            ApiResponse source = Api.as(port, "admin").post("/v3/non-employee-sources", Map.of(
                    "name", "smtp-down-" + UUID.randomUUID(), "description", "mail redelivery",
                    "owner", Map.of("id", "requester1"), "approvers", List.of(Map.of("id", "approver1"))));
            assertThat(source.status()).as(source.text()).isEqualTo(200);
            String accountName = "smtp-down." + UUID.randomUUID().toString().substring(0, 8);
            ApiResponse request = Api.as(port, "requester1").post("/v3/non-employee-requests",
                    RecordFixtures.body(source.json().get("id").asText(), accountName));
            assertThat(request.status()).as(request.text()).isEqualTo(200);

            // both first deliveries ran (connection refused) and left their publications incomplete
            awaitUntil(() -> listeners.getThreadPoolExecutor().getCompletedTaskCount() >= 2
                    && listeners.getActiveCount() == 0 && listeners.getThreadPoolExecutor().getQueue().isEmpty());
            assertThat(EventPublications.incomplete(jdbc, started)).as("request received, review needed: not sent").isEqualTo(2);
            assertThat(smtp.getReceivedMessages()).isEmpty();

            smtp.start();
            EventPublications.awaitDelivered(jdbc, started);
            assertThat(mails(smtp, "requester1@example.com", "Request received: William Smith (" + accountName + ")"))
                    .as("sent once, by the redelivery").hasSize(1);
            assertThat(mails(smtp, "approver1@example.com", "Your review is needed: William Smith (" + accountName + ")"))
                    .as("sent once, by the redelivery").hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    private static List<MimeMessage> mails(GreenMail smtp, String to, String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().equals(subject)
                        && Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 30 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
