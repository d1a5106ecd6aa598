package org.nelm.request;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/** One level of a request was decided ({@code decision} APPROVED or REJECTED) by {@code actor}. */
public record ApprovalDecided(String subject, String actor, Instant occurredAt, String approvalItemId, int level,
                              String decision, String comment) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.approval-decided";
    }
}
