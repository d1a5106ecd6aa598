package org.nelm.record;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells each source's account managers, in one message per source, which records end within the next days. A
 * record is reminded once per end date: extending the end date earns a new reminder. The messages go out after
 * the caller's transaction committed, and a reminder is marked sent only once its message went out, so a mail
 * failure is retried on the next run (at-least-once: a crash between sending and marking repeats a reminder).
 */
@Service
public class EndDateReminders {

    private static final Logger log = LoggerFactory.getLogger(EndDateReminders.class);

    private final JdbcClient jdbc;
    private final SourcePolicies sources;
    private final IdentityDirectory identities;
    private final ReminderMail mail;
    private final TransactionTemplate newTransaction;
    private final Duration ahead;

    EndDateReminders(JdbcClient jdbc, SourcePolicies sources, IdentityDirectory identities, ReminderMail mail,
                     TransactionTemplate transactions, @Value("${nelm.reminders.days-before:7}") int daysBefore) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.identities = identities;
        this.mail = mail;
        this.newTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ahead = Duration.ofDays(daysBefore);
    }

    /**
     * Finds the records ending after {@code now} and at most the configured days later that were not reminded
     * for their current end date, and sends the messages (after commit when a transaction is active). Returns how
     * many sources get a message. Records whose source has no account manager with an e-mail are skipped.
     */
    public int remindDue(OffsetDateTime now) {
        OffsetDateTime from = now.withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, List<Due>> bySource = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.id, r.source_id, r.account_name, r.first_name, r.last_name, r.end_date
                        from nelm_record r
                        where r.end_date > :from and r.end_date <= :to
                          and not exists (select 1 from nelm_record_reminder s
                                          where s.record_id = r.id and s.end_date = r.end_date)
                        order by r.source_id, r.end_date, r.account_name
                        """)
                .param("from", from)
                .param("to", from.plus(ahead))
                .query(rs -> {
                    bySource.computeIfAbsent(rs.getString("source_id"), id -> new ArrayList<>())
                            .add(new Due(rs.getString("id"), rs.getString("account_name"), rs.getString("first_name"),
                                    rs.getString("last_name"),
                                    rs.getObject("end_date", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
                });
        List<ReminderMail.Message> messages = new ArrayList<>();
        bySource.forEach((sourceId, due) -> sources.find(sourceId).ifPresent(source -> {
            List<String> recipients = recipients(source);
            if (recipients.isEmpty()) {
                log.warn("Source {} has records ending soon but no account manager with an e-mail address", sourceId);
            } else {
                messages.add(new ReminderMail.Message(source.name(), recipients, due));
            }
        }));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendAll(messages, now);
                }
            });
        } else {
            sendAll(messages, now);
        }
        return messages.size();
    }

    private void sendAll(List<ReminderMail.Message> messages, OffsetDateTime now) {
        for (ReminderMail.Message message : messages) {
            try {
                mail.send(message);
            } catch (RuntimeException e) {
                log.error("End-date reminder for source \"{}\" not sent; it is retried on the next run",
                        message.sourceName(), e);
                continue;
            }
            newTransaction.executeWithoutResult(status -> message.records().forEach(due -> jdbc.sql("""
                            insert into nelm_record_reminder (record_id, end_date, sent) values (:id, :endDate, :sent)
                            """)
                    .param("id", due.recordId()).param("endDate", due.endDate()).param("sent", now)
                    .update()));
        }
    }

    private List<String> recipients(SourcePolicy source) {
        return source.accountManagerIds().stream()
                .map(identities::identity)
                .flatMap(java.util.Optional::stream)
                .map(Identity::email)
                .filter(email -> email != null && !email.isBlank())
                .distinct()
                .toList();
    }

    /** A record whose end date comes soon. */
    record Due(String recordId, String accountName, String firstName, String lastName, OffsetDateTime endDate) {
    }
}
