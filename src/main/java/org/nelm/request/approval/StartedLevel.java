package org.nelm.request.approval;

import org.nelm.source.ApproverRef;

/**
 * A level whose turn has come: who decides it, where it stands among the request's levels, and what the
 * approver reads as the task's description (the request, and the decisions of earlier levels).
 */
public record StartedLevel(ApproverRef approver, String accountName, int level, int levelCount,
                           String description) {
}
