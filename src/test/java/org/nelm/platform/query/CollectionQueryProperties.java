package org.nelm.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.platform.query.TestSpecs.SPEC;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import org.nelm.platform.error.ApiException;
import org.nelm.platform.query.Filter.Comparison;

class CollectionQueryProperties {

    private static final List<QueryField> FILTERABLE = SPEC.fields().stream().filter(QueryField::filterable).toList();
    private static final List<QueryField> SORTABLE = SPEC.fields().stream().filter(QueryField::sortable).toList();
    private static final Pattern PLACEHOLDER = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    // ---- (1) AST -> text -> AST -------------------------------------------------------------------------------

    @Property
    void renderedFiltersParseBackToTheSameTree(@ForAll("filters") Filter filter) {
        String text = QuerySyntax.format(filter);
        assertThat(CollectionQueryParser.parseFilter(text, SPEC)).as(text).isEqualTo(filter);
    }

    // ---- (2) values are bound, never inlined ------------------------------------------------------------------

    @Property
    void sqlNeverContainsValuesAndPlaceholdersMatchParams(@ForAll("markedFilters") Filter filter) {
        SqlFragment where = SqlQueryBuilder.where(filter, SPEC);
        String sql = where.sql();

        for (Object value : values(filter)) {
            if (value != null) {
                String shown = value instanceof OffsetDateTime t ? t.toString()
                        : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
                assertThat(sql).as("value %s", shown).doesNotContain(shown);
            }
        }

        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(sql);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).hasSize(where.params().size());
        assertThat(names).containsExactlyElementsOf(where.params().keySet());
        for (int i = 0; i < names.size(); i++) {
            assertThat(names.get(i)).isEqualTo("p" + i);
        }
        assertThat(where.params().values()).allSatisfy(v ->
                assertThat(v).isInstanceOfAny(String.class, Boolean.class, OffsetDateTime.class, BigDecimal.class));

