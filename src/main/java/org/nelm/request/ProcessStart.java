package org.nelm.request;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.nelm.record.NonEmployee;
import org.nelm.source.ApproverRef;
import org.nelm.source.SourcePolicy;

/**
 * The variables a request's process starts with: plain strings and booleans that Tasklist's form shows and
 * Cockpit can read (dates as ISO-8601 text, custom attributes as readable "key: value" lines).
 */
final class ProcessStart {

    /** A source has at most three approvers (reference section 6.7). */
    private static final int MAX_APPROVERS = 3;

    private ProcessStart() {
    }

    static Map<String, Object> variables(String requesterId, SourcePolicy source, NonEmployee ne) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requesterId", requesterId);
        variables.put("sourceName", source.name());
        variables.put("accountName", ne.accountName());
        variables.put("firstName", ne.firstName());
        variables.put("lastName", ne.lastName());
        variables.put("email", ne.email());
        variables.put("phone", ne.phone());
        variables.put("manager", ne.manager());
        variables.put("startDate", ne.startDate().toString());
        variables.put("endDate", ne.endDate().toString());
        if (!ne.data().isEmpty()) {
            variables.put("customAttributes", ne.data().entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + entry.getValue()).sorted().collect(Collectors.joining("\n")));
        }
        variables.put("rejected", false);
        return variables;
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
