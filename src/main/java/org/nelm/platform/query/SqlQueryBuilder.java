package org.nelm.platform.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.nelm.platform.error.ApiException;

/**
 * Translates a {@link CollectionQuery}'s parts into SQL for PostgreSQL and H2. The SQL text only ever contains the
 * spec's column expressions, fixed keywords and named placeholders; every client value is a bind parameter.
 */
public final class SqlQueryBuilder {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SqlQueryBuilder() {
    }

    /**
     * The filter as a boolean SQL expression without the word WHERE, with parameters {@code p0, p1, ...};
     * empty (no params) for a {@code null} filter. A compound expression comes parenthesised, so the result can be
     * AND-ed with other conditions as is. Fields and operators are re-checked against the spec (hand-built ASTs).
     */
    public static SqlFragment where(Filter filter, QuerySpec spec) {
        return where(filter, spec, "p");
    }

    /** As {@link #where(Filter, QuerySpec)} with parameters named {@code <prefix>0, <prefix>1, ...}. */
    public static SqlFragment where(Filter filter, QuerySpec spec, String paramPrefix) {
        if (!PREFIX.matcher(paramPrefix).matches()) {
            throw new IllegalArgumentException("Invalid parameter prefix: " + paramPrefix);
        }
        if (filter == null) {
            return SqlFragment.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder();
        new Writer(spec, paramPrefix, sql, params).write(filter);
        return new SqlFragment(sql.toString(), params);
    }

    /**
     * {@code ORDER BY ...}: the sorters in order (NULLs sorting as the largest value on both databases, as
     * PostgreSQL does by default), then the spec's tie-breaker unless a sorter already orders by it;
     * the spec's default order when there are no sorters.
     */
    public static String orderBy(List<Sorter> sorters, QuerySpec spec) {
        if (sorters == null || sorters.isEmpty()) {
            return "ORDER BY " + spec.defaultOrder();
        }
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean hasTieBreaker = false;
        for (Sorter sorter : sorters) {
            QueryField field = CollectionQueryParser.sortField(sorter.field(), spec);
            if (!seen.add(field.name())) {
                throw ApiException.badRequest("Duplicate sorter field: " + field.name());
            }
            hasTieBreaker |= field.column().equalsIgnoreCase(spec.tieBreaker());
            items.add(field.column() + (sorter.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
        }
        if (!hasTieBreaker) {
            items.add(spec.tieBreaker() + " ASC");
        }
        return "ORDER BY " + String.join(", ", items);
    }

    /** {@code LIMIT :limit OFFSET :offset} with both bound; accepted by PostgreSQL and H2 alike. */
    public static SqlFragment limitOffset(CollectionQuery query) {
        return limitOffset(query.limit(), query.offset());
    }

    public static SqlFragment limitOffset(int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return new SqlFragment("LIMIT :limit OFFSET :offset", params);
    }

    /** Escapes the LIKE wildcards and the escape character itself; pairs with {@code ESCAPE '\'}. */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final class Writer {
        private final QuerySpec spec;
        private final String prefix;
        private final StringBuilder sql;
        private final Map<String, Object> params;

        Writer(QuerySpec spec, String prefix, StringBuilder sql, Map<String, Object> params) {
            this.spec = spec;
            this.prefix = prefix;
            this.sql = sql;
            this.params = params;
        }

        void write(Filter filter) {
            if (filter instanceof Filter.Comparison c) {
                comparison(c);
            } else if (filter instanceof Filter.And a) {
                join(a.operands(), " AND ");
            } else if (filter instanceof Filter.Or o) {
                join(o.operands(), " OR ");
            } else if (filter instanceof Filter.Not n) {
                sql.append("NOT ");
                boolean compound = n.operand() instanceof Filter.And || n.operand() instanceof Filter.Or;
                if (!compound) {
                    sql.append('(');
                }
                write(n.operand());
                if (!compound) {
                    sql.append(')');
                }
            }
        }

        private void join(List<Filter> operands, String word) {
            sql.append('(');
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    sql.append(word);
                }
                write(operands.get(i));
            }
            sql.append(')');
        }

        private void comparison(Filter.Comparison c) {
            QueryField field = spec.field(c.field()).filter(QueryField::filterable)
                    .orElseThrow(() -> ApiException.badRequest("Invalid filter field: " + Messages.abbreviate(c.field())));
            FilterOperator op = c.operator();
            if (!field.allows(op)) {
                throw ApiException.badRequest("Unsupported operator " + op.keyword() + " for filter field " + field.name());
            }
            List<Object> values = new ArrayList<>();
            for (Object v : c.values()) {
                values.add(FilterValues.coerce(field, op, v));
            }
            String col = field.column();
            switch (op) {
                case EQ -> sql.append(col).append(values.get(0) == null ? " IS NULL" : " = " + bind(values.get(0)));
                case NE -> sql.append(col).append(values.get(0) == null ? " IS NOT NULL" : " <> " + bind(values.get(0)));
                case GT -> sql.append(col).append(" > ").append(bind(values.get(0)));
                case GE -> sql.append(col).append(" >= ").append(bind(values.get(0)));
                case LT -> sql.append(col).append(" < ").append(bind(values.get(0)));
                case LE -> sql.append(col).append(" <= ").append(bind(values.get(0)));
                case CO -> sql.append(col).append(" LIKE ")
                        .append(bind("%" + escapeLike((String) values.get(0)) + "%")).append(" ESCAPE '\\'");
                case SW -> sql.append(col).append(" LIKE ")
                        .append(bind(escapeLike((String) values.get(0)) + "%")).append(" ESCAPE '\\'");
                case IN -> {
                    sql.append(col).append(" IN (");
                    for (int i = 0; i < values.size(); i++) {
                        sql.append(i > 0 ? ", " : "").append(bind(values.get(i)));
                    }
                    sql.append(')');
                }
                case ISNULL -> sql.append(col).append(" IS NULL");
                case PR -> sql.append(col).append(" IS NOT NULL");
                default -> throw new IllegalStateException("Unknown operator " + op);
            }
        }

        private String bind(Object value) {
            String name = prefix + params.size();
            params.put(name, value);
            return ":" + name;
        }
    }
}
