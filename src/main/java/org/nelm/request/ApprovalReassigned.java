package org.nelm.request;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/**
 * A pending level went to another identity ({@code toId}), handed over by {@code actor} from its approver
 * ({@code fromType} IDENTITY or GOVERNANCE_GROUP, {@code fromId}), through the approvals API or by a new assignee
 * in Tasklist or engine REST.
 */
public record ApprovalReassigned(String subject, String actor, Instant occurredAt, String approvalItemId, int level,
                                 String fromType, String fromId, String toId, String comment, String sourceName,
                                 String accountName, String firstName, String lastName) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.request.approval-reassigned";
    }
}
