package org.nelm.platform.error;

import org.springframework.http.HttpStatus;

/** The detail codes of the contract's {@code ErrorResponseDto}, with their HTTP status and default text. */
public enum DetailCode {
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "400.1 Bad Request Content",
            "The request was syntactically correct but its content is semantically invalid."),
    REFERENCE_CONFLICT(HttpStatus.BAD_REQUEST, "400.1.409 Reference conflict",
            "The request conflicts with an existing object."),
    LIMIT_VIOLATION(HttpStatus.BAD_REQUEST, "400.1.4 Limit violation",
            "The request exceeds a limit."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "403 Forbidden",
            "The server understood the request but refuses to authorize it."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "404 Not found",
            "The server did not find a current representation for the target resource."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "405 Method Not Allowed",
            "The request method is not supported for the target resource."),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "415 Unsupported Media Type",
            "The request content type is not supported by the target resource."),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "406 Not Acceptable",
            "The target resource cannot produce a representation the request accepts."),
    INTERNAL_FAULT(HttpStatus.INTERNAL_SERVER_ERROR, "500.0 Internal Fault",
            "An internal fault occurred.");

    private final HttpStatus status;
    private final String code;
    private final String defaultText;

    DetailCode(HttpStatus status, String code, String defaultText) {
        this.status = status;
        this.code = code;
        this.defaultText = defaultText;
    }

    public HttpStatus status() { return status; }

    public String code() { return code; }

    public String defaultText() { return defaultText; }

    /** The detail code answering an HTTP error status; another 4xx becomes a 400, anything else a 500. */
    public static DetailCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_FAULT;
        };
    }
}
