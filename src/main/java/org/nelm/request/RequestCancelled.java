package org.nelm.request;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/**
 * A pending request ended CANCELLED: withdrawn (actor = who withdrew it), its source deleted, or its process
 * ended without a decision (an operator in Cockpit; actor {@code system}). {@code comment} says why, if known.
 */
public record RequestCancelled(String subject, String actor, Instant occurredAt, String comment, String requesterId,
                               String sourceId, String accountName) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.cancelled";
    }
}
