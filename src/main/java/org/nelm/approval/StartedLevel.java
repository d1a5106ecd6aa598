package org.nelm.approval;

import org.nelm.source.ApproverRef;

/** A level whose turn has come: who decides it, and the request's accountName for the task's name. */
public record StartedLevel(ApproverRef approver, String accountName) {
}
