package org.nelm.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: failures that happen outside Spring MVC (in the servlet container or a
 * filter, e.g. Spring Security's firewall refusing a URL) are forwarded to /error and still leave as an
 * {@link ErrorResponseDto}. The container's own message is not repeated: it is the container's text, not ours.
 */
@RestController
class ErrorPageController implements ErrorController {

    private final ErrorResponses responses;

    ErrorPageController(ErrorResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    ResponseEntity<ErrorResponseDto> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON)
                .body(responses.body(DetailCode.forStatus(code), ErrorResponses.textsForStatus(code), request));
    }
}
