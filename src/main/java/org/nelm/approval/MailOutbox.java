package org.nelm.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.nelm.platform.StoredTime;
import org.nelm.platform.TransactionBound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mails waiting to be sent. A mail is stored in the transaction that caused it (so a rolled back decision sends
 * nothing) and sent by {@link MailDelivery} after commit.
 */
@Repository
class MailOutbox {

    record Mail(String id, String recipient, String subject, String text, String html, int attempts) {
    }

    /** next_attempt of a mail whose attempts are used up: it stays in the table, with its last error, for audit. */
    private static final OffsetDateTime GIVEN_UP = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** The current transaction's mails, written just before it commits. */
    private static final Object PENDING = MailOutbox.class;

    private final JdbcClient jdbc;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues a mail. Within a transaction the mails are written together just before it commits (an intake
     * queues two), outside one at once.
     */
    void add(String recipient, String subject, String text, String html) {
        OffsetDateTime now = now();
        Object[] row = {UUID.randomUUID().toString(), recipient, subject, text, html, 0, now, now};
        TransactionBound.value(PENDING, ArrayList<Object[]>::new, this::insert)
                .ifPresentOrElse(pending -> pending.add(row), () -> insert(List.<Object[]>of(row)));
    }

    private void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into nelm_mail_outbox (id, recipient, subject, text_body, html_body, attempts, next_attempt,
                            created)
                        values :rows
                        """)
                .param("rows", rows)
                .update();
    }

    List<Mail> due(int max) {
        return jdbc.sql("""
                        select id, recipient, subject, text_body, html_body, attempts from nelm_mail_outbox
                        where sent is null and next_attempt <= :now order by next_attempt limit :max
                        """)
                .param("now", now()).param("max", max)
                .query((rs, row) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
    }

    void sent(String id) {
        jdbc.sql("update nelm_mail_outbox set sent = :now, last_error = null where id = :id")
                .param("now", now()).param("id", id).update();
    }

    /** Another attempt later (backoff grows with the attempts), or none when the attempts are used up. */
    void failed(Mail mail, String error, int maxAttempts, Duration backoff) {
        int attempts = mail.attempts() + 1;
        OffsetDateTime next = attempts >= maxAttempts ? GIVEN_UP : now().plus(backoff.multipliedBy(attempts));
        jdbc.sql("update nelm_mail_outbox set attempts = :attempts, next_attempt = :next, last_error = :error where id = :id")
                .param("attempts", attempts).param("next", next)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .param("id", mail.id()).update();
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
