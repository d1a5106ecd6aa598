package org.nelm.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.nelm.platform.query.FilterOperator.*;
import static org.nelm.platform.query.TestSpecs.SPEC;
import static org.nelm.platform.query.TestSpecs.assertBadRequest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nelm.platform.query.Filter.Comparison;

class SqlQueryBuilderTest {

    private static SqlFragment where(String filters) {
        return SqlQueryBuilder.where(CollectionQueryParser.parseFilter(filters, SPEC), SPEC);
    }

    @Test
    void nullFilterIsEmpty() {
        SqlFragment f = SqlQueryBuilder.where(null, SPEC);
        assertThat(f.sql()).isEmpty();
        assertThat(f.params()).isEmpty();
        assertThat(f.isEmpty()).isTrue();
    }

    @Test
    void comparisonOperators() {
        assertThat(where("name eq \"a\"")).isEqualTo(new SqlFragment("t.name = :p0", java.util.Map.of("p0", "a")));
        assertThat(where("name ne \"a\"").sql()).isEqualTo("t.name <> :p0");
        assertThat(where("name gt \"a\"").sql()).isEqualTo("t.name > :p0");
        assertThat(where("name ge \"a\"").sql()).isEqualTo("t.name >= :p0");
        assertThat(where("name lt \"a\"").sql()).isEqualTo("t.name < :p0");
        assertThat(where("name le \"a\"").sql()).isEqualTo("t.name <= :p0");
        assertThat(where("name isnull")).isEqualTo(new SqlFragment("t.name IS NULL", java.util.Map.of()));
        assertThat(where("name pr")).isEqualTo(new SqlFragment("t.name IS NOT NULL", java.util.Map.of()));
    }

    @Test
    void eqAndNeNullBecomeIsNullChecks() {
        assertThat(where("created eq null")).isEqualTo(new SqlFragment("t.created IS NULL", java.util.Map.of()));
        assertThat(where("created ne null")).isEqualTo(new SqlFragment("t.created IS NOT NULL", java.util.Map.of()));
    }

    @Test
    void containsAndStartsWithEscapeLikeWildcards() {
        SqlFragment co = where("name co \"50%_off\\\\now\"");
        assertThat(co.sql()).isEqualTo("t.name LIKE :p0 ESCAPE '\\'");
        assertThat(co.params()).containsExactly(entry("p0", "%50\\%\\_off\\\\now%"));
        SqlFragment sw = where("name sw \"Jo\"");
        assertThat(sw.sql()).isEqualTo("t.name LIKE :p0 ESCAPE '\\'");
        assertThat(sw.params()).containsExactly(entry("p0", "Jo%"));
    }

    @Test
    void inListBindsEachValue() {
        SqlFragment f = where("id in (\"a\", \"b\", \"c\")");
        assertThat(f.sql()).isEqualTo("t.id IN (:p0, :p1, :p2)");
        assertThat(f.params()).containsExactly(entry("p0", "a"), entry("p1", "b"), entry("p2", "c"));
    }

