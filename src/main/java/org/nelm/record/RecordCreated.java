package org.nelm.record;

import java.time.Instant;
import java.util.Map;
import org.nelm.platform.event.DomainEvent;

/**
 * A record was created, through the records API ({@code actor} = the caller) or by the last approval of request
 * {@code requestId} ({@code actor} {@code system}; null otherwise). {@code values}: the record's fields by their API
 * names (accountName, firstName, lastName, email, phone, manager, startDate, endDate as ISO-8601 text in UTC, data as a map).
 */
public record RecordCreated(String subject, String actor, Instant occurredAt, String sourceId, String accountName,
                            String requestId, Map<String, Object> values) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.record.created";
    }
}
