package org.nelm.source;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The contract's list item: the source plus {@code nonEmployeeCount}, null unless the caller asked for it. */
record NonEmployeeSourceWithNECount(@JsonUnwrapped NonEmployeeSource source, Integer nonEmployeeCount) {
}
