package org.nelm.bulk;

/** The contract's NonEmployeeBulkUploadStatus; status absent when the source never had an import. */
record NonEmployeeBulkUploadStatus(JobStatus status) {
}
