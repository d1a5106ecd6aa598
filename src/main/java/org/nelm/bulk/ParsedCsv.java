package org.nelm.bulk;

import java.util.Arrays;
import java.util.List;

/** A CSV file whose header matched the source's schema: the column names and the non-empty data rows. */
record ParsedCsv(List<String> header, List<Row> rows) {

    /**
     * One data row: the line it starts on (the header is line 1), its values under the header's columns, and the
     * values it has beyond them (kept as their count and the first one, so that a row of a million commas costs
     * no more than any other).
     */
    record Row(int line, List<String> cells, Stray stray) {

        static Row of(int line, String[] values, int columns) {
            Stray stray = null;
            for (int i = columns; i < values.length; i++) {
                if (!values[i].isEmpty()) {
                    stray = stray == null ? new Stray(i + 1, values[i], 1) : stray.andOneMore();
                }
            }
            return new Row(line, List.of(Arrays.copyOf(values, Math.min(columns, values.length))), stray);
        }
    }

    /** Non-empty values under no column of the header: the first one (1-based column) and how many there are. */
    record Stray(int column, String value, int count) {

        Stray andOneMore() {
            return new Stray(column, value, count + 1);
        }
    }
}
