package org.nelm.bulk;

import java.util.List;
import org.nelm.record.NonEmployee;

/** One checked row: the non-employee to write, or the reasons the row is refused. */
record RowPlan(int line, String accountName, NonEmployee nonEmployee, List<String> problems) {

    boolean valid() {
        return problems.isEmpty();
    }
}
