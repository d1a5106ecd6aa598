package org.nelm.platform.query;

import java.util.Locale;
import java.util.Optional;

/** The operators of the SailPoint filter syntax; their keyword is the lower-case name. */
public enum FilterOperator {
    EQ, NE, GT, GE, LT, LE, CO, SW, IN, ISNULL, PR;

    /** The keyword as written in a filter expression, e.g. {@code eq}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code true} for operators that take no value ({@code isnull}, {@code pr}). */
    public boolean unary() {
        return this == ISNULL || this == PR;
    }

    /** The operator for a keyword, case-insensitively; empty if the word is no operator. */
    public static Optional<FilterOperator> fromKeyword(String word) {
        for (FilterOperator op : values()) {
            if (op.name().equalsIgnoreCase(word)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
