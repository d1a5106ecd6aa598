package org.nelm.workflow;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.platform.error.ApiException;
import org.nelm.request.ApprovalWorkflow;
import org.nelm.source.SourcePolicy;
import org.springframework.stereotype.Component;

@Component
class CamundaApprovalWorkflow implements ApprovalWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    CamundaApprovalWorkflow(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void start(String requestId, SourcePolicy source, Map<String, String> data) {
        Map<String, Object> routingInputs = RoutingInputs.of(source, data);
        VariableMap all = Variables.createVariables();
        routingInputs.forEach((name, value) -> all.putValueTyped(name, Variables.untypedValue(value, true)));
        all.putValueTyped(ProcessVariables.ROUTING_INPUTS,
                Variables.stringValue(String.join(",", routingInputs.keySet()), true));
        unwrapped(() -> runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, requestId, all));
    }

    @Override
    public void decide(String taskId, ApprovalStatus decision, String comment, String actorId) {
        // the API completes without an engine user, so the actor travels as a variable; the task listener takes it
        // only when nobody is authenticated, i.e. never from Tasklist or engine REST
        try {
            unwrapped(() -> tasks.complete(taskId, Variables.createVariables()
                    .putValueTyped(ProcessVariables.DECISION, Variables.stringValue(decision.name(), true))
                    .putValueTyped(ProcessVariables.COMMENT, Variables.stringValue(comment, true))
                    .putValueTyped(ProcessVariables.DECIDED_BY, Variables.stringValue(actorId, true))));
        } catch (NullValueException | NotFoundException | OptimisticLockingException e) {
            throw ApiException.badRequest("The approval item has already been decided; only a PENDING item can be decided");
        }
    }

    @Override
    public void reassign(String taskId, String identityId) {
        try {
            unwrapped(() -> tasks.setAssignee(taskId, identityId));
        } catch (NullValueException | NotFoundException e) {
            throw ApiException.badRequest("The approval item is no longer under review; only a PENDING item with "
                    + "its review task can be reassigned");
        }
    }

    @Override
    public boolean taskExists(String taskId) {
        return taskId != null && tasks.createTaskQuery().taskId(taskId).count() > 0;
    }

    @Override
    public void cancel(String requestId, String reason) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).processInstanceBusinessKey(requestId).list()) {
            runtime.deleteProcessInstance(instance.getId(), reason, true, true);
        }
    }

    /** The engine wraps exceptions of listeners; our API errors come out as they were thrown. */
    private static void unwrapped(Runnable engineCall) {
        try {
            engineCall.run();
        } catch (ProcessEngineException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ApiException api) {
                    throw api;
                }
            }
            throw e;
        }
    }
}
