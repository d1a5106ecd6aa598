package org.nelm.platform.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one error mapper of the API: every exception leaves as an {@link ErrorResponseDto}, never a stack trace. */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ErrorResponses responses;

    public ApiErrorHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponseDto> api(ApiException e, HttpServletRequest request) {
        return responses.entity(e.detailCode(), e.texts(), request);
    }

    @ExceptionHandler(TryLaterException.class)
    ResponseEntity<Map<String, String>> tryLater(TryLaterException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponseDto> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return responses.entity(DetailCode.LIMIT_VIOLATION, List.of(BodyTooLargeException.text(tooLarge.limit())),
                    request);
        }
        String text = JsonProblems.describe(e.getCause());
        return badRequest(text != null ? text : "The request body is missing or not readable", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponseDto> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badRequest("Invalid value for parameter " + e.getName(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorResponseDto> missingParameter(MissingServletRequestParameterException e,
                                                      HttpServletRequest request) {
        return badRequest(e.getParameterName() + " is required", request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorResponseDto> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return badRequest("Header " + e.getHeaderName() + " is required", request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorResponseDto> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return badRequest("Multipart part " + e.getRequestPartName() + " is required", request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorResponseDto> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return responses.entity(DetailCode.LIMIT_VIOLATION, List.of("The uploaded file is too large"), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorResponseDto> multipart(MultipartException e, HttpServletRequest request) {
        return badRequest("The request is not a valid multipart/form-data body", request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorResponseDto> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<String> texts = e.getBindingResult().getFieldErrors().stream()
                .map(error -> "field " + error.getField() + " is not valid")
                .toList();
        return responses.entity(DetailCode.BAD_REQUEST, texts, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorResponseDto> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        return badRequest("The request's parameters are not valid for this operation", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponseDto> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<ErrorResponseDto> entity = responses.entity(DetailCode.METHOD_NOT_ALLOWED,
                List.of("Method " + e.getMethod() + " is not supported here"), request);
        return ResponseEntity.status(entity.getStatusCode())
                .headers(entity.getHeaders())
                .header("Allow", String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()))
                .body(entity.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponseDto> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String supported = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        String text = e.getContentType() == null ? "The request body needs a Content-Type; use " + supported
                : "Content type " + e.getContentType() + " is not supported here; use " + supported;
        return responses.entity(DetailCode.UNSUPPORTED_MEDIA_TYPE, List.of(text), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorResponseDto> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return responses.entity(DetailCode.NOT_ACCEPTABLE, List.of(), request);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorResponseDto> notFound(Exception e, HttpServletRequest request) {
        return responses.entity(DetailCode.NOT_FOUND, List.of(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorResponseDto> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return responses.entity(DetailCode.FORBIDDEN, List.of(), request);
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ErrorResponseDto> binding(ServletRequestBindingException e, HttpServletRequest request) {
        return badRequest("The request's parameters or headers do not fit this operation", request);
    }

    /** Spring's other client errors keep their status, in our words; anything else is a fault of ours. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponseDto> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            return responses.entity(DetailCode.forStatus(spring.getStatusCode().value()), List.of(), request);
        }
        log.error("Internal fault, trackingId={} {} {}", TrackingIds.of(request), request.getMethod(),
                request.getRequestURI(), e);
        return responses.entity(DetailCode.INTERNAL_FAULT, List.of(), request);
    }

    private ResponseEntity<ErrorResponseDto> badRequest(String text, HttpServletRequest request) {
        return responses.entity(DetailCode.BAD_REQUEST, List.of(text), request);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
