package org.nelm.bulk;

/**
 * OWASP's rule against formula injection in CSV: a value whose first character is {@code = + - @}, tab or carriage
 * return is exported with a leading {@code '}, which spreadsheets show as text instead of evaluating. So that an
 * export imported again gives back the original values, a value that itself starts with {@code '} gets one too,
 * and reading a file removes one leading {@code '} before any of those characters (docs/records.md).
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** The value as an export writes it: one look at its first character, so the export stays as fast. */
    static String escape(String value) {
        return !value.isEmpty() && quoted(value.charAt(0)) ? "'" + value : value;
    }

    /** The value an import reads from a cell: the exact inverse of {@link #escape}. */
    static String unescape(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && quoted(value.charAt(1)) ? value.substring(1) : value;
    }

    private static boolean quoted(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'';
    }
}
