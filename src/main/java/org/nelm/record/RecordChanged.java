package org.nelm.record;

import java.time.Instant;
import java.util.Map;
import org.nelm.platform.event.DomainEvent;

/**
 * A record was changed (PUT or PATCH). {@code changes}: each changed field by its API name →
 * {@code {"old": ..., "new": ...}} (a removed value is null; dates ISO-8601 text in UTC; {@code data} as a whole map).
 */
public record RecordChanged(String subject, String actor, Instant occurredAt, String sourceId, String accountName,
                            Map<String, Map<String, Object>> changes) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.record.changed";
    }
}
