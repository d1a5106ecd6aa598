package org.nelm.platform.fuzz;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The values the fuzz test puts into every field, path, parameter and cell: plausible ones (so requests get past the
 * first check), hostile ones (lengths at and over each limit, control characters, broken Unicode, dates at the edge
 * of the range, backtracking bait) and values of the wrong JSON type. JSON is produced as text, so that it can hold
 * what no Java object writer would write (unpaired surrogates, numbers of a thousand digits, deep nesting).
 */
final class FuzzValues {

    private FuzzValues() {
    }

    /** One choice of {@link Arbitraries#frequencyOf}, taken {@code weight} times as often as a choice of weight 1. */
    static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weight(int weight, Arbitrary<? extends T> choice) {
        return Tuple.of(weight, choice);
    }

    static final List<String> EDGE_DATES = List.of(
            "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00", "9999-12-31T23:59:59-18:00",
            "0001-01-01T00:00:00+18:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2020-02-30",
            "2020-01-01T25:00:00Z", "2020-01-01T00:00:00+25:00", "2020-01-01T00:00:00.1234567891234Z", "2020-1-1",
            "20200101", "2020-01-01T00:00:00", "2020-01-01 00:00:00Z", "+10000-01-01T00:00:00Z", "2020-13-01",
            "2020-01-01T00:00:00-05:00", "2021-06-30", "2030-12-31T23:59:59Z", "T", "-", "9".repeat(40));

    static final List<String> SPECIAL_TEXTS = List.of("", " ", "\t", "me", "null", "true", "0", "-1", "NaN",
            "' OR '1'='1", "\"; drop table nelm_record; --", "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
            "+SUM(1)", "-2+3", "@x", "'quoted", "../../etc/passwd", "%00", "%2F", "a/b", "a;b", "a\\b", "${jndi:x}",
            "\u0000", "\u0007bell", "\u007F", "\uFEFFbom", "\u202Eevil", "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "名前", "\r\n", "a\nb",
            "a@b.c", "a@" + ".".repeat(3000) + "@", "x@" + "a.".repeat(2000), "IDENTITY", "GOVERNANCE_GROUP", "TEXT",
            "PENDING", "Pending", "admin", "approver1", "nelm-approvers");

    /** Any text a client might send, mostly short, sometimes at or past a limit. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                weight(4, Arbitraries.strings().all().ofMaxLength(24)),
                weight(4, Arbitraries.strings().alpha().numeric().withChars("._-@ ").ofMinLength(1)
                        .ofMaxLength(16)),
                weight(3, Arbitraries.of(SPECIAL_TEXTS)),
                weight(2, Arbitraries.of(EDGE_DATES)),
                weight(1, Arbitraries.of(254, 255, 256, 3999, 4000, 4001, 8001, 20_000)
                        .flatMap(length -> Arbitraries.of("x", "é", "😀", ".", ",", "\"")
                                .map(unit -> unit.repeat(Math.max(1, length / unit.length()))))));
    }

    /** A JSON string literal of any text, with raw escapes for what Java strings write differently. */
    static Arbitrary<String> jsonString() {
        return Arbitraries.frequencyOf(
                weight(12, text().map(FuzzValues::quote)),
                weight(1, Arbitraries.of("\"\\u0000\"", "\"\\ud800\"", "\"x\\udc00\"",
                        "\"\\uD83D\\uDE00\"", "\"\\\\\"", "\"\\/\"", "\"\\b\\f\"")));
    }

