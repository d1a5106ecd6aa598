package org.nelm.request.approval;

import org.nelm.source.ApproverRef;

/** One approval level as the routing decision returned it, with the decision's inputs and outputs as JSON. */
public record RoutedLevel(ApproverRef approver, String routingJson) {
}
