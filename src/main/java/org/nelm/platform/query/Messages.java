package org.nelm.platform.query;

/** Keeps client text echoed in error messages short. */
final class Messages {

    private static final int MAX = 60;

    private Messages() {
    }

    static String abbreviate(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
