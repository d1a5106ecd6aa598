package org.nelm.request;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/** Every level approved: the record {@code recordId} was created and the request ended APPROVED. */
public record RequestApproved(String subject, String actor, Instant occurredAt, String recordId, String comment,
                              String requesterId, String sourceId, String sourceName, String accountName,
                              String firstName, String lastName) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.approved";
    }
}
