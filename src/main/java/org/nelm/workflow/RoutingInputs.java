package org.nelm.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nelm.source.ApproverRef;
import org.nelm.source.SourcePolicy;

/**
 * The routing decision's inputs, named as dmn/approval-routing.dmn names them; transient (see
 * CamundaApprovalWorkflow.start). The process stores no variables of the request; our own tables hold it, and each
 * review task shows it.
 */
final class RoutingInputs {

    /** A source has at most three approvers (reference section 6.7). */
    private static final int MAX_APPROVERS = 3;

    private RoutingInputs() {
    }

    /**
     * The routing decision's inputs: the source, its approvers by position (absent ones null) and the request's
     * custom attributes as {@code data} (for rules on {@code data.<technicalName>}).
     */
    static Map<String, Object> of(SourcePolicy source, Map<String, String> data) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("sourceId", source.id());
        inputs.put("sourceName", source.name());
        for (int position = 1; position <= MAX_APPROVERS; position++) {
            ApproverRef approver = position <= source.approvers().size() ? source.approvers().get(position - 1) : null;
            inputs.put("approver" + position + "Type", approver == null ? null : approver.type().name());
            inputs.put("approver" + position + "Id", approver == null ? null : approver.id());
        }
        inputs.put("data", data);
        return inputs;
    }
}
