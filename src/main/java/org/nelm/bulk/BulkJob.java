package org.nelm.bulk;

import java.time.OffsetDateTime;

/** A stored import job (without its file). */
record BulkJob(String id, String sourceId, JobStatus status, int rowCount, int batchSize, int createdCount,
               int updatedCount, int failedCount, String errorText, OffsetDateTime created, OffsetDateTime modified) {

    NonEmployeeBulkUploadJob toContract() {
        return new NonEmployeeBulkUploadJob(id, sourceId, created, modified, status);
    }

    int batchCount() {
        return (rowCount + batchSize - 1) / batchSize;
    }
}