    @Test
    void valuesAreBoundAsJavaTypesByKind() {
        SqlFragment f = where("active eq true and score gt 1.5 and created ge \"2024-05-06T07:08:09Z\""
                + " and approvalStatus eq \"pending\"");
        assertThat(f.sql()).isEqualTo("(t.active = :p0 AND t.score > :p1 AND t.created >= :p2 AND t.approval_status = :p3)");
        assertThat(f.params()).containsExactly(
                entry("p0", Boolean.TRUE),
                entry("p1", new BigDecimal("1.5")),
                entry("p2", OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC)),
                entry("p3", "PENDING"));
    }

    @Test
    void precedenceIsMadeExplicitWithParentheses() {
        assertThat(where("name eq \"a\" or name eq \"b\" and not name eq \"c\"").sql())
                .isEqualTo("(t.name = :p0 OR (t.name = :p1 AND NOT (t.name = :p2)))");
        assertThat(where("not (name eq \"a\" or name pr)").sql()).isEqualTo("NOT (t.name = :p0 OR t.name IS NOT NULL)");
        assertThat(where("approvalStatus eq \"Pending\" and (firstName sw \"Jo\" or not lastName co \"x\")").sql())
                .isEqualTo("(t.approval_status = :p0 AND (t.first_name LIKE :p1 ESCAPE '\\' OR NOT (t.last_name LIKE :p2 ESCAPE '\\')))");
    }

    @Test
    void userValuesNeverReachTheSqlText() {
        SqlFragment f = where("name eq \"x' OR 1=1 --\" or name co \"'; DROP TABLE t; --\"");
        assertThat(f.sql()).isEqualTo("(t.name = :p0 OR t.name LIKE :p1 ESCAPE '\\')");
        assertThat(f.params()).containsExactly(entry("p0", "x' OR 1=1 --"), entry("p1", "%'; DROP TABLE t; --%"));
    }

    @Test
    void customParameterPrefix() {
        SqlFragment f = SqlQueryBuilder.where(CollectionQueryParser.parseFilter("id in (\"a\",\"b\")", SPEC), SPEC, "f");
        assertThat(f.sql()).isEqualTo("t.id IN (:f0, :f1)");
        assertThat(f.params()).containsOnlyKeys("f0", "f1");
        assertThatThrownBy(() -> SqlQueryBuilder.where(null, SPEC, "x; DROP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handBuiltFiltersAreValidatedAndNormalised() {
        assertThat(SqlQueryBuilder.where(Comparison.of("approvalStatus", EQ, "approved"), SPEC).params())
                .containsExactly(entry("p0", "APPROVED"));
        assertThat(SqlQueryBuilder.where(Comparison.of("score", IN, 1, 2L), SPEC).params())
                .containsExactly(entry("p0", BigDecimal.ONE), entry("p1", BigDecimal.valueOf(2)));
        assertBadRequest(() -> SqlQueryBuilder.where(Comparison.of("nope", EQ, "x"), SPEC), "Invalid filter field: nope");
        assertBadRequest(() -> SqlQueryBuilder.where(Comparison.of("sourceId", GT, "x"), SPEC),
                "Unsupported operator gt for filter field sourceId");
    }

    @Test
    void orderByUsesDefaultWithoutSorters() {
        assertThat(SqlQueryBuilder.orderBy(List.of(), SPEC)).isEqualTo("ORDER BY t.created DESC, t.id ASC");
        assertThat(SqlQueryBuilder.orderBy(null, SPEC)).isEqualTo("ORDER BY t.created DESC, t.id ASC");
    }

    @Test
    void orderByAppendsTieBreaker() {
        assertThat(SqlQueryBuilder.orderBy(List.of(Sorter.asc("name"), Sorter.desc("created")), SPEC))
                .isEqualTo("ORDER BY t.name ASC NULLS LAST, t.created DESC NULLS FIRST, t.id ASC");
    }

    @Test
    void orderByDoesNotRepeatTieBreaker() {
        assertThat(SqlQueryBuilder.orderBy(List.of(Sorter.asc("name"), Sorter.desc("id")), SPEC))
                .isEqualTo("ORDER BY t.name ASC NULLS LAST, t.id DESC NULLS FIRST");
        assertThat(SqlQueryBuilder.orderBy(List.of(Sorter.desc("id"), Sorter.asc("name")), SPEC))
                .isEqualTo("ORDER BY t.id DESC NULLS FIRST, t.name ASC NULLS LAST");
    }

    @Test
    void orderByValidatesHandBuiltSorters() {
        assertBadRequest(() -> SqlQueryBuilder.orderBy(List.of(Sorter.asc("sourceId")), SPEC), "Invalid sorter field: sourceId");
        assertBadRequest(() -> SqlQueryBuilder.orderBy(List.of(Sorter.asc("name"), Sorter.desc("name")), SPEC),
                "Duplicate sorter field: name");
    }

    @Test
    void limitOffsetIsBound() {
        SqlFragment page = SqlQueryBuilder.limitOffset(new CollectionQuery(25, 50, false, null, List.of()));
        assertThat(page.sql()).isEqualTo("LIMIT :limit OFFSET :offset");
        assertThat(page.params()).containsExactly(entry("limit", 25), entry("offset", 50));
    }

    @Test
    void specDefaultOrderHandling() {
        QuerySpec plain = QuerySpec.builder().tieBreaker("x.id").build();
        assertThat(SqlQueryBuilder.orderBy(List.of(), plain)).isEqualTo("ORDER BY x.id ASC");
        QuerySpec endsWithTieBreaker = QuerySpec.builder().defaultOrder("x.name, X.ID desc").tieBreaker("x.id").build();
        assertThat(SqlQueryBuilder.orderBy(List.of(), endsWithTieBreaker)).isEqualTo("ORDER BY x.name, X.ID desc");
        assertThatThrownBy(() -> QuerySpec.builder().build()).isInstanceOf(IllegalStateException.class);
    }
}
