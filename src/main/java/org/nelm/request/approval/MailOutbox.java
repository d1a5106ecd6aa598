package org.nelm.request.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nelm.platform.StoredTime;
import org.nelm.platform.TransactionBound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails waiting to be sent. A mail is stored in the transaction that caused it (so a rolled back decision sends
 * nothing) and sent by {@link MailDelivery} after commit. Every node delivers: a deliverer claims a mail before
 * sending it, so no two send the same one.
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
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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

    /**
     * Claims the mail due longest: its next attempt moves {@code lease} ahead, so that no other deliverer takes it
     * meanwhile; a deliverer that dies with it leaves it due again when the lease ends. {@code SKIP LOCKED} (both
     * PostgreSQL and H2) lets racing deliverers take different mails instead of waiting for each other; the moved
     * next attempt alone would already keep them apart.
     */
    Optional<Mail> claimNext(Duration lease) {
        return transactions.execute(status -> {
            OffsetDateTime now = now();
            Optional<Mail> mail = jdbc.sql("""
                            select id, recipient, subject, text_body, html_body, attempts from nelm_mail_outbox
                            where sent is null and next_attempt <= :now order by next_attempt
                            fetch first 1 rows only for update skip locked
                            """)
                    .param("now", now)
                    .query((rs, row) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)))
                    .optional();
            mail.ifPresent(claimed -> jdbc.sql("update nelm_mail_outbox set next_attempt = :until where id = :id")
                    .param("until", now.plus(lease)).param("id", claimed.id()).update());
            return mail;
        });
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
