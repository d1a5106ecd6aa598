package org.nelm.platform.query;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whitelist of one collection endpoint: its fields, its default order and its tie-breaker column.
 * Immutable; build it once as a constant, e.g.
 * <pre>{@code
 * QuerySpec.builder()
 *     .field(QueryField.string("name", "s.name").withOperators(EQ, CO, SW).withSortable(true))
 *     .field(QueryField.timestamp("created", "s.created").withOperators(GT, GE, LT, LE).withSortable(true))
 *     .defaultOrder("s.created DESC")
 *     .tieBreaker("s.id")
 *     .build();
 * }</pre>
 */
public final class QuerySpec {

    private final Map<String, QueryField> fields;
    private final String tieBreaker;
    private final String defaultOrder;

    private QuerySpec(Map<String, QueryField> fields, String tieBreaker, String defaultOrder) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.tieBreaker = tieBreaker;
        this.defaultOrder = defaultOrder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The field of that exact API name, if whitelisted. */
    public Optional<QueryField> field(String name) {
        return Optional.ofNullable(name == null ? null : fields.get(name));
    }

    public Collection<QueryField> fields() {
        return fields.values();
    }

    /** The unique column appended to every order so that paging is deterministic. */
    public String tieBreaker() {
        return tieBreaker;
    }

    /** The ORDER BY body (without the keywords) used when no sorters are given; already ends with the tie-breaker. */
    public String defaultOrder() {
        return defaultOrder;
    }

    public static final class Builder {
        private final Map<String, QueryField> fields = new LinkedHashMap<>();
        private String defaultOrder;
        private String tieBreaker;

        private Builder() {
        }

        public Builder field(QueryField field) {
            Objects.requireNonNull(field, "field");
            if (fields.putIfAbsent(field.name(), field) != null) {
                throw new IllegalArgumentException("Duplicate query field: " + field.name());
            }
            return this;
        }

        public Builder fields(QueryField... list) {
            for (QueryField f : list) {
                field(f);
            }
            return this;
        }

        /** SQL ORDER BY body used without sorters, e.g. {@code "s.created DESC"}; defaults to the tie-breaker. */
        public Builder defaultOrder(String sql) {
            this.defaultOrder = sql;
            return this;
        }

        /** A unique, non-null column expression, e.g. {@code "s.id"}. Required. */
        public Builder tieBreaker(String column) {
            this.tieBreaker = column;
            return this;
        }

        public QuerySpec build() {
            if (tieBreaker == null || tieBreaker.isBlank()) {
                throw new IllegalStateException("A QuerySpec needs a tie-breaker column");
            }
            String tb = tieBreaker.strip();
            String order = defaultOrder == null || defaultOrder.isBlank()
                    ? tb + " ASC"
                    : endsWithColumn(defaultOrder.strip(), tb) ? defaultOrder.strip() : defaultOrder.strip() + ", " + tb + " ASC";
            return new QuerySpec(fields, tb, order);
        }

        /** Whether the last item of an ORDER BY body already is the column (ignoring ASC/DESC/NULLS ...). */
        private static boolean endsWithColumn(String order, String column) {
            String last = order.substring(order.lastIndexOf(',') + 1).strip();
            String expr = last.split("\\s+")[0];
            return expr.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT));
        }
    }
}
