package org.nelm.platform.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The parsed {@code filters} expression. Parenthesised groups are not flattened into their parent, so that
 * the tree mirrors the text; {@link And}/{@link Or} always have at least two operands.
 */
public sealed interface Filter permits Filter.Comparison, Filter.And, Filter.Or, Filter.Not {

    /**
     * {@code field op value(s)}. Values are already typed by the field's {@link ValueKind}
     * (String, Boolean, OffsetDateTime, BigDecimal). Arity: none for {@code isnull}/{@code pr}, one or more for
     * {@code in}, exactly one otherwise; the only allowed {@code null} is the single value of {@code eq}/{@code ne}.
     */
    record Comparison(String field, FilterOperator operator, List<Object> values) implements Filter {

        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            // List.copyOf rejects null elements, but "eq null" is legal
            values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values")));
            int n = values.size();
            boolean arityOk = operator.unary() ? n == 0 : operator == FilterOperator.IN ? n >= 1 : n == 1;
            if (!arityOk) {
                throw new IllegalArgumentException("Wrong number of values for " + operator.keyword() + ": " + n);
            }
            if (values.contains(null) && operator != FilterOperator.EQ && operator != FilterOperator.NE) {
                throw new IllegalArgumentException("null is only allowed with eq or ne");
            }
        }

        public static Comparison of(String field, FilterOperator operator, Object... values) {
            return new Comparison(field, operator, Arrays.asList(values));
        }

        /** The single value of a binary comparison. */
        public Object value() {
            if (values.size() != 1) {
                throw new IllegalStateException(operator.keyword() + " has " + values.size() + " values");
            }
            return values.get(0);
        }
    }

    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("and needs at least two operands");
            }
        }

        public static And of(Filter... operands) {
            return new And(List.of(operands));
        }
    }

    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("or needs at least two operands");
            }
        }

        public static Or of(Filter... operands) {
            return new Or(List.of(operands));
        }
    }

    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }
}
