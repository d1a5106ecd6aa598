package org.nelm.bulk;

import java.util.List;
import java.util.Set;

/** A readable file, row by row checked; dataColumns are the custom attributes its header names. */
record CheckedFile(Set<String> dataColumns, List<RowPlan> rows) {

    CheckedFile batch(int batchNo, int batchSize) {
        int from = batchNo * batchSize;
        return new CheckedFile(dataColumns, rows.subList(from, Math.min(rows.size(), from + batchSize)));
    }
}
