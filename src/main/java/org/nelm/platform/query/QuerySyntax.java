package org.nelm.platform.query;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders ASTs back into the parameter syntax, in a canonical form that {@link CollectionQueryParser} reads back
 * into an equal AST. Useful for links, logs and tests.
 */
public final class QuerySyntax {

    private QuerySyntax() {
    }

    /** The {@code filters} text of a filter; {@code null} renders as the empty string. */
    public static String format(Filter filter) {
        if (filter == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        write(filter, out);
        return out.toString();
    }

    /** The {@code sorters} text, e.g. {@code name,-created}. */
    public static String formatSorters(List<Sorter> sorters) {
        return sorters.stream().map(s -> (s.descending() ? "-" : "") + s.field()).collect(Collectors.joining(","));
    }

    /** A double-quoted string literal with {@code \"} and {@code \\} escaped. */
    public static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** One value literal: strings and timestamps quoted, numbers in plain notation, booleans and null bare. */
    public static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof OffsetDateTime t) {
            return quote(t.toString());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private static void write(Filter filter, StringBuilder out) {
        // Java 17: no pattern matching for switch, hence the instanceof chain
        if (filter instanceof Filter.Comparison c) {
            out.append(c.field()).append(' ').append(c.operator().keyword());
            if (c.operator() == FilterOperator.IN) {
                out.append(" (").append(c.values().stream().map(QuerySyntax::literal)
                        .collect(Collectors.joining(", "))).append(')');
            } else if (!c.operator().unary()) {
                out.append(' ').append(literal(c.value()));
            }
        } else if (filter instanceof Filter.And a) {
            join(a.operands(), " and ", out);
        } else if (filter instanceof Filter.Or o) {
            join(o.operands(), " or ", out);
        } else if (filter instanceof Filter.Not n) {
            out.append("not ");
            writeOperand(n.operand(), out);
        }
    }

    private static void join(List<Filter> operands, String word, StringBuilder out) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(word);
            }
            writeOperand(operands.get(i), out);
        }
    }

    /** Compound operands are always parenthesised, which keeps the parsed tree identical to the rendered one. */
    private static void writeOperand(Filter f, StringBuilder out) {
        if (f instanceof Filter.And || f instanceof Filter.Or) {
            out.append('(');
            write(f, out);
            out.append(')');
        } else {
            write(f, out);
        }
    }
}
