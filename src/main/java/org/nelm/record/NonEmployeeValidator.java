package org.nelm.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nelm.platform.error.ApiException;
import org.nelm.source.SchemaAttributeDef;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.springframework.stereotype.Component;

/**
 * The one validator for requests, records and CSV rows. Problems are collected and reported together in the
 * contract's style ({@code firstName is required; accountName is required;}).
 */
@Component
public class NonEmployeeValidator {

    public static final int MAX_DATA_ENTRIES = 10;
    static final int MAX_TEXT = 255;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final SourcePolicies sources;

    public NonEmployeeValidator(SourcePolicies sources) {
        this.sources = sources;
    }

    /** Validates against the body's own source; throws 400 (or 400.1.4 for too many data entries). */
    public NonEmployee validate(NonEmployeeRequestBody body) {
        SourcePolicy source = body.sourceId() == null || body.sourceId().isBlank() ? null
                : sources.find(body.sourceId()).orElse(null);
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
        required(problems, "accountName", body.accountName());
        required(problems, "firstName", body.firstName());
        required(problems, "lastName", body.lastName());
        required(problems, "email", body.email());
        required(problems, "phone", body.phone());
        required(problems, "manager", body.manager());
        required(problems, "sourceId", body.sourceId());
        required(problems, "startDate", body.startDate());
        required(problems, "endDate", body.endDate());
        if (present(body.sourceId()) && source == null) {
            problems.add(unknownSource(body.sourceId()));
        }
        if (present(body.email()) && !EMAIL.matcher(body.email().trim()).matches()) {
            problems.add("email \"" + body.email() + "\" is not a valid e-mail address");
        }
        OffsetDateTime start = dateOrProblem(problems, "startDate", body.startDate());
        OffsetDateTime end = dateOrProblem(problems, "endDate", body.endDate());
        if (start != null && end != null && start.isAfter(end)) {
            problems.add("startDate must not be after endDate");
        }
        if (body.data() != null && body.data().size() > MAX_DATA_ENTRIES) {
            problems.add("data holds at most " + MAX_DATA_ENTRIES + " attributes");
        }
        if (source != null) {
            dataProblems(problems, body.data() == null ? Map.of() : body.data(), source);
        }
        return problems;
    }

    private static void dataProblems(List<String> problems, Map<String, String> data, SourcePolicy source) {
        Set<String> custom = source.customAttributes().stream().map(SchemaAttributeDef::technicalName)
                .collect(Collectors.toSet());
        data.keySet().stream()
                .filter(key -> !custom.contains(key))
                .forEach(key -> problems.add("data." + key + " is not a custom attribute of the source"));
        data.forEach((key, value) -> {
            if (value != null && value.length() > 4000) {
                problems.add("data." + key + " must be at most 4000 characters");
            }
        });
        source.customAttributes().stream()
                .filter(SchemaAttributeDef::required)
                .filter(attribute -> !present(data.get(attribute.technicalName())))
                .forEach(attribute -> problems.add("data." + attribute.technicalName() + " is required"));
    }

    private static void required(List<String> problems, String field, String value) {
        if (!present(value)) {
            problems.add(field + " is required");
        } else if (value.length() > MAX_TEXT && !field.endsWith("Date")) {
            problems.add(field + " must be at most " + MAX_TEXT + " characters");
        }
    }

    private static OffsetDateTime dateOrProblem(List<String> problems, String field, String value) {
        if (!present(value)) {
            return null;
        }
        try {
            return date(value);
        } catch (DateTimeParseException e) {
            problems.add(field + " \"" + value + "\" is not an ISO-8601 date-time (e.g. 2020-03-24T00:00:00-05:00)");
            return null;
        }
    }

    /** The problem of a sourceId that names no source (also when the source was deleted meanwhile). */
    public static String unknownSource(String sourceId) {
        return "sourceId \"" + sourceId + "\" is not a non-employee source";
    }

    /**
     * Date-times with offset as in the contract; a plain date means midnight UTC (what spreadsheets give). Kept
     * as both databases give them back (UTC, whole microseconds), so what is returned right after a write is what
     * a later read returns.
     */
    public static OffsetDateTime date(String value) {
        String text = value.trim();
        OffsetDateTime common = IsoDateTimes.parseCommon(text);
        if (common != null) {
            return common.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        OffsetDateTime parsed = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        return parsed.getNano() % 1000 == 0 ? parsed : parsed.truncatedTo(ChronoUnit.MICROS);
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
