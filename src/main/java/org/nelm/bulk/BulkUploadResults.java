package org.nelm.bulk;

import java.util.List;

/**
 * Per-row results of an import job ({@code GET .../non-employee-bulk-upload/{jobId}/results}) or of a dry run
 * ({@code dryRun=true}); an addition to the contract, see docs/records.md. jobId and status are absent for a dry run;
 * error is present when the job itself failed (status ERROR with an incident), not for refused rows.
 */
record BulkUploadResults(String jobId, String sourceId, JobStatus status, boolean dryRun, int created, int updated,
                         int failed, String error, List<RowResult> rows) {
}
