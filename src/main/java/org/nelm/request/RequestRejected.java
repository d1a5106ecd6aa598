package org.nelm.request;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/** A level rejected the request: it ended REJECTED with that level's comment; {@code actor} is who rejected it. */
public record RequestRejected(String subject, String actor, Instant occurredAt, String comment, String requesterId,
                              String sourceId, String sourceName, String accountName, String firstName,
                              String lastName) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.rejected";
    }
}