    /** Any JSON value, nesting limited to {@code depth}; now and then one nested past Jackson's limit. */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                weight(6, jsonString()),
                weight(1, Arbitraries.of("null", "true", "false")),
                weight(2, Arbitraries.of("0", "-1", "1.5", "-0.0", "2147483648", "1e999", "-1e-999",
                        "123456789012345678901234567890", "9".repeat(1200), "900", "43200", "3.4e38")),
                weight(2, Arbitraries.integers().map(String::valueOf)));
        if (depth <= 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                weight(8, scalar),
                weight(1, json(depth - 1).list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]")),
                weight(1, Arbitraries.maps(jsonString(), json(depth - 1)).ofMaxSize(3)
                        .map(entries -> object(entries.entrySet().stream()
                                .map(e -> e.getKey() + ":" + e.getValue()).toList()))),
                weight(1, Arbitraries.integers().between(990, 1010)
                        .map(levels -> "[".repeat(levels) + "]".repeat(levels))));
    }

    /** A field's value: the plausible one mostly, else any JSON value (or the field left out: null). */
    static Arbitrary<String> field(Arbitrary<String> plausible) {
        return Arbitraries.frequencyOf(
                weight(7, plausible),
                weight(2, json(2)),
                weight(1, Arbitraries.just(null)));
    }

    /** A value meant to fail: hostile text above all (lengths at and past the limits), else any JSON or nothing. */
    static Arbitrary<String> hostile() {
        return Arbitraries.frequencyOf(
                weight(3, jsonString()),
                weight(2, Arbitraries.of(255, 256, 4000, 4001, 8001).flatMap(length -> Arbitraries.of("x", "😀", "\u0000")
                        .map(unit -> quote(unit.repeat(Math.max(1, length / unit.length())))))),
                weight(2, json(2)),
                weight(1, Arbitraries.just(null)));
    }

    static Arbitrary<String> uuid() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()).toString());
    }

    /** An id in a path: the fixture's own (when given), a stranger's, or anything at all. */
    static Arbitrary<String> pathId(String fixture) {
        Arbitrary<String> others = Arbitraries.frequencyOf(
                weight(3, uuid()),
                weight(1, uuid().map(id -> id.replace("-", ""))),
                weight(2, text()),
                weight(1, Arbitraries.of("me", "..", ".", "%", ";", "v1", "summary", "0",
                        "x".repeat(300), "x".repeat(3000))));
        return fixture == null ? others : Arbitraries.frequencyOf(
                weight(6, Arbitraries.just(fixture)),
                weight(4, others));
    }

    /** A query parameter's value: plausible, left out, or (now and then) hostile. */
    static Arbitrary<String> param(Arbitrary<String> plausible, Arbitrary<String> hostile) {
        return Arbitraries.frequencyOf(
                weight(12, plausible),
                weight(6, Arbitraries.just(null)),
                weight(1, hostile),
                weight(1, text()));
    }

    static Arbitrary<String> param(Arbitrary<String> plausible) {
        return param(plausible, text());
    }

    static Arbitrary<String> paging() {
        return param(Arbitraries.integers().between(0, 250).map(String::valueOf),
                Arbitraries.of("-1", "abc", "", " 5 ", "+5", "1e3", "٣", "99999999999", "2147483648", "0x10", "1.0",
                        "251"));
    }

    static Arbitrary<String> bool() {
        return param(Arbitraries.of("true", "false"), Arbitraries.of("TRUE", "yes", "1", "", "null"));
    }

    /** Filters: the grammar's pieces in any order and nesting, plus plain garbage. */
    static Arbitrary<String> filters(List<String> fields, String fixtureId) {
        Arbitrary<String> field = Arbitraries.frequencyOf(
                weight(4, Arbitraries.of(fields)),
                weight(1, Arbitraries.of("id", "name", "created", "x.y", "_", "and", "not")));
        Arbitrary<String> operator = Arbitraries.of("eq", "ne", "co", "sw", "gt", "ge", "lt", "le", "in", "isnull",
                "pr", "EQ", "like", "==");
        Arbitrary<String> value = Arbitraries.frequencyOf(
                weight(3, Arbitraries.of("\"" + fixtureId + "\"", "\"PENDING\"", "\"Pending\"",
                        "\"approved\"", "true", "null", "42", "-1.5", "2020-01-01T00:00:00Z", "\"a\\\"b\"", "\"\\u0000\"",
                        "\"unterminated", "(\"a\",\"b\")", "()", "9".repeat(500), "-", "\"\\x\"")),
                weight(1, jsonString()));
        Arbitrary<String> comparison = Arbitraries.frequencyOf(
                weight(4, Arbitraries.of(fields).map(f -> f + " eq \"" + fixtureId + "\"")),
                weight(6, Combinators.combine(field, operator, value)
                        .as((f, o, v) -> f + " " + o + " " + v)));
        Arbitrary<String> combined = comparison.list().ofMinSize(1).ofMaxSize(4)
                .flatMap(parts -> Arbitraries.of(" and ", " or ", " and not ", ",", " ")
                        .map(joiner -> String.join(joiner, parts)));
        return Arbitraries.frequencyOf(
                weight(6, combined),
                weight(2, combined.flatMap(inner -> Arbitraries.integers().between(1, 70)
                        .map(levels -> "(".repeat(levels) + inner + ")".repeat(levels)))),
                weight(2, text()));
    }

    static Arbitrary<String> sorters(List<String> fields) {
        Arbitrary<String> item = Arbitraries.frequencyOf(
                weight(5, Arbitraries.of(fields)),
                weight(1, Arbitraries.of("", " ", "-", "--id", "nope", "-created ", "x".repeat(400))));
        return Arbitraries.frequencyOf(
                weight(6, item.flatMap(i -> Arbitraries.of("", "-").map(sign -> sign + i))
                        .list().ofMinSize(1).ofMaxSize(4).map(items -> String.join(",", items))),
                weight(1, text()));
    }

    /** The JSON text of an object with the given members (already {@code "name":value}). */
    static String object(List<String> members) {
        return "{" + String.join(",", members) + "}";
    }

    /** A member of an object, or none when the value is null (the field is left out). */
    static String member(String name, String value) {
        return value == null ? null : quote(name) + ":" + value;
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c > 0x7E) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