        // what is left once placeholders are removed may only be columns and fixed SQL vocabulary
        String skeleton = PLACEHOLDER.matcher(sql).replaceAll(" ").replace("ESCAPE '\\'", " ");
        Set<String> vocabulary = Stream.concat(
                FILTERABLE.stream().map(QueryField::column),
                Stream.of("AND", "OR", "NOT", "(", ")", ",", "=", "<>", ">", ">=", "<", "<=", "LIKE", "IN", "IS", "NULL"))
                .collect(Collectors.toSet());
        String spaced = skeleton.replace("(", " ( ").replace(")", " ) ").replace(",", " , ");
        assertThat(Stream.of(spaced.trim().split("\\s+")).filter(s -> !s.isEmpty())).isSubsetOf(vocabulary);
    }

    // ---- (3) arbitrary input: a parse or a 400, nothing else --------------------------------------------------

    @Property
    void anyStringParsesOrIsABadRequest(@ForAll("junk") String text) {
        // make sure the generator exercises both paths, not only syntax errors
        Statistics.label("outcome").coverage(c -> {
            c.check("parsed").percentage(p -> p > 5);
            c.check("rejected").percentage(p -> p > 5);
        });
        Filter filter;
        try {
            filter = CollectionQueryParser.parseFilter(text, SPEC);
        } catch (ApiException e) {
            Statistics.label("outcome").collect("rejected");
            assertThat(e.detailCode().status().value()).isEqualTo(400);
            assertThat(e.texts()).singleElement().asString().isNotBlank();
            return;
        }
        Statistics.label("outcome").collect("parsed");
        // whatever parses must also translate, and print back to an equivalent text
        SqlQueryBuilder.where(filter, SPEC);
        assertThat(CollectionQueryParser.parseFilter(QuerySyntax.format(filter), SPEC)).isEqualTo(filter);
    }

    @Property
    void anyParameterSetParsesOrIsABadRequest(@ForAll("junk") String limit, @ForAll("junk") String offset,
                                              @ForAll("junk") String count, @ForAll("junk") String sorters) {
        try {
            CollectionQuery q = CollectionQueryParser.parse(limit, offset, count, null, sorters, SPEC);
            assertThat(q.limit()).isBetween(0, CollectionQuery.MAX_LIMIT);
            assertThat(q.offset()).isNotNegative();
            assertThat(SqlQueryBuilder.orderBy(q.sorters(), SPEC)).startsWith("ORDER BY ");
        } catch (ApiException e) {
            assertThat(e.detailCode().status().value()).isEqualTo(400);
        }
    }

    // ---- (4) sorters ------------------------------------------------------------------------------------------

    @Property
    void sortersRoundTrip(@ForAll("sorters") List<Sorter> sorters, @ForAll("blanks") String pad) {
        String text = sorters.stream().map(s -> pad + (s.descending() ? "-" : "") + s.field() + pad)
                .collect(Collectors.joining(","));
        assertThat(CollectionQueryParser.parseSorters(text, SPEC)).isEqualTo(sorters);
        assertThat(CollectionQueryParser.parseSorters(QuerySyntax.formatSorters(sorters), SPEC)).isEqualTo(sorters);
    }

    @Property
    void orderByListsSortersThenTieBreaker(@ForAll("sorters") List<Sorter> sorters) {
        String orderBy = SqlQueryBuilder.orderBy(sorters, SPEC);
        List<String> expected = new ArrayList<>();
        for (Sorter s : sorters) {
            expected.add(SPEC.field(s.field()).orElseThrow().column() + (s.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
        }
        if (sorters.isEmpty()) {
            assertThat(orderBy).isEqualTo("ORDER BY " + SPEC.defaultOrder());
            return;
        }
        if (sorters.stream().noneMatch(s -> s.field().equals("id"))) {
            expected.add("t.id ASC");
        }
        assertThat(orderBy).isEqualTo("ORDER BY " + String.join(", ", expected));
    }

    // ---- generators -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Filter> filters() {
        return filter(3, anyStrings(), numbers());
    }

    /** Strings carry a marker and numbers have many digits, so a literal occurrence in SQL cannot be a coincidence. */
    @Provide
    Arbitrary<Filter> markedFilters() {
        Arbitrary<String> marked = anyStrings().map(s -> "\u00a7" + s);
        Arbitrary<BigDecimal> big = Arbitraries.bigIntegers().between(BigInteger.valueOf(100_000), BigInteger.TEN.pow(15))
                .map(BigDecimal::new);
        return filter(3, marked, big);
    }

    private Arbitrary<Filter> filter(int depth, Arbitrary<String> strings, Arbitrary<BigDecimal> numbers) {
        Arbitrary<Filter> leaf = comparisons(strings, numbers);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filter(depth - 1, strings, numbers));
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(4).map(l -> (Filter) new Filter.And(l))),
                Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(4).map(l -> (Filter) new Filter.Or(l))),
                Tuple.of(1, sub.map(f -> (Filter) new Filter.Not(f))));
    }

    private Arbitrary<Filter> comparisons(Arbitrary<String> strings, Arbitrary<BigDecimal> numbers) {
        return Arbitraries.of(FILTERABLE).flatMap(field -> Arbitraries.of(field.operators()).flatMap(op -> {
            Arbitrary<Object> value = value(field, strings, numbers);
            Arbitrary<List<Object>> values;
            if (op.unary()) {
                values = Arbitraries.just(List.of());
            } else if (op == FilterOperator.IN) {
                values = value.list().ofMinSize(1).ofMaxSize(4);
            } else if (op == FilterOperator.EQ || op == FilterOperator.NE) {
                values = value.injectNull(0.1).map(Collections::singletonList);
            } else {
                values = value.map(List::of);
            }
            return values.map(vs -> (Filter) new Comparison(field.name(), op, vs));
        }));
    }

    private static Arbitrary<Object> value(QueryField field, Arbitrary<String> strings, Arbitrary<BigDecimal> numbers) {
        return switch (field.kind()) {
            case STRING -> strings.map(s -> (Object) s);
            case ENUM -> Arbitraries.of(field.enumValues()).map(s -> (Object) s);
            case BOOLEAN -> Arbitraries.of(true, false).map(b -> (Object) b);
            case TIMESTAMP -> timestamps().map(t -> (Object) t);
            case NUMBER -> numbers.map(n -> (Object) n);
        };
    }

    private static Arbitrary<String> anyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("\"\\%_ ()',andortin").ofMaxLength(12),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12));
    }

    private static Arbitrary<BigDecimal> numbers() {
        return Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(20)),
                Arbitraries.integers().between(0, 6)).as(BigDecimal::new);
    }

    private static Arbitrary<OffsetDateTime> timestamps() {
        return Combinators.combine(
                Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-30T00:00:00Z").getEpochSecond()),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)),
                Arbitraries.integers().between(-18 * 3600, 18 * 3600)
        ).as((seconds, nanos, offset) ->
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds(offset)));
    }

    @Provide
    Arbitrary<String> junk() {
        List<String> tokens = List.of("name", "id", "sourceId", "approvalStatus", "active", "created", "score",
                "manager.name", "modified", "bar", "eq", "NE", "gt", "ge", "lt", "le", "co", "sw", "in", "isnull", "pr",
                "and", "OR", "not", "(", ")", ",", "\"x\"", "\"", "\\", "\"a\\\"b\"", "\"pending\"", "5", "-1.5",
                "1e3", "true", "null", "2024-01-01T00:00:00Z", "\"2024-01-01T00:00:00+01:00\"", "-", "-name", "%", "");
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("\"\\() ,-.aeinoqrtx0123456789").ofMaxLength(40),
                Arbitraries.of(tokens).list().ofMaxSize(12).map(l -> String.join(" ", l)),
                Arbitraries.of(tokens).list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.of(tokens).list().ofMaxSize(6).map(l -> String.join(",", l)),
                filters().map(QuerySyntax::format).injectNull(0.05));
    }

    @Provide
    Arbitrary<List<Sorter>> sorters() {
        return Arbitraries.of(SORTABLE).set().ofMaxSize(SORTABLE.size())
                .flatMap(fields -> Combinators.combine(fields.stream()
                        .map(f -> Arbitraries.of(true, false).map(desc -> new Sorter(f.name(), desc)))
                        .toList()).as(list -> list))
                .flatMap(Arbitraries::shuffle);
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(" \t").ofMaxLength(3);
    }

    private static List<Object> values(Filter filter) {
        List<Object> out = new ArrayList<>();
        collect(filter, out);
        return out;
    }

    private static void collect(Filter filter, List<Object> out) {
        if (filter instanceof Comparison c) {
            out.addAll(c.values());
        } else if (filter instanceof Filter.And a) {
            a.operands().forEach(f -> collect(f, out));
        } else if (filter instanceof Filter.Or o) {
            o.operands().forEach(f -> collect(f, out));
        } else if (filter instanceof Filter.Not n) {
            collect(n.operand(), out);
        }
    }
}
