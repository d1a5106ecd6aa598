package org.nelm.request;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import org.nelm.request.approval.NonEmployeeIdentityReferenceWithId;

/**
 * Extension: the answer of {@code POST /non-employee-requests/route-preview}, the approval levels a request with
 * that body would run, in order.
 */
public record RoutePreview(String sourceId, List<Level> levels) {

    /**
     * One level: who would decide it, and why ({@code routing}: the routing decision's inputs and outputs, and
     * any substitution, as an approval item's detail shows them).
     */
    public record Level(int approvalOrder, NonEmployeeIdentityReferenceWithId approver, @JsonRawValue String routing) {
    }
}
