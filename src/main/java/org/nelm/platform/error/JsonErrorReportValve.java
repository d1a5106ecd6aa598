package org.nelm.platform.error;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's last word on an error nobody wrote a body for: what Tomcat refuses before any servlet runs (a request
 * line or headers over 8 KB, characters a URL may not hold) and errors Camunda's webapps leave empty. It writes the
 * contract's {@link ErrorResponseDto} where Tomcat's own valve wrote an HTML page.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

    private final ErrorResponses responses;

    JsonErrorReportValve(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = forwarded instanceof Integer i ? i : status;
        try {
            response.reset();
            responses.writeJson(response, code,
                    responses.body(DetailCode.forStatus(code), ErrorResponses.textsForStatus(code), request));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("The error body could not be written", e);
        }
    }
}
