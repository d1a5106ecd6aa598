package org.nelm.request;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/**
 * A level of a request came under review: its approval item is PENDING and its approver
 * ({@code approverType} IDENTITY or GOVERNANCE_GROUP) is asked to decide. {@code level} counts from 1.
 */
public record ApprovalLevelStarted(String subject, String actor, Instant occurredAt, String approvalItemId, int level,
                                   int levels, String approverType, String approverId, String sourceId,
                                   String sourceName, String accountName, String firstName, String lastName)
        implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.approval-level-started";
    }
}
