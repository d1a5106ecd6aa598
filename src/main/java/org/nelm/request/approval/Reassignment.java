package org.nelm.request.approval;

import java.time.OffsetDateTime;
import org.nelm.source.ApproverRef;

/**
 * One hand-over of a pending approval item (extension): from the approver it had, to an identity, by whom, when
 * and why. Shown in the item's detail as {@code reassignments}.
 */
public record Reassignment(ApproverRef from, String to, String by, OffsetDateTime at, String comment) {
}
