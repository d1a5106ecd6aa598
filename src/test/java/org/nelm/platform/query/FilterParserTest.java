package org.nelm.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.platform.query.FilterOperator.*;
import static org.nelm.platform.query.TestSpecs.SPEC;
import static org.nelm.platform.query.TestSpecs.assertBadRequest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelm.platform.query.Filter.And;
import org.nelm.platform.query.Filter.Comparison;
import org.nelm.platform.query.Filter.Not;
import org.nelm.platform.query.Filter.Or;

class FilterParserTest {

    private static Filter parse(String text) {
        return CollectionQueryParser.parseFilter(text, SPEC);
    }

    @Nested
    class Good {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void absentOrBlankIsNoFilter(String text) {
            assertThat(parse(text)).isNull();
        }

        @Test
        void sailPointExample() {
            assertThat(parse("sourceId eq \"2c91808568c529c60168cca6f90c1313\""))
                    .isEqualTo(Comparison.of("sourceId", EQ, "2c91808568c529c60168cca6f90c1313"));
        }

        @ParameterizedTest
        @CsvSource({"eq,EQ", "ne,NE", "gt,GT", "ge,GE", "lt,LT", "le,LE", "co,CO", "sw,SW"})
        void everyBinaryOperator(String keyword, FilterOperator op) {
            assertThat(parse("name " + keyword + " \"Jo\"")).isEqualTo(Comparison.of("name", op, "Jo"));
        }

        @Test
        void unaryOperators() {
            assertThat(parse("name isnull")).isEqualTo(Comparison.of("name", ISNULL));
            assertThat(parse("name pr")).isEqualTo(Comparison.of("name", PR));
        }

        @Test
        void inList() {
            assertThat(parse("id in (\"a\", \"b\",\"c\")")).isEqualTo(Comparison.of("id", IN, "a", "b", "c"));
            assertThat(parse("id in(\"a\")")).isEqualTo(Comparison.of("id", IN, "a"));
            assertThat(parse("score in (1, -2.5, \"3\")")).isEqualTo(
                    Comparison.of("score", IN, new BigDecimal("1"), new BigDecimal("-2.5"), new BigDecimal("3")));
        }

        @Test
        void keywordsAreCaseInsensitive() {
            assertThat(parse("name EQ \"x\" AND NOT name Co \"y\" Or id IN (\"z\") oR name ISNULL"))
                    .isEqualTo(parse("name eq \"x\" and not name co \"y\" or id in (\"z\") or name isnull"));
            assertThat(parse("active eq TRUE")).isEqualTo(Comparison.of("active", EQ, true));
            assertThat(parse("name eq NULL")).isEqualTo(Comparison.of("name", EQ, (Object) null));
        }

        @Test
        void andBindsTighterThanOr() {
            Comparison a = Comparison.of("name", EQ, "a");
            Comparison b = Comparison.of("name", EQ, "b");
            Comparison c = Comparison.of("name", EQ, "c");
            assertThat(parse("name eq \"a\" or name eq \"b\" and name eq \"c\"")).isEqualTo(Or.of(a, And.of(b, c)));
            assertThat(parse("name eq \"a\" and name eq \"b\" or name eq \"c\"")).isEqualTo(Or.of(And.of(a, b), c));
            assertThat(parse("(name eq \"a\" or name eq \"b\") and name eq \"c\"")).isEqualTo(And.of(Or.of(a, b), c));
            assertThat(parse("name eq \"a\" and name eq \"b\" and name eq \"c\"")).isEqualTo(And.of(a, b, c));
        }

        @Test
        void notBindsTighterThanAnd() {
            Comparison a = Comparison.of("name", EQ, "a");
            Comparison b = Comparison.of("name", EQ, "b");
            assertThat(parse("not name eq \"a\" and name eq \"b\"")).isEqualTo(And.of(new Not(a), b));
            assertThat(parse("not (name eq \"a\" and name eq \"b\")")).isEqualTo(new Not(And.of(a, b)));
            assertThat(parse("not not name eq \"a\"")).isEqualTo(new Not(new Not(a)));
        }

        @Test
        void briefExample() {
            assertThat(parse("approvalStatus eq \"Pending\" and (firstName sw \"Jo\" or not lastName co \"x\")"))
                    .isEqualTo(And.of(
                            Comparison.of("approvalStatus", EQ, "PENDING"),
                            Or.of(Comparison.of("firstName", SW, "Jo"), new Not(Comparison.of("lastName", CO, "x")))));
        }

        @Test
        void redundantParenthesesCollapse() {
            assertThat(parse("((name eq \"a\"))")).isEqualTo(Comparison.of("name", EQ, "a"));
        }

