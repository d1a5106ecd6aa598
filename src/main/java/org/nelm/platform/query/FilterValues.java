package org.nelm.platform.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.nelm.platform.error.ApiException;

/**
 * Turns a literal into the Java value bound for a field, by its {@link ValueKind}. Idempotent, so the SQL builder
 * can re-apply it to hand-built ASTs. Quoted strings are accepted for every kind (clients often quote everything);
 * bare numbers/booleans only where they fit.
 */
final class FilterValues {

    /** Plain decimal notation only: exponents would let a short literal denote an absurdly large number. */
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** An unquoted literal that is neither a number nor a keyword, e.g. {@code 2020-01-01T00:00:00Z}. */
    record Bare(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private FilterValues() {
    }

    static Object coerce(QueryField field, FilterOperator op, Object value) {
        if (value == null) {
            if (op == FilterOperator.EQ || op == FilterOperator.NE) {
                return null;
            }
            throw invalid(field, value, "null is only allowed with eq or ne");
        }
        switch (field.kind()) {
            case STRING:
                if (value instanceof String s) {
                    return s;
                }
                throw invalid(field, value, "expected a quoted string");
            case ENUM:
                String text = value instanceof Enum<?> e ? e.name() : value instanceof String s ? s : null;
                if (text != null) {
                    String upper = text.toUpperCase(Locale.ROOT);
                    if (field.enumValues().contains(upper)) {
                        return upper;
                    }
                }
                throw invalid(field, value, "expected one of " + field.enumValues());
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b;
                }
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.valueOf(s.toLowerCase(Locale.ROOT));
                }
                throw invalid(field, value, "expected true or false");
            case TIMESTAMP:
                if (value instanceof OffsetDateTime t) {
                    return t;
                }
                if (value instanceof String || value instanceof Bare) {
                    try {
                        return OffsetDateTime.parse(value.toString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    } catch (DateTimeParseException e) {
                        // fall through to the error below
                    }
                }
                throw invalid(field, value, "expected an ISO-8601 date-time with offset");
            case NUMBER:
                BigDecimal number = toNumber(value);
                if (number != null) {
                    return number;
                }
                throw invalid(field, value, "expected a number");
            default:
                throw new IllegalStateException("Unknown kind " + field.kind());
        }
    }

    private static BigDecimal toNumber(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof String s && NUMBER.matcher(s.strip()).matches()) {
            return new BigDecimal(s.strip());
        }
        return null;
    }

    private static ApiException invalid(QueryField field, Object value, String expectation) {
        String shown = value instanceof String s ? QuerySyntax.quote(s) : String.valueOf(value);
        return ApiException.badRequest("Invalid value " + Messages.abbreviate(shown) + " for filter field "
                + field.name() + ": " + expectation);
    }
}
