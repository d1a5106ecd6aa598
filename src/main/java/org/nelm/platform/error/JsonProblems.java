package org.nelm.platform.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Why a JSON document could not be read, in the contract's words ({@code field owner.id must be a string}, {@code The
 * request body is not valid JSON (line 1, column 7)}): never the parser's own message, which names our Java types.
 */
public final class JsonProblems {

    private static final int MAX_FIELD = 100;

    private JsonProblems() {
    }

    /** The text for a failure of the JSON reader, or null when {@code failure} is none. */
    public static String describe(Throwable failure) {
        if (failure instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            String field = field(format);
            return (field.isEmpty() ? "The request body" : "field " + field)
                    + " must be plain text: no control characters other than tab and line breaks, no broken Unicode";
        }
        if (failure instanceof JsonMappingException mapping) {
            String field = field(mapping);
            String expected = mapping instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType())
                    : null;
            if (field.isEmpty()) {
                return expected == null ? "The request body does not have the shape this operation expects"
                        : "The request body must be " + expected;
            }
            return expected == null ? "Invalid value for field " + field : "field " + field + " must be " + expected;
        }
        if (failure instanceof InputCoercionException coercion) {
            String field = coercion.getProcessor() == null ? null : coercion.getProcessor().getParsingContext().getCurrentName();
            String expected = expected(coercion.getTargetType());
            return (field == null ? "A number of the request body" : "field " + abbreviated(field))
                    + " must be " + (expected == null ? "a number" : expected) + " in range";
        }
        if (failure instanceof StreamConstraintsException) {
            return "The request body goes beyond the JSON this service reads: at most 1000 levels of nesting"
                    + " and numbers of at most 1000 digits";
        }
        if (failure instanceof JsonProcessingException json) {
            JsonLocation location = json.getLocation();
            return "The request body is not valid JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        return null;
    }

    /** The JSON path of a mapping failure, e.g. {@code approvers[0].id}; empty for the document itself. */
    private static String field(JsonMappingException mapping) {
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + abbreviated(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** What a value of the type looks like in JSON, or null when that says nothing useful. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time string";
        }
        if (JsonNode.class.isAssignableFrom(type) || type == Object.class) {
            return null;
        }
        return "an object";
    }

    private static String abbreviated(String name) {
        return name.length() <= MAX_FIELD ? name : name.substring(0, MAX_FIELD) + "...";
    }
}
