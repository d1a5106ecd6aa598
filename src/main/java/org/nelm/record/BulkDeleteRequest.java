package org.nelm.record;

import java.util.List;

/** Body of {@code POST /non-employee-records/bulk-delete} (SDK name DeleteNonEmployeeRecordsInBulkRequest). */
record BulkDeleteRequest(List<String> ids) {
}
