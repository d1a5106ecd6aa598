package org.nelm.bulk;

import java.util.List;

/** A CSV file whose header matched the source's schema: the column names and the non-empty data rows. */
record ParsedCsv(List<String> header, List<Row> rows) {

    /** One data row: the line it starts on (the header is line 1) and its cells as written. */
    record Row(int line, List<String> cells) {
    }
}
