package org.nelm.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.nelm.approval.ApprovalSteps;
import org.nelm.approval.RoutedLevel;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * Around the business rule task "Determine approval levels": before it, the routing inputs are put into the
 * execution as transient variables (never stored, so the request's data map needs no serialization); after it,
 * each row of the decision result becomes one approval level, stored with the inputs and outputs that chose it.
 */
@Component("approvalRouting")
class ApprovalRoutingListener implements ExecutionListener {

    /** The engine hands the result of a business rule task without result variable to end listeners by this name. */
    private static final String DECISION_RESULT = "decisionResult";
    /** Transient: the names of the routing inputs, so the end listener can record them without reloading. */
    private static final String ROUTING_INPUTS = "routingInputNames";

    private final ApprovalSteps steps;
    private final ObjectMapper objectMapper;

    ApprovalRoutingListener(ApprovalSteps steps, ObjectMapper objectMapper) {
        this.steps = steps;
        this.objectMapper = objectMapper;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String requestId = execution.getProcessBusinessKey();
        if (EVENTNAME_START.equals(execution.getEventName())) {
            Map<String, Object> inputs = steps.routingInputs(requestId);
            inputs.forEach((name, value) -> execution.setVariableLocal(name, Variables.untypedValue(value, true)));
            execution.setVariableLocal(ROUTING_INPUTS, Variables.stringValue(String.join(",", inputs.keySet()), true));
            return;
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String name : ((String) execution.getVariableLocal(ROUTING_INPUTS)).split(",")) {
            if (!"data".equals(name)) {
                inputs.put(name, execution.getVariableLocal(name));
            }
        }
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(DECISION_RESULT);
        List<RoutedLevel> levels = new ArrayList<>();
        for (DmnDecisionResultEntries row : result) {
            String type = row.getEntry("approverType");
            String id = row.getEntry("approverId");
            if (type == null || id == null) {
                throw new IllegalStateException("Routing rule returned no approver: " + row.getEntryMap());
            }
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("decision", ProcessVariables.DECISION_KEY);
            why.put("inputs", inputs);
            why.put("outputs", row.getEntryMap());
            levels.add(new RoutedLevel(new ApproverRef(ApproverType.valueOf(type), id), json(why)));
        }
        execution.setVariable(ProcessVariables.LEVEL_COUNT, steps.route(requestId, levels));
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
