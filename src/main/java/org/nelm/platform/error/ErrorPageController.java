package org.nelm.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: failures that happen outside Spring MVC (in the servlet container or a
 * filter) are forwarded to /error and still leave as an {@link ErrorResponseDto}.
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
        return responses.entity(detailCodeFor(code), List.of(), request);
    }

    private static DetailCode detailCodeFor(int status) {
        return switch (status) {
            case 400 -> DetailCode.BAD_REQUEST;
            case 403 -> DetailCode.FORBIDDEN;
            case 404 -> DetailCode.NOT_FOUND;
            case 405 -> DetailCode.METHOD_NOT_ALLOWED;
            case 406 -> DetailCode.NOT_ACCEPTABLE;
            case 415 -> DetailCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? DetailCode.BAD_REQUEST : DetailCode.INTERNAL_FAULT;
        };
    }
}
