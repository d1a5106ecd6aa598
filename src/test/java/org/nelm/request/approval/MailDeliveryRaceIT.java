package org.nelm.request.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nelm.support.ApiIntegration;
import org.nelm.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Deliverers of several nodes on one outbox: two more deliverers race the application's own on the same database
 * and the same SMTP server, and every mail arrives exactly once.
 */
@ApiIntegration
class MailDeliveryRaceIT {

    private static final int MAILS = 120;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JavaMailSender sender;

    @Autowired
    JdbcClient jdbc;

    @Test
    void racingDeliverersSendEveryMailExactlyOnce() throws Exception {
        String run = "race-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = IntStream.range(0, MAILS).mapToObj(i -> run + "-" + i + "@example.com").toList();
        recipients.forEach(to -> outbox.add(to, "Race " + to, "text " + to, "<p>html " + to + "</p>"));

        List<MailDelivery> deliverers = List.of(deliverer(), deliverer());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(deliverers.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (MailDelivery deliverer : deliverers) {
                running.add(threads.submit(() -> {
                    start.await();
                    // the application's own deliverer may hold a claimed mail for a moment: bounded, not forever
                    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                    while (unsent(run) > 0 && Instant.now().isBefore(deadline)) {
                        deliverer.sendDue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> deliverer : running) {
                deliverer.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(unsent(run)).isZero();
        for (String to : recipients) {
            assertThat(TestMail.to(to)).as("mails to " + to).hasSize(1);
        }
    }

    /** A second node's deliverer: the same outbox table and SMTP server, its own instance. */
    private MailDelivery deliverer() {
        return new MailDelivery(outbox, sender, "nelm@example.com", 5, Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** Mails of this run not yet marked sent. */
    private long unsent(String run) {
        return jdbc.sql("select count(*) from nelm_mail_outbox where recipient like :run and sent is null")
                .param("run", run + "-%").query(Long.class).single();
    }
}
