package org.nelm.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication registry as the tests see it: a listener marks its publication complete after it has done
 * its work (a mail is complete once GreenMail has stored it), so once no publication is incomplete, every count of
 * what the listeners did is final.
 */
public final class EventPublications {

    public static final Duration BOUND = Duration.ofSeconds(60);

    private EventPublications() {
    }

    public static long incomplete(JdbcClient jdbc) {
        return incomplete(jdbc, List.of());
    }

    private static long incomplete(JdbcClient jdbc, List<UUID> except) {
        return jdbc.sql("select id from event_publication where completion_date is null").query(UUID.class).list()
                .stream().filter(id -> !except.contains(id)).count();
    }

    /** Waits (at most {@link #BOUND}) until every publication is complete; fails otherwise. */
    public static void awaitAllDelivered(JdbcClient jdbc) {
        awaitAllDeliveredExcept(jdbc, List.of());
    }

    /** The same, but for the publications a test leaves undelivered on purpose. */
    public static void awaitAllDeliveredExcept(JdbcClient jdbc, List<UUID> except) {
        Instant deadline = Instant.now().plus(BOUND);
        while (incomplete(jdbc, except) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(incomplete(jdbc, except) + " event publications still incomplete after " + BOUND);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
