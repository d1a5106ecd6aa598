package org.nelm.bulk;

import java.time.OffsetDateTime;

/** The contract's NonEmployeeBulkUploadJob (reference section 6.24). */
record NonEmployeeBulkUploadJob(String id, String sourceId, OffsetDateTime created, OffsetDateTime modified,
                                JobStatus status) {
}
