package org.nelm.request;

import java.time.OffsetDateTime;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.record.NonEmployee;

/** One stored request: who asked, for which non-employee (and the name of its source), and where it stands. */
public record RequestRow(String id, String requesterId, NonEmployee nonEmployee, String sourceName, ApprovalStatus status,
                         String comment, OffsetDateTime completionDate, String recordId, OffsetDateTime created,
                         OffsetDateTime modified) {

    public String sourceId() {
        return nonEmployee.sourceId();
    }
}
