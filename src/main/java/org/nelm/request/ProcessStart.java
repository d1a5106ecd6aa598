package org.nelm.request;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nelm.record.NonEmployee;
import org.nelm.source.ApproverRef;
import org.nelm.source.SourcePolicy;

/**
 * What a request's process starts with. Stored: one readable text of the request for Tasklist's form and
 * Cockpit (the {@code rejected} flag the diagram's conditions read is set transient at each decision). The
 * routing inputs are transient (see
 * ApprovalWorkflow.start): every stored variable costs a row in the runtime table and two in history per
 * request, and our own tables already hold the request.
 */
final class ProcessStart {

    /** A source has at most three approvers (reference section 6.7). */
    private static final int MAX_APPROVERS = 3;
    /** The engine keeps a text variable in one varchar(4000) column. */
    static final int MAX_SUMMARY = 4000;

    private ProcessStart() {
    }

    static Map<String, Object> variables(SourcePolicy source, NonEmployee ne) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestSummary", summary(source, ne));
        return variables;
    }

    /**
     * The request as Tasklist's form shows it: one "label: value" line per field, custom attributes last. Long
     * custom attributes are cut so that it fits the engine's column; the whole request is in our tables.
     */
    static String summary(SourcePolicy source, NonEmployee ne) {
        StringBuilder text = new StringBuilder()
                .append("Name: ").append(ne.firstName()).append(' ').append(ne.lastName())
                .append("\nAccount name: ").append(ne.accountName())
                .append("\nE-mail: ").append(ne.email())
                .append("\nPhone: ").append(ne.phone())
                .append("\nManager: ").append(ne.manager())
                .append("\nStart date: ").append(ne.startDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\nEnd date: ").append(ne.endDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\nSource: ").append(source.name());
        ne.data().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append('\n').append(entry.getKey()).append(": ").append(entry.getValue()));
        if (text.length() <= MAX_SUMMARY) {
            return text.toString();
        }
        int cut = MAX_SUMMARY - 3;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "...";
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
