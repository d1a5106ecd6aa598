package org.nelm.approval;

import java.time.OffsetDateTime;
import org.nelm.source.ApproverRef;

/** One stored approval item: one level of one request. */
public record ApprovalItemRow(String id, String requestId, int approvalOrder, ApproverRef approver,
                              ApprovalStatus status, String comment, String decidedBy, String routingJson,
                              String taskId, OffsetDateTime created, OffsetDateTime modified) {
}
