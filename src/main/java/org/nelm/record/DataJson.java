package org.nelm.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The stored form of a non-employee's custom attributes ({@code data_json}), shared by records and requests. */
public final class DataJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() { };

    private DataJson() {
    }

    /** null for no attributes, so an empty map and a missing one are stored alike. */
    public static String write(Map<String, String> data) {
        try {
            return data == null || data.isEmpty() ? null : JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> read(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored custom attribute data is not JSON", e);
        }
    }
}
