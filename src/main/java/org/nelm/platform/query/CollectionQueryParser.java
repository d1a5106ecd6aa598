package org.nelm.platform.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.nelm.platform.error.ApiException;

/**
 * Parses and validates the raw standard collection parameters against an endpoint's {@link QuerySpec}.
 * Every argument may be {@code null} (= absent); blank values count as absent too, since {@code ?limit=} is
 * how many clients spell "default". Each failure is an {@link ApiException#badRequest(String)} naming the parameter.
 */
public final class CollectionQueryParser {

    private CollectionQueryParser() {
    }

    public static CollectionQuery parse(String limit, String offset, String count, String filters, String sorters,
                                        QuerySpec spec) {
        return new CollectionQuery(parseLimit(limit), parseOffset(offset), parseCount(count),
                parseFilter(filters, spec), parseSorters(sorters, spec));
    }

    /** The filter AST, or {@code null} when {@code filters} is absent or blank. */
    public static Filter parseFilter(String filters, QuerySpec spec) {
        if (isAbsent(filters)) {
            return null;
        }
        return FilterParser.parse(filters, spec);
    }

    /** The sorters in request order; empty when {@code sorters} is absent or blank. */
    public static List<Sorter> parseSorters(String sorters, QuerySpec spec) {
        if (isAbsent(sorters)) {
            return List.of();
        }
        List<Sorter> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String item : sorters.split(",", -1)) {
            String text = item.strip();
            boolean descending = text.startsWith("-");
            String name = (descending ? text.substring(1) : text).strip();
            if (name.isEmpty()) {
                throw ApiException.badRequest("Invalid sorters: empty sort item in '" + Messages.abbreviate(sorters) + "'");
            }
            sortField(name, spec);
            if (!seen.add(name)) {
                throw ApiException.badRequest("Duplicate sorter field: " + name);
            }
            result.add(new Sorter(name, descending));
        }
        return List.copyOf(result);
    }

    /** The whitelisted, sortable field of that name, else a 400. */
    static QueryField sortField(String name, QuerySpec spec) {
        return spec.field(name).filter(QueryField::sortable)
                .orElseThrow(() -> ApiException.badRequest("Invalid sorter field: " + Messages.abbreviate(name)));
    }

    static int parseLimit(String limit) {
        if (isAbsent(limit)) {
            return CollectionQuery.DEFAULT_LIMIT;
        }
        Integer value = parseInt(limit);
        if (value == null || value < 0 || value > CollectionQuery.MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 0 and " + CollectionQuery.MAX_LIMIT);
        }
        return value;
    }

    static int parseOffset(String offset) {
        if (isAbsent(offset)) {
            return 0;
        }
        Integer value = parseInt(offset);
        if (value == null || value < 0) {
            throw ApiException.badRequest("offset must be an integer greater than or equal to 0");
        }
        return value;
    }

    static boolean parseCount(String count) {
        if (isAbsent(count)) {
            return false;
        }
        return switch (count.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("count must be true or false");
        };
    }

    private static Integer parseInt(String text) {
        String s = text.strip();
        // only ASCII digits: Integer.parseInt would also accept e.g. Arabic-Indic digits
        if (!s.matches("[+-]?[0-9]{1,10}")) {
            return null;
        }
        long value = Long.parseLong(s);
        return value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : (int) value;
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
