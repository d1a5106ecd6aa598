package org.nelm.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

/** A response of the API under test, body parsed as JSON when it is JSON. */
public record ApiResponse(int status, HttpHeaders headers, String text) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Response is not JSON (" + status + "): " + text, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The detailCode of an ErrorResponseDto body. */
    public String detailCode() {
        return json().path("detailCode").asText(null);
    }

    /** All message texts of an ErrorResponseDto body, joined by newlines. */
    public String messageText() {
        StringBuilder text = new StringBuilder();
        json().path("messages").forEach(message -> text.append(message.path("text").asText()).append('\n'));
        return text.toString();
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
