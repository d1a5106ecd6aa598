package org.nelm.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.platform.query.TestSpecs.SPEC;
import static org.nelm.platform.query.TestSpecs.assertBadRequest;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelm.platform.query.Filter.Comparison;

class CollectionQueryParserTest {

    private static CollectionQuery parse(String limit, String offset, String count, String filters, String sorters) {
        return CollectionQueryParser.parse(limit, offset, count, filters, sorters, SPEC);
    }

    @Test
    void defaultsWhenAbsent() {
        assertThat(parse(null, null, null, null, null))
                .isEqualTo(new CollectionQuery(250, 0, false, null, List.of()))
                .isEqualTo(CollectionQuery.defaults());
        assertThat(parse("", " ", "", "", "")).isEqualTo(CollectionQuery.defaults());
    }

    @Test
    void allParameters() {
        assertThat(parse("10", "20", "TRUE", "name eq \"x\"", "name,-created")).isEqualTo(new CollectionQuery(
                10, 20, true, Comparison.of("name", FilterOperator.EQ, "x"),
                List.of(Sorter.asc("name"), Sorter.desc("created"))));
    }

    @Test
    void limitBounds() {
        assertThat(parse("0", null, null, null, null).limit()).isZero();
        assertThat(parse("250", null, null, null, null).limit()).isEqualTo(250);
        assertThat(parse(" 7 ", null, null, null, null).limit()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "251", "abc", "1.5", "99999999999", "1e2", "٣"})
    void badLimit(String limit) {
        assertBadRequest(() -> parse(limit, null, null, null, null), "limit must be between 0 and 250");
    }

    @Test
    void offsetHasNoUpperBound() {
        assertThat(parse(null, "0", null, null, null).offset()).isZero();
        assertThat(parse(null, "2147483647", null, null, null).offset()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "x", "2147483648", "0.0"})
    void badOffset(String offset) {
        assertBadRequest(() -> parse(null, offset, null, null, null), "offset must be an integer greater than or equal to 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True"})
    void countTrue(String count) {
        assertThat(parse(null, null, count, null, null).count()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "fAlse"})
    void countFalse(String count) {
        assertThat(parse(null, null, count, null, null).count()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "0", "t"})
    void badCount(String count) {
        assertBadRequest(() -> parse(null, null, count, null, null), "count must be true or false");
    }

    @Test
    void sortersWithWhitespace() {
        assertThat(CollectionQueryParser.parseSorters(" name , -created ,- score", SPEC))
                .containsExactly(Sorter.asc("name"), Sorter.desc("created"), Sorter.desc("score"));
        assertThat(CollectionQueryParser.parseSorters("modified", SPEC)).containsExactly(Sorter.asc("modified"));
        assertThat(CollectionQueryParser.parseSorters("", SPEC)).isEmpty();
    }

    @Test
    void unknownOrUnsortableSorter() {
        assertBadRequest(() -> CollectionQueryParser.parseSorters("foo", SPEC), "Invalid sorter field: foo");
        assertBadRequest(() -> CollectionQueryParser.parseSorters("name,-sourceId", SPEC), "Invalid sorter field: sourceId");
        assertBadRequest(() -> CollectionQueryParser.parseSorters("+name", SPEC), "Invalid sorter field: +name");
        assertBadRequest(() -> CollectionQueryParser.parseSorters("Name", SPEC), "Invalid sorter field: Name");
    }

    @Test
    void duplicateSorter() {
        assertBadRequest(() -> CollectionQueryParser.parseSorters("name,-name", SPEC), "Duplicate sorter field: name");
    }

    @Test
    void emptySortItem() {
        assertBadRequest(() -> CollectionQueryParser.parseSorters("name,,created", SPEC),
                "Invalid sorters: empty sort item in 'name,,created'");
        assertBadRequest(() -> CollectionQueryParser.parseSorters("name,", SPEC), "Invalid sorters: empty sort item in 'name,'");
        assertBadRequest(() -> CollectionQueryParser.parseSorters("-", SPEC), "Invalid sorters: empty sort item in '-'");
    }

    @Test
    void filterErrorsSurfaceThroughParse() {
        assertBadRequest(() -> parse(null, null, null, "bar eq \"x\"", null), "Invalid filter field: bar");
    }
}
