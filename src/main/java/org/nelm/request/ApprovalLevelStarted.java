package org.nelm.request;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/**
 * A level of a request came under review: its approval item is PENDING and its approver
 * ({@code approverType} IDENTITY or GOVERNANCE_GROUP) is asked to decide, on behalf of {@code onBehalfOf} when
 * that identity is out of office (else null). {@code level} counts from 1.
 */
public record ApprovalLevelStarted(String subject, String actor, Instant occurredAt, String approvalItemId, int level,
                                   int levels, String approverType, String approverId, String onBehalfOf,
                                   String sourceId,
                                   String sourceName, String accountName, String firstName, String lastName)
        implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.approval-level-started";
    }
}
