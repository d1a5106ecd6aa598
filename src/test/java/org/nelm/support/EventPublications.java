package org.nelm.support;

import java.time.Duration;
import java.time.Instant;
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
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    /** Waits (at most {@link #BOUND}) until every publication is complete; fails otherwise. */
    public static void awaitAllDelivered(JdbcClient jdbc) {
        Instant deadline = Instant.now().plus(BOUND);
        while (incomplete(jdbc) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(incomplete(jdbc) + " event publications still incomplete after " + BOUND);
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
