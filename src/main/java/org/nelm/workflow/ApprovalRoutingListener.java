package org.nelm.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.nelm.request.approval.ApprovalSteps;
import org.nelm.request.approval.RoutedLevel;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * End of the business rule task "Determine approval levels": each row of the decision result becomes one
 * approval level, stored with the inputs (the transient start variables the adapter put in) and outputs that
 * chose it. A row without a usable approver still makes a level, which falls to the source owner.
 */
@Component("approvalRouting")
class ApprovalRoutingListener implements ExecutionListener {

    /** The engine hands the result of a business rule task without result variable to end listeners by this name. */
    private static final String DECISION_RESULT = "decisionResult";

    private final ApprovalSteps steps;
    private final ObjectMapper objectMapper;

    ApprovalRoutingListener(ApprovalSteps steps, ObjectMapper objectMapper) {
        this.steps = steps;
        this.objectMapper = objectMapper;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requestId = execution.getProcessBusinessKey();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String name : ((String) execution.getVariable(ProcessVariables.ROUTING_INPUTS)).split(",")) {
            if (!"data".equals(name)) {
                inputs.put(name, execution.getVariable(name));
            }
        }
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(DECISION_RESULT);
        List<RoutedLevel> levels = new ArrayList<>();
        for (DmnDecisionResultEntries row : result) {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("decision", ProcessVariables.DECISION_KEY);
            why.put("inputs", inputs);
            why.put("outputs", row.getEntryMap());
            levels.add(new RoutedLevel(approver(row.getEntry("approverType"), row.getEntry("approverId")), json(why)));
        }
        steps.route(requestId, levels);
    }

    /** The row's approver; null for a row without a usable one, whose level then goes to the source owner. */
    private static ApproverRef approver(Object type, Object id) {
        boolean known = type instanceof String name && Arrays.stream(ApproverType.values())
                .anyMatch(value -> value.name().equals(name));
        return known && id instanceof String identity && !identity.isBlank()
                ? new ApproverRef(ApproverType.valueOf((String) type), identity) : null;
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
