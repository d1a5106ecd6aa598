package org.nelm.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.web.InputText;
import org.nelm.source.SchemaAttributeDef;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.springframework.stereotype.Component;

/**
 * The one validator for requests, records and CSV rows. Problems are collected and reported together in the
 * contract's style ({@code firstName is required; accountName is required;}). Every field's length and text rules
 * ({@link InputText}) are checked before anything else looks at its value, and every check is linear in the
 * value's length: limits and their reasons are in docs/security.md ("Input limits").
 */
@Component
public class NonEmployeeValidator {

    public static final int MAX_DATA_ENTRIES = 10;
    static final int MAX_TEXT = 255;
    /** A date-time with nanoseconds and offset has 35 characters. */
    static final int MAX_DATE = 64;
    static final int MAX_DATA_VALUE = 4000;
    /** All keys and values of data together; their JSON form then always fits the 20,000-character column. */
    static final int MAX_DATA_TOTAL = 8000;
    /**
     * RFC 3339 has four-digit years; the instant must have one too in UTC, where every date is stored and returned
     * (9999-12-31T23:59:59-18:00 would be year 10000 there).
     */
    static final Instant MIN_DATE = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX_DATE_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final SourcePolicies sources;

    public NonEmployeeValidator(SourcePolicies sources) {
        this.sources = sources;
    }

    /** Validates against the body's own source; throws 400 (or 400.1.4 for too many data entries). */
    public NonEmployee validate(NonEmployeeRequestBody body) {
        boolean lookUp = body.sourceId() != null && !body.sourceId().isBlank() && body.sourceId().length() <= MAX_TEXT;
        SourcePolicy source = lookUp ? sources.find(body.sourceId()).orElse(null) : null;
        return validate(body, source);
    }

    /** Validates against an already loaded source (bulk import validates thousands of rows against one). */
    public NonEmployee validate(NonEmployeeRequestBody body, SourcePolicy source) {
        Checked checked = check(body, source);
        if (body.data() != null && body.data().size() > MAX_DATA_ENTRIES) {
            throw ApiException.limit("data holds at most " + MAX_DATA_ENTRIES + " attributes");
        }
        if (!checked.problems().isEmpty()) {
            throw ApiException.badRequest(joined(checked.problems()));
        }
        return checked.nonEmployee();
    }

    /** The outcome of checking one body: its problems, or (when there are none) the non-employee it stands for. */
    public record Checked(NonEmployee nonEmployee, List<String> problems) {
    }

