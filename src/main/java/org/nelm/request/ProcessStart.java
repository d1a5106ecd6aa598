package org.nelm.request;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nelm.record.NonEmployee;
import org.nelm.source.ApproverRef;
import org.nelm.source.SourcePolicy;

/**
 * What a request's process starts with: the routing decision's inputs, transient (see ApprovalWorkflow.start).
 * The process stores no variables of the request; our own tables hold it, and each review task shows it.
 */
final class ProcessStart {

    /** A source has at most three approvers (reference section 6.7). */
    private static final int MAX_APPROVERS = 3;

    private ProcessStart() {
    }

    /**
     * The routing decision's inputs: the source, its approvers by position (absent ones null) and the request's
     * custom attributes as {@code data} (for rules on {@code data.<technicalName>}).
     */
    static Map<String, Object> routingInputs(SourcePolicy source, NonEmployee ne) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("sourceId", source.id());
        inputs.put("sourceName", source.name());
        for (int position = 1; position <= MAX_APPROVERS; position++) {
            ApproverRef approver = position <= source.approvers().size() ? source.approvers().get(position - 1) : null;
            inputs.put("approver" + position + "Type", approver == null ? null : approver.type().name());
            inputs.put("approver" + position + "Id", approver == null ? null : approver.id());
        }
        inputs.put("data", ne.data());
        return inputs;
    }
}
