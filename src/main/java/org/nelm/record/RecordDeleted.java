package org.nelm.record;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/** A record was deleted through the records API, alone or in a bulk delete (one event per record). */
public record RecordDeleted(String subject, String actor, Instant occurredAt, String sourceId, String accountName)
        implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.record.deleted";
    }
}