        @Test
        void escapedQuotesAndBackslashes() {
            assertThat(parse("name eq \"say \\\"hi\\\" \\\\ there\"")).isEqualTo(Comparison.of("name", EQ, "say \"hi\" \\ there"));
            assertThat(parse("name eq \"\"")).isEqualTo(Comparison.of("name", EQ, ""));
            assertThat(parse("name co \"and or ( ) , not\"")).isEqualTo(Comparison.of("name", CO, "and or ( ) , not"));
        }

        @Test
        void whitespaceIsTolerated() {
            assertThat(parse("  \tname   eq\n\"x\"  and(id in(\"a\",\"b\"))  ")).isEqualTo(And.of(
                    Comparison.of("name", EQ, "x"), Comparison.of("id", IN, "a", "b")));
        }

        @Test
        void enumValuesAreCaseInsensitiveAndNormalisedToUpperCase() {
            assertThat(parse("approvalStatus eq \"pending\"")).isEqualTo(Comparison.of("approvalStatus", EQ, "PENDING"));
            assertThat(parse("approvalStatus in (\"Approved\", \"REJECTED\")"))
                    .isEqualTo(Comparison.of("approvalStatus", IN, "APPROVED", "REJECTED"));
        }

        @Test
        void typedValues() {
            assertThat(parse("active eq false")).isEqualTo(Comparison.of("active", EQ, false));
            assertThat(parse("active ne \"true\"")).isEqualTo(Comparison.of("active", NE, true));
            assertThat(parse("score ge -12.50")).isEqualTo(Comparison.of("score", GE, new BigDecimal("-12.50")));
            assertThat(parse("created gt \"2024-01-02T03:04:05+02:00\"")).isEqualTo(Comparison.of("created", GT,
                    OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))));
            // SailPoint clients also send date-times unquoted
            assertThat(parse("created lt 2024-01-02T03:04:05.123Z")).isEqualTo(Comparison.of("created", LT,
                    OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000, ZoneOffset.UTC)));
        }

        @Test
        void dottedFieldNames() {
            assertThat(parse("manager.name sw \"Al\"")).isEqualTo(Comparison.of("manager.name", SW, "Al"));
        }

        @Test
        void nullOnlyWithEqNe() {
            assertThat(parse("created eq null")).isEqualTo(Comparison.of("created", EQ, (Object) null));
            assertThat(parse("name ne null")).isEqualTo(Comparison.of("name", NE, (Object) null));
        }
    }

    @Nested
    class Bad {

        @Test
        void unknownField() {
            assertBadRequest(() -> parse("bar eq \"x\""), "Invalid filter field: bar");
            assertBadRequest(() -> parse("name eq \"x\" and Name eq \"y\""), "Invalid filter field: Name");
        }

        @Test
        void sortOnlyFieldIsNotFilterable() {
            assertBadRequest(() -> parse("modified pr"), "Invalid filter field: modified");
        }

        @Test
        void disallowedOperator() {
            assertBadRequest(() -> parse("sourceId gt \"x\""), "Unsupported operator gt for filter field sourceId");
            assertBadRequest(() -> parse("active isnull"), "Unsupported operator isnull for filter field active");
            assertBadRequest(() -> parse("firstName IN (\"a\")"), "Unsupported operator in for filter field firstName");
        }

        @Test
        void unknownOperator() {
            assertBadRequest(() -> parse("name like \"x\""), "Invalid filters: unknown operator 'like' at position 5");
        }

        @Test
        void missingOperator() {
            assertBadRequest(() -> parse("name"), "Invalid filters: expected an operator after name but found end of input at position 4");
            assertBadRequest(() -> parse("name \"x\""), "Invalid filters: expected an operator after name but found '\"x\"' at position 5");
        }

        @Test
        void unterminatedString() {
            assertBadRequest(() -> parse("name eq \"abc"), "Invalid filters: unterminated string starting at position 8");
            assertBadRequest(() -> parse("name eq \"abc\\\""), "Invalid filters: unterminated string starting at position 8");
            assertBadRequest(() -> parse("name eq \"abc\\"), "Invalid filters: unterminated string starting at position 8");
        }

        @Test
        void invalidEscape() {
            assertBadRequest(() -> parse("name eq \"a\\nb\""), "Invalid filters: invalid escape sequence '\\n' at position 10");
        }

        @Test
        void trailingGarbage() {
            assertBadRequest(() -> parse("name eq \"x\")"), "Invalid filters: unexpected token ')' at position 11");
            assertBadRequest(() -> parse("name eq \"x\" name eq \"y\""), "Invalid filters: unexpected token 'name' at position 12");
            assertBadRequest(() -> parse("name eq \"x\" \"y\""), "Invalid filters: unexpected token '\"y\"' at position 12");
        }

        @Test
        void danglingConnective() {
            assertBadRequest(() -> parse("name eq \"x\" and"), "Invalid filters: unexpected end of input at position 15");
            assertBadRequest(() -> parse("or name eq \"x\""), "Invalid filters: unexpected token 'or' at position 0");
            assertBadRequest(() -> parse("not"), "Invalid filters: unexpected end of input at position 3");
        }

        @Test
        void emptyParentheses() {
            assertBadRequest(() -> parse("()"), "Invalid filters: unexpected token ')' at position 1");
            assertBadRequest(() -> parse("name eq \"x\" and ()"), "Invalid filters: unexpected token ')' at position 17");
            assertBadRequest(() -> parse("id in ()"), "Invalid filters: expected a value but found ')' at position 7");
        }

        @Test
        void unbalancedParentheses() {
            assertBadRequest(() -> parse("(name eq \"x\""), "Invalid filters: expected ')' but found end of input at position 12");
            assertBadRequest(() -> parse("id in \"x\""), "Invalid filters: expected '(' but found '\"x\"' at position 6");
            assertBadRequest(() -> parse("id in (\"x\" \"y\")"), "Invalid filters: expected ')' but found '\"y\"' at position 11");
            assertBadRequest(() -> parse("id in (\"x\",)"), "Invalid filters: expected a value but found ')' at position 11");
        }

        @Test
        void missingValue() {
            assertBadRequest(() -> parse("name eq"), "Invalid filters: expected a value but found end of input at position 7");
            assertBadRequest(() -> parse("name eq bob"), "Invalid filters: expected a value but found 'bob' at position 8");
        }

        @Test
        void unexpectedCharacter() {
            assertBadRequest(() -> parse("name = \"x\""), "Invalid filters: unexpected character '=' at position 5");
            assertBadRequest(() -> parse("name eq 'x'"), "Invalid filters: unexpected character ''' at position 8");
        }

        @Test
        void valueOfWrongKind() {
            assertBadRequest(() -> parse("name eq 5"), "Invalid value 5 for filter field name: expected a quoted string");
            assertBadRequest(() -> parse("name eq true"), "Invalid value true for filter field name: expected a quoted string");
            assertBadRequest(() -> parse("active eq \"yes\""), "Invalid value \"yes\" for filter field active: expected true or false");
            assertBadRequest(() -> parse("score gt \"1e5\""), "Invalid value \"1e5\" for filter field score: expected a number");
            assertBadRequest(() -> parse("score gt 1e5"), "Invalid value 1e5 for filter field score: expected a number");
            assertBadRequest(() -> parse("created gt \"2024-01-01\""),
                    "Invalid value \"2024-01-01\" for filter field created: expected an ISO-8601 date-time with offset");
            assertBadRequest(() -> parse("created gt \"2024-01-01T00:00:00\""),
                    "Invalid value \"2024-01-01T00:00:00\" for filter field created: expected an ISO-8601 date-time with offset");
        }

        @Test
        void unknownEnumValue() {
            assertBadRequest(() -> parse("approvalStatus eq \"Maybe\""),
                    "Invalid value \"Maybe\" for filter field approvalStatus: expected one of [APPROVED, PENDING, REJECTED]");
        }

        @Test
        void nullWithOtherOperators() {
            assertBadRequest(() -> parse("name gt null"), "Invalid value null for filter field name: null is only allowed with eq or ne");
            assertBadRequest(() -> parse("id in (\"a\", null)"), "Invalid value null for filter field id: null is only allowed with eq or ne");
        }

        @Test
        void deepNestingIsRejectedNotOverflowed() {
            String deep = "(".repeat(10_000) + "name pr" + ")".repeat(10_000);
            assertBadRequest(() -> parse(deep), "Invalid filters: nesting deeper than 50 levels at position 50");
            String nots = "not ".repeat(10_000) + "name pr";
            assertBadRequest(() -> parse(nots), "Invalid filters: nesting deeper than 50 levels at position 200");
            String ok = "(".repeat(49) + "name pr" + ")".repeat(49);
            assertThat(parse(ok)).isEqualTo(Comparison.of("name", PR));
        }

        @Test
        void longClientTextIsAbbreviatedInMessages() {
            String field = "x".repeat(500);
            assertBadRequest(() -> parse(field + " eq \"a\""), "Invalid filter field: " + "x".repeat(60) + "...");
        }
    }
}
