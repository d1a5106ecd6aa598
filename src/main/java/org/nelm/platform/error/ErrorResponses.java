package org.nelm.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place that turns a failure into the contract's error body, both for controllers (as a
 * {@link ResponseEntity}) and for servlet filters that answer before Spring MVC runs (security, rate limit).
 */
@Component
public class ErrorResponses {

    private final ObjectMapper objectMapper;

    public ErrorResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ErrorResponseDto body(DetailCode code, List<String> texts, HttpServletRequest request) {
        List<ErrorMessageDto> messages = (texts.isEmpty() ? List.of(code.defaultText()) : texts).stream()
                .map(ErrorMessageDto::ofDefault)
                .toList();
        return new ErrorResponseDto(code.code(), TrackingIds.of(request), messages, List.of());
    }

    /** The content type is preset so that the error is written as JSON even when the client accepts only CSV. */
    public ResponseEntity<ErrorResponseDto> entity(DetailCode code, List<String> texts, HttpServletRequest request) {
        return ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(code, texts, request));
    }

    public void write(DetailCode code, List<String> texts, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        writeJson(response, code.status().value(), body(code, texts, request));
    }

    /**
     * The message of an error the servlet container or a filter answered before any controller ran; only a 400 has
     * more to say than its detail code's default text.
     */
    static List<String> textsForStatus(int status) {
        return status == 400 ? List.of("The request could not be read: its URL or headers are malformed or too long")
                : List.of();
    }

    public void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
