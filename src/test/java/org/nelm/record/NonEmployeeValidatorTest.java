package org.nelm.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.nelm.source.SchemaAttributeDef;
import org.nelm.source.SourcePolicy;

/** The limits every field of a non-employee obeys, checked before anything else reads the value. */
class NonEmployeeValidatorTest {

    /** The e-mail rule as it was written before: a backtracking pattern, seconds on 20,000 characters. */
    private static final Pattern OLD_EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final SourcePolicy SOURCE = new SourcePolicy("s1", "ps1", "Retail", "d", "admin", List.of(),
            List.of(), List.of(new SchemaAttributeDef("a1", "department", "Department", "TEXT", false, false),
                    new SchemaAttributeDef("a2", "notes", "Notes", "TEXT", false, false)));

    private final NonEmployeeValidator validator = new NonEmployeeValidator(null);

    @Property(tries = 3000)
    void theLinearEmailCheckAcceptsExactlyWhatThePatternAccepted(
            @ForAll @StringLength(max = 12) @Chars({'a', '@', '.', ' ', '\t', '\u000B', 'é'}) String value) {
        assertThat(NonEmployeeValidator.isEmail(value)).isEqualTo(OLD_EMAIL.matcher(value).matches());
    }

    @Test
    void aLongHostileEmailIsRefusedByItsLengthAlone() {
        String email = "a@" + ".".repeat(20_000) + "@";

        assertThat(validator.problems(body(Map.of("email", email)), SOURCE))
                .containsExactly("email must be at most 255 characters");
        assertThat(NonEmployeeValidator.isEmail(email)).isFalse();
    }

    @Test
    void everyFieldHasAMaximumLength() {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("accountName", "firstName", "lastName", "email", "phone", "manager", "sourceId")) {
            values.put(field, "x".repeat(256));
        }
        values.put("startDate", "2".repeat(65));
        values.put("endDate", "2".repeat(65));

        assertThat(validator.problems(body(values), SOURCE)).containsExactlyInAnyOrder(
                "accountName must be at most 255 characters", "firstName must be at most 255 characters",
                "lastName must be at most 255 characters", "email must be at most 255 characters",
                "phone must be at most 255 characters", "manager must be at most 255 characters",
                "sourceId must be at most 255 characters", "startDate must be at most 64 characters",
                "endDate must be at most 64 characters");
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreRefused() {
        assertThat(validator.problems(body(Map.of("firstName", "Jo\u0000n", "lastName", "\ud800x")), SOURCE))
                .containsExactly("firstName must not contain control characters", "lastName must be valid Unicode text");
        assertThat(validator.problems(body(Map.of("lastName", "Smith \uD83D\uDE00")), SOURCE)).isEmpty();
    }

    @Test
    void datesAtTheEdgeOfTheRangeAreProblemsNotFailures() {
        assertThat(validator.problems(body(Map.of("endDate", "+999999999-12-31T23:59:59-18:00")), SOURCE))
                .containsExactly("endDate must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        assertThat(validator.problems(body(Map.of("endDate", "9999-12-31T23:59:59-18:00")), SOURCE))
                .containsExactly("endDate must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        assertThat(validator.problems(body(Map.of("startDate", "-999999999-01-01T00:00:00+18:00")), SOURCE))
                .containsExactly("startDate must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        assertThat(validator.problems(body(Map.of("startDate", "0001-01-01T00:00:00Z",
                "endDate", "9999-12-31T23:59:59+00:00")), SOURCE)).isEmpty();
    }

    @Test
    void customAttributesHaveALengthPerValueAndInAll() {
        assertThat(validator.problems(body(Map.of(), Map.of("department", "d".repeat(4001))), SOURCE))
                .containsExactly("data.department must be at most 4000 characters");
        assertThat(validator.problems(body(Map.of(), Map.of("department", "d".repeat(4000), "notes", "n".repeat(3991))),
                SOURCE)).containsExactly("data must hold at most 8000 characters in all its keys and values");
        assertThat(validator.problems(body(Map.of(), Map.of("k".repeat(300), "v")), SOURCE))
                .containsExactly("data." + "k".repeat(100) + "... is not a custom attribute of the source");
    }

    /** A valid body with the given fields replaced. */
    private static NonEmployeeRequestBody body(Map<String, String> values) {
        return body(values, Map.of());
    }

    private static NonEmployeeRequestBody body(Map<String, String> values, Map<String, String> data) {
        Map<String, String> v = new HashMap<>(Map.of("accountName", "jon", "firstName", "Jon", "lastName", "Smith",
                "email", "jon@example.com", "phone", "555", "manager", "jane.doe", "sourceId", "s1",
                "startDate", "2020-01-01T00:00:00Z", "endDate", "2021-01-01T00:00:00Z"));
        v.putAll(values);
        return new NonEmployeeRequestBody(v.get("accountName"), v.get("firstName"), v.get("lastName"), v.get("email"),
                v.get("phone"), v.get("manager"), v.get("sourceId"), data, v.get("startDate"), v.get("endDate"));
    }
}
