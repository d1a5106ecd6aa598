package org.nelm.request.approval;

import java.time.OffsetDateTime;
import org.nelm.source.ApproverRef;

/** One stored approval item: one level of one request. */
public record ApprovalItemRow(String id, String requestId, int approvalOrder, ApproverRef approver,
                              ApprovalStatus status, String comment, String decidedBy, String routingJson,
                              String taskId, OffsetDateTime created, OffsetDateTime modified) {

    /** The item as PENDING under review by the task. */
    ApprovalItemRow underReview(String reviewTaskId, OffsetDateTime now) {
        return new ApprovalItemRow(id, requestId, approvalOrder, approver, ApprovalStatus.PENDING, comment, decidedBy,
                routingJson, reviewTaskId, created, now);
    }

    /** The item decided by another approver, for the reason its routing record now gives. */
    ApprovalItemRow routedTo(RoutedLevel level) {
        return new ApprovalItemRow(id, requestId, approvalOrder, level.approver(), status, comment, decidedBy,
                level.routingJson(), taskId, created, modified);
    }
}