    /** Checks once and builds the non-employee when valid; CSV import uses it per row, without exceptions. */
    public Checked check(NonEmployeeRequestBody body, SourcePolicy source) {
        List<String> problems = problems(body, source);
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new NonEmployee(source.id(), body.accountName().trim(), body.firstName().trim(),
                body.lastName().trim(), body.email().trim(), body.phone().trim(), body.manager().trim(),
                cleanData(body.data()), date(body.startDate()), date(body.endDate())), List.of());
    }

    /** All problems of one body, empty when it is valid; CSV import reports them per row. */
    public List<String> problems(NonEmployeeRequestBody body, SourcePolicy source) {
        List<String> problems = new ArrayList<>();
        text(problems, "accountName", body.accountName(), MAX_TEXT);
        text(problems, "firstName", body.firstName(), MAX_TEXT);
        text(problems, "lastName", body.lastName(), MAX_TEXT);
        boolean email = text(problems, "email", body.email(), MAX_TEXT);
        text(problems, "phone", body.phone(), MAX_TEXT);
        text(problems, "manager", body.manager(), MAX_TEXT);
        boolean sourceId = text(problems, "sourceId", body.sourceId(), MAX_TEXT);
        boolean startDate = text(problems, "startDate", body.startDate(), MAX_DATE);
        boolean endDate = text(problems, "endDate", body.endDate(), MAX_DATE);
        if (sourceId && source == null) {
            problems.add(unknownSource(body.sourceId()));
        }
        if (email && !isEmail(body.email().trim())) {
            problems.add("email " + InputText.quoted(body.email()) + " is not a valid e-mail address");
        }
        OffsetDateTime start = startDate ? dateOrProblem(problems, "startDate", body.startDate()) : null;
        OffsetDateTime end = endDate ? dateOrProblem(problems, "endDate", body.endDate()) : null;
        if (start != null && end != null && start.isAfter(end)) {
            problems.add("startDate must not be after endDate");
        }
        if (body.data() != null && body.data().size() > MAX_DATA_ENTRIES) {
            problems.add("data holds at most " + MAX_DATA_ENTRIES + " attributes");
        } else if (body.data() != null) {
            dataProblems(problems, body.data(), source);
        }
        return problems;
    }

    /**
     * The custom attributes: each key a custom attribute of the source, each value text of at most 4,000
     * characters, all keys and values together at most 8,000 (so that every valid data fits the stored column).
     */
    private static void dataProblems(List<String> problems, Map<String, String> data, SourcePolicy source) {
        long total = 0;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            String field = "data." + abbreviated(entry.getKey());
            total += entry.getKey().length() + (entry.getValue() == null ? 0 : entry.getValue().length());
            if (source != null && !source.hasCustomAttribute(entry.getKey())) {
                problems.add(field + " is not a custom attribute of the source");
            }
            String problem = InputText.problem(field, entry.getValue(), MAX_DATA_VALUE);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (total > MAX_DATA_TOTAL) {
            problems.add("data must hold at most " + MAX_DATA_TOTAL + " characters in all its keys and values");
        }
        if (source != null) {
            source.customAttributes().stream()
                    .filter(SchemaAttributeDef::required)
                    .filter(attribute -> !present(data.get(attribute.technicalName())))
                    .forEach(attribute -> problems.add("data." + attribute.technicalName() + " is required"));
        }
    }

    /** Required text: present, then within the common text rules; true when the value passed both. */
    private static boolean text(List<String> problems, String field, String value, int max) {
        if (!present(value)) {
            problems.add(field + " is required");
            return false;
        }
        String problem = InputText.problem(field, value, max);
        if (problem != null) {
            problems.add(problem);
            return false;
        }
        return true;
    }

    /**
     * {@code local@domain.tld}: one {@code @} with text before it, a dot inside the domain, no whitespace. Written
     * out so that it stays linear: the obvious regular expression backtracks for seconds on 20,000 characters.
     */
    static boolean isEmail(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || value.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isAsciiWhitespace(value.charAt(i))) {
                return false;
            }
        }
        int dot = value.indexOf('.', at + 2);
        return dot > 0 && dot < value.length() - 1;
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static OffsetDateTime dateOrProblem(List<String> problems, String field, String value) {
        try {
            return date(value);
        } catch (DateOutOfRange e) {
            problems.add(field + " must lie between " + MIN_DATE + " and " + MAX_DATE_TIME);
        } catch (DateTimeException e) {
            problems.add(field + " " + InputText.quoted(value)
                    + " is not an ISO-8601 date-time (e.g. 2020-03-24T00:00:00-05:00)");
        }
        return null;
    }

    /** A date-time field of another body, checked as a request's dates are (400 with the same message). */
    public static OffsetDateTime dateOrBadRequest(String field, String value) {
        List<String> problems = new ArrayList<>();
        OffsetDateTime date = dateOrProblem(problems, field, value);
        if (date == null) {
            throw ApiException.badRequest(problems.get(0));
        }
        return date;
    }

    /** The problem of a sourceId that names no source (also when the source was deleted meanwhile). */
    public static String unknownSource(String sourceId) {
        return "sourceId " + InputText.quoted(sourceId) + " is not a non-employee source";
    }

    /**
     * Date-times with offset as in the contract; a plain date means midnight UTC (what spreadsheets give). Kept
     * as both databases give them back (UTC, whole microseconds), so what is returned right after a write is what
     * a later read returns. Throws a {@link DateTimeException} for text that is no date-time, a
     * {@link DateOutOfRange} for one outside the years 0001 to 9999 in UTC.
     */
    public static OffsetDateTime date(String value) {
        String text = value.trim();
        OffsetDateTime parsed = IsoDateTimes.parseCommon(text);
        if (parsed == null) {
            parsed = text.length() == 10 ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text);
        }
        Instant instant = parsed.toInstant();
        if (instant.isBefore(MIN_DATE) || instant.isAfter(MAX_DATE_TIME)) {
            throw new DateOutOfRange();
        }
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        return utc.getNano() % 1000 == 0 ? utc : utc.truncatedTo(ChronoUnit.MICROS);
    }

    /** A well-formed date-time outside the range every database and RFC 3339 can hold. */
    static final class DateOutOfRange extends DateTimeException {
        DateOutOfRange() {
            super("outside the years 0001 to 9999");
        }
    }

    private static String abbreviated(String key) {
        return key.length() <= 100 ? key : key.substring(0, 100) + "...";
    }

    private static Map<String, String> cleanData(Map<String, String> data) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((key, value) -> {
                if (value != null) {
                    clean.put(key, value);
                }
            });
        }
        return clean;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The contract's style: every problem followed by a semicolon, in one message. */
    public static String joined(List<String> problems) {
        return problems.stream().map(p -> p + ";").collect(Collectors.joining(" "));
    }
}
