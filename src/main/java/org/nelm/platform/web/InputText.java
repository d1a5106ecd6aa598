package org.nelm.platform.web;

/**
 * The rules every text field of every operation obeys, checked before any other rule of the field (docs/security.md,
 * "Input limits"): at most its maximum length, no control characters other than tab, line feed and carriage return
 * (PostgreSQL refuses U+0000 in text), and well-formed UTF-16 (an unpaired surrogate cannot be written as UTF-8).
 * One pass over the value, stopping at its maximum length: linear whatever the client sends.
 */
public final class InputText {

    /** How much of a client's value an error message repeats. */
    private static final int ECHO = 100;

    private InputText() {
    }

    /** The problem of {@code value} in the contract's words ({@code "name must be at most 255 characters"}), or null. */
    public static String problem(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return field + " must be at most " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return field + " must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return field + " must be valid Unicode text";
            }
        }
        return null;
    }

    /** A client's value as an error message repeats it: in double quotes, cut after 100 characters. */
    public static String quoted(String value) {
        String shown = value.length() <= ECHO ? value : value.substring(0, ECHO) + "...";
        return "\"" + shown + "\"";
    }
}
