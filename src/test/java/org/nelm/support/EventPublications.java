package org.nelm.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication registry as the tests see it: a listener marks its publication complete after it has done
 * its work (a mail is complete once GreenMail has stored it), so once a test's publications are complete, every count
 * of what the listeners did for it is final. A test looks at the publications since its own start only: the
 * database is shared with the tests before it.
 */
public final class EventPublications {

    public static final Duration BOUND = Duration.ofSeconds(60);

    private EventPublications() {
    }

    /** Publications written since {@code since} and not delivered yet. */
    public static long incomplete(JdbcClient jdbc, Instant since) {
        return incomplete(jdbc, since, List.of());
    }

    private static long incomplete(JdbcClient jdbc, Instant since, List<UUID> except) {
        return jdbc.sql("select id from event_publication where completion_date is null and publication_date >= :since")
                .param("since", Timestamp.from(since)).query(UUID.class).list()
                .stream().filter(id -> !except.contains(id)).count();
    }

    /** Waits (at most {@link #BOUND}) until every publication since {@code since} is complete; fails otherwise. */
    public static void awaitDelivered(JdbcClient jdbc, Instant since) {
        awaitDeliveredExcept(jdbc, since, List.of());
    }

    /** The same, but for the publications a test leaves undelivered on purpose. */
    public static void awaitDeliveredExcept(JdbcClient jdbc, Instant since, List<UUID> except) {
        Instant deadline = Instant.now().plus(BOUND);
        while (incomplete(jdbc, since, except) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(incomplete(jdbc, since, except) + " event publications still incomplete after "
                        + BOUND);
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
