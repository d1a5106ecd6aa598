package org.nelm.platform.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One whitelisted field of a collection endpoint.
 *
 * @param name       the API field name clients write in {@code filters} / {@code sorters} (case-sensitive)
 * @param column     the SQL expression it maps to, e.g. {@code s.name}; trusted text from code, never client input
 * @param kind       the value type, deciding literal parsing and the bound Java type
 * @param operators  the filter operators allowed on it; empty = not filterable
 * @param sortable   whether it may appear in {@code sorters}
 * @param enumValues for {@link ValueKind#ENUM} the allowed constants (stored upper-case); empty otherwise
 */
public record QueryField(String name, String column, ValueKind kind, Set<FilterOperator> operators,
                         boolean sortable, Set<String> enumValues) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._]*");
    /** Words the parser treats as keywords where a field name may stand; a field so named could never be used. */
    private static final Set<String> RESERVED = Set.of("and", "or", "not");

    public QueryField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        if (!NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid query field name: " + name);
        }
        if (column.isBlank()) {
            throw new IllegalArgumentException("Blank column for query field " + name);
        }
        operators = operators == null || operators.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(operators));
        TreeSet<String> upper = new TreeSet<>();
        if (enumValues != null) {
            enumValues.forEach(v -> upper.add(v.toUpperCase(Locale.ROOT)));
        }
        enumValues = Collections.unmodifiableSet(upper);
        if ((kind == ValueKind.ENUM) == enumValues.isEmpty()) {
            throw new IllegalArgumentException("Enum values must be given exactly for ENUM fields: " + name);
        }
        // LIKE only makes sense on text; ENUM prefixes would bypass the enum-constant check
        if (kind != ValueKind.STRING && (operators.contains(FilterOperator.CO) || operators.contains(FilterOperator.SW))) {
            throw new IllegalArgumentException("co/sw are only supported on STRING fields: " + name);
        }
    }

    /** A field that is neither filterable nor sortable yet; add capabilities with the withers. */
    public static QueryField of(String name, String column, ValueKind kind) {
        return new QueryField(name, column, kind, Set.of(), false, Set.of());
    }

    public static QueryField string(String name, String column) {
        return of(name, column, ValueKind.STRING);
    }

    public static QueryField bool(String name, String column) {
        return of(name, column, ValueKind.BOOLEAN);
    }

    public static QueryField timestamp(String name, String column) {
        return of(name, column, ValueKind.TIMESTAMP);
    }

    public static QueryField number(String name, String column) {
        return of(name, column, ValueKind.NUMBER);
    }

    public static QueryField enumeration(String name, String column, Collection<String> values) {
        return new QueryField(name, column, ValueKind.ENUM, Set.of(), false, Set.copyOf(values));
    }

    public static QueryField enumeration(String name, String column, Class<? extends Enum<?>> type) {
        return enumeration(name, column, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    /** A sort-only field. */
    public static QueryField sortable(String name, String column) {
        return string(name, column).withSortable(true);
    }

    /** A filter-only field of the given kind (not for ENUM, which needs its constants: use {@link #enumeration}). */
    public static QueryField filterable(String name, String column, ValueKind kind, FilterOperator... operators) {
        return of(name, column, kind).withOperators(operators);
    }

    public QueryField withOperators(FilterOperator... ops) {
        return new QueryField(name, column, kind, Set.of(ops), sortable, enumValues);
    }

    public QueryField withSortable(boolean value) {
        return new QueryField(name, column, kind, operators, value, enumValues);
    }

    public boolean filterable() {
        return !operators.isEmpty();
    }

    public boolean allows(FilterOperator op) {
        return operators.contains(op);
    }
}
