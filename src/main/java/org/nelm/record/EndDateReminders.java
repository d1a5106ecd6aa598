package org.nelm.record;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, per source, the records that end within the next days and tells its account managers through one
 * {@link RecordEndDateApproaching} event per source. A record is reminded once per end date: extending the end
 * date earns a new reminder. The reminder is marked and its event published in one transaction, so the mail
 * listener sends it after commit, at least once (the event registry delivers it again if the mail fails).
 */
@Service
public class EndDateReminders {

    private static final Logger log = LoggerFactory.getLogger(EndDateReminders.class);

    private final JdbcClient jdbc;
    private final SourcePolicies sources;
    private final IdentityDirectory identities;
    private final ApplicationEventPublisher events;
    private final Duration ahead;

    EndDateReminders(JdbcClient jdbc, SourcePolicies sources, IdentityDirectory identities,
                     ApplicationEventPublisher events, @Value("${nelm.reminders.days-before:7}") int daysBefore) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.identities = identities;
        this.events = events;
        this.ahead = Duration.ofDays(daysBefore);
    }

    /**
     * Finds the records ending after {@code now} and at most the configured days later that were not reminded
     * for their current end date, marks them reminded and publishes one event per source. Returns how many
     * sources are reminded. Records whose source has no account manager with an e-mail are left for the next run
     * (logged).
     */
    @Transactional
    public int remindDue(OffsetDateTime now) {
        OffsetDateTime from = now.withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, List<RecordEndDateApproaching.Due>> bySource = new LinkedHashMap<>();
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
                            .add(new RecordEndDateApproaching.Due(rs.getString("id"), rs.getString("account_name"),
                                    rs.getString("first_name"), rs.getString("last_name"),
                                    rs.getObject("end_date", OffsetDateTime.class).toInstant()));
                });
        int reminded = 0;
        for (Map.Entry<String, List<RecordEndDateApproaching.Due>> source : bySource.entrySet()) {
            Optional<SourcePolicy> policy = sources.find(source.getKey());
            if (policy.isEmpty()) {
                continue;
            }
            if (!anyoneToMail(policy.get())) {
                log.warn("Source {} has records ending soon but no account manager with an e-mail address",
                        source.getKey());
                continue;
            }
            List<RecordEndDateApproaching.Due> due = source.getValue();
            for (RecordEndDateApproaching.Due record : due) {
                jdbc.sql("insert into nelm_record_reminder (record_id, end_date, sent) values (:id, :endDate, :sent)")
                        .param("id", record.recordId()).param("endDate", record.endDate().atOffset(ZoneOffset.UTC))
                        .param("sent", now).update();
            }
            events.publishEvent(new RecordEndDateApproaching(source.getKey(), "system", now.toInstant(),
                    policy.get().name(), List.copyOf(policy.get().accountManagerIds()), List.copyOf(due)));
            reminded++;
        }
        return reminded;
    }

    private boolean anyoneToMail(SourcePolicy source) {
        return source.accountManagerIds().stream()
                .map(identities::identity)
                .flatMap(Optional::stream)
                .map(Identity::email)
                .anyMatch(email -> email != null && !email.isBlank());
    }
}
