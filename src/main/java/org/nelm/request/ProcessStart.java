package org.nelm.request;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.nelm.record.NonEmployee;
import org.nelm.source.SourcePolicy;

/**
 * The variables a request's process starts with: plain strings and booleans that Tasklist's form shows and
 * Cockpit can read (dates as ISO-8601 text, custom attributes as readable "key: value" lines).
 */
final class ProcessStart {

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
}
