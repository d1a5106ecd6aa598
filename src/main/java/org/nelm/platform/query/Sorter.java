package org.nelm.platform.query;

import java.util.Objects;

/** One item of the {@code sorters} parameter: an API field name and its direction. */
public record Sorter(String field, boolean descending) {

    public Sorter {
        Objects.requireNonNull(field, "field");
    }

    public static Sorter asc(String field) {
        return new Sorter(field, false);
    }

    public static Sorter desc(String field) {
        return new Sorter(field, true);
    }
}
