package org.nelm.source;

import java.util.Collection;
import java.util.Map;

/**
 * How many records each source holds, for the list's {@code non-employee-count}. Records are the record module's;
 * it implements this port, so the source module neither imports it nor reads its table.
 */
public interface RecordCounts {

    /** Records per source, for the sources given; sources without records are absent. */
    Map<String, Integer> of(Collection<String> sourceIds);
}
