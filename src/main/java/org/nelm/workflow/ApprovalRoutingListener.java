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
import org.nelm.request.approval.ApprovalSteps;
import org.nelm.request.approval.RoutedLevel;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;

/**
 * End of the business rule task "Determine approval levels": each row of the decision result becomes one
 * approval level, stored with the inputs (the transient start variables the adapter put in) and outputs that
 * chose it.
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
        steps.route(requestId, levels);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
