package org.nelm.workflow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.nelm.approval.ApprovalSteps;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.DetailCode;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Engine REST (and so Tasklist) answers our refusals as what they are. Camunda's REST API turns every exception
 * a task listener throws into HTTP 500; a decision we refuse (no comment on a rejection, someone who may not
 * decide, an item already decided) answers 400 or 403 with our message instead, in Camunda's error shape
 * ({@code type}, {@code message}), which Tasklist shows in the form. The loser of a race for one task (the task
 * is gone, its row was changed by the winner, or its authorizations went with it) is told the item was already
 * decided. Every other error keeps Camunda's own answer.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

    /** Before Camunda's own mappers of the same exception types (Jersey prefers the lower priority value). */
    private static final int BEFORE_CAMUNDA = 1;
    private static final Pattern DECISION_PATH = Pattern.compile("/engine-rest/task/([^/]+)/(complete|submit-form)");

    private final ApprovalSteps steps;

    EngineRestRefusals(ApprovalSteps steps) {
        this.steps = steps;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new RestExceptions(), BEFORE_CAMUNDA);
        config.register(new EngineExceptions(), BEFORE_CAMUNDA);
    }

    /** Complete and submit-form wrap the engine's exception in Camunda's RestException. */
    private final class RestExceptions implements ExtendedExceptionMapper<RestException> {
        @Override
        public boolean isMappable(RestException exception) {
            return refusal(exception).isPresent();
        }

        @Override
        public Response toResponse(RestException exception) {
            return refusal(exception).orElseThrow();
        }
    }

    /** Claims and assignments let the engine's exception through as it is. */
    private final class EngineExceptions implements ExtendedExceptionMapper<ProcessEngineException> {
        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return refusal(exception).isPresent();
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusal(exception).orElseThrow();
        }
    }

    private Optional<Response> refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                return Optional.of(answer(refused.detailCode() == DetailCode.FORBIDDEN ? 403 : 400,
                        refused.getMessage()));
            }
        }
        return lostRace(exception) ? Optional.of(answer(400, ApprovalSteps.alreadyDecided().getMessage()))
                : Optional.empty();
    }

    private boolean lostRace(Throwable exception) {
        Throwable engine = exception instanceof RestException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (!(engine instanceof NullValueException || engine instanceof NotFoundException
                || engine instanceof OptimisticLockingException || engine instanceof AuthorizationException)) {
            return false;
        }
        return decisionTask().filter(steps::decidedByAnotherTransaction).isPresent();
    }

    /** The task id when the current request completes a task (complete or submit-form). */
    private static Optional<String> decisionTask() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        Matcher matcher = DECISION_PATH.matcher(request.getRequestURI());
        return "POST".equals(request.getMethod()) && matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Response answer(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status == 403 ? "AuthorizationException" : "InvalidRequestException");
        body.put("message", message);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
