package org.nelm.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nelm.platform.event.DomainEvent;

/**
 * A request for a new non-employee was stored and routed. {@code approvers} are its levels in order, each
 * {@code {"type": "IDENTITY" | "GOVERNANCE_GROUP", "id": ...}}; empty when the routing asks for no review.
 */
public record RequestSubmitted(String subject, String actor, Instant occurredAt, String sourceId, String sourceName,
                               String requesterId, String accountName, String firstName, String lastName,
                               List<Map<String, String>> approvers) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.submitted";
    }
}
