package org.nelm.record;

import java.time.OffsetDateTime;
import java.util.Map;

/** A validated non-employee: the content shared by requests and records (and CSV rows). */
public record NonEmployee(String sourceId, String accountName, String firstName, String lastName, String email,
                          String phone, String manager, Map<String, String> data, OffsetDateTime startDate,
                          OffsetDateTime endDate) {

    public NonEmployee {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
