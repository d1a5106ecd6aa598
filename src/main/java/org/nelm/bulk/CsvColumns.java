package org.nelm.bulk;

import java.util.ArrayList;
import java.util.List;
import org.nelm.source.SchemaAttributeDef;
import org.nelm.source.SourcePolicy;

/** The columns of a source's CSV: the eight fixed ones of the contract (section 8.1), then its custom attributes. */
final class CsvColumns {

    static final List<String> FIXED = List.of("accountName", "firstName", "lastName", "phone", "email", "manager",
            "startDate", "endDate");

    private CsvColumns() {
    }

    static List<String> of(SourcePolicy source) {
        List<String> columns = new ArrayList<>(FIXED);
        source.customAttributes().stream().map(SchemaAttributeDef::technicalName).forEach(columns::add);
        return columns;
    }
}
