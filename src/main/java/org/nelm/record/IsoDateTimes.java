package org.nelm.record;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The date-time shapes nearly every file and request uses ({@code 2020-03-24}, {@code 2020-03-24T00:00:00Z},
 * {@code 2020-03-24T00:00:00-05:00}), read without a DateTimeFormatter: parsing the two dates of each row was a
 * third of the time a 20,000-row upload spent checking its file (JFR, bench/records.sh). Anything else, and any
 * value out of range, is left to the JDK's parser (null here), which also gives the error.
 */
final class IsoDateTimes {

    private IsoDateTimes() {
    }

    static OffsetDateTime parseCommon(String text) {
        int length = text.length();
        if (length != 10 && length != 20 && length != 25 || !dash(text, 4) || !dash(text, 7)) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            if (length == 10) {
                return OffsetDateTime.of(year, month, day, 0, 0, 0, 0, ZoneOffset.UTC);
            }
            if (text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
                return null;
            }
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            ZoneOffset offset = offset(text);
            if (hour < 0 || minute < 0 || second < 0 || offset == null) {
                return null;
            }
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static ZoneOffset offset(String text) {
        if (text.length() == 20) {
            return text.charAt(19) == 'Z' ? ZoneOffset.UTC : null;
        }
        char sign = text.charAt(19);
        int hours = digits(text, 20, 22);
        int minutes = digits(text, 23, 25);
        if (sign != '+' && sign != '-' || text.charAt(22) != ':' || hours < 0 || minutes < 0) {
            return null;
        }
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    private static boolean dash(String text, int index) {
        return text.charAt(index) == '-';
    }

    /** The decimal number in [from, to), or -1 if any character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
