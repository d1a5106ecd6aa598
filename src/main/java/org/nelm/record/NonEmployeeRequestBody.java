package org.nelm.record;

import java.util.Map;

/**
 * The contract's NonEmployeeRequestBody: the body of create record, update record and create request, and
 * one row of a CSV import. Dates stay text here so that a bad date is reported by the validator, in the
 * contract's message style, instead of by the JSON reader.
 */
public record NonEmployeeRequestBody(String accountName, String firstName, String lastName, String email,
                                     String phone, String manager, String sourceId, Map<String, String> data,
                                     String startDate, String endDate) {
}
