package org.nelm.workflow;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
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
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.nelm.request.approval.ApprovalSteps;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.DetailCode;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Engine REST answers our refusals as what they are, at both of its mounts: {@code /engine-rest} and the webapps'
 * own {@code /camunda/api/engine}, which Tasklist calls. Camunda's REST API turns every exception a task listener
 * throws into HTTP 500; a decision or assignment we refuse (no comment on a rejection, someone who may not decide,
 * an item already decided) answers 400 or 403 with our message instead, in Camunda's error shape ({@code type},
 * {@code message}), which Tasklist shows in the form. The loser of a race for one task (the task is gone, its row
 * was changed by the winner, or its authorizations went with it) is told the item was already decided. Every
 * other error keeps Camunda's own answer.
 *
 * <p>The two mappers go before Camunda's mappers of the same exception types (Jersey prefers the lower priority
 * value). {@code /engine-rest} gets them through Spring Boot's Jersey configuration; the webapps' Jersey servlets
 * are Camunda's, so they get them by a servlet context attribute, which every Jersey servlet reads as a property.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer, ServletContextInitializer {

    private static final int BEFORE_CAMUNDA = 1;
    private static final Pattern DECISION_PATH =
            Pattern.compile(".*/task/([^/]+)/(complete|submit-form)");

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestExceptions.class);
        config.register(EngineExceptions.class);
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
                RestExceptions.class.getName() + "," + EngineExceptions.class.getName());
    }

    /** Complete and submit-form wrap the engine's exception in Camunda's RestException. */
    @Priority(BEFORE_CAMUNDA)
    public static final class RestExceptions extends Refusals<RestException> {
    }

    /** Claims and assignments let the engine's exception through as it is. */
    @Priority(BEFORE_CAMUNDA)
    public static final class EngineExceptions extends Refusals<ProcessEngineException> {
    }

    /** Maps an exception that is one of our refusals, or a lost race; leaves every other to Camunda. */
    abstract static class Refusals<T extends Throwable> implements ExtendedExceptionMapper<T> {
        @Context
        private ServletContext servletContext;
        @Context
        private HttpServletRequest request;

        @Override
        public boolean isMappable(T exception) {
            return refusal(exception, request, servletContext).isPresent();
        }

        @Override
        public Response toResponse(T exception) {
            return refusal(exception, request, servletContext).orElseThrow();
        }
    }

    private static Optional<Response> refusal(Throwable exception, HttpServletRequest request,
                                              ServletContext servletContext) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                return Optional.of(answer(refused.detailCode() == DetailCode.FORBIDDEN ? 403 : 400,
                        refused.getMessage()));
            }
        }
        return lostRace(exception, request, servletContext)
                ? Optional.of(answer(400, ApprovalSteps.alreadyDecided().getMessage())) : Optional.empty();
    }

    private static boolean lostRace(Throwable exception, HttpServletRequest request, ServletContext servletContext) {
        Throwable engine = exception instanceof RestException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (!(engine instanceof NullValueException || engine instanceof NotFoundException
                || engine instanceof OptimisticLockingException || engine instanceof AuthorizationException)) {
            return false;
        }
        Matcher decision = DECISION_PATH.matcher(request.getRequestURI());
        return "POST".equals(request.getMethod()) && decision.matches()
                && WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                .getBean(ApprovalSteps.class).decidedByAnotherTransaction(decision.group(1));
    }

    private static Response answer(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status == 403 ? "AuthorizationException" : "InvalidRequestException");
        body.put("message", message);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
