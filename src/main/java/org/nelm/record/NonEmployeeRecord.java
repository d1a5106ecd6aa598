package org.nelm.record;

import java.time.OffsetDateTime;
import java.util.Map;

/** The contract's NonEmployeeRecord. */
public record NonEmployeeRecord(String id, String accountName, String firstName, String lastName, String email,
                                String phone, String manager, String sourceId, Map<String, String> data,
                                OffsetDateTime startDate, OffsetDateTime endDate, OffsetDateTime modified,
                                OffsetDateTime created) {
}
