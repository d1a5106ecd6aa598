package org.nelm.bulk;

/** Status of an import job: COMPLETED = every row written, ERROR = some rows refused or the job failed. */
enum JobStatus { PENDING, IN_PROGRESS, COMPLETED, ERROR }
