package org.nelm.bulk;

import java.util.List;

/** The outcome of one CSV row: CREATED, UPDATED or FAILED (with the reasons). Not part of the contract. */
record RowResult(int line, String accountName, Outcome outcome, List<String> reasons) {

    enum Outcome { CREATED, UPDATED, FAILED }
}
