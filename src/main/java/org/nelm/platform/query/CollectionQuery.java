package org.nelm.platform.query;

import java.util.List;

/**
 * The validated standard collection parameters of one request.
 *
 * @param filter  the parsed filter, or {@code null} when none was given
 * @param sorters the requested order; empty = the spec's default order
 */
public record CollectionQuery(int limit, int offset, boolean count, Filter filter, List<Sorter> sorters) {

    public static final int DEFAULT_LIMIT = 250;
    public static final int MAX_LIMIT = 250;

    public CollectionQuery {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset out of range: " + offset);
        }
        sorters = sorters == null ? List.of() : List.copyOf(sorters);
    }

    /** No filter, no sorters, first page of the default size, no count. */
    public static CollectionQuery defaults() {
        return new CollectionQuery(DEFAULT_LIMIT, 0, false, null, List.of());
    }
}
