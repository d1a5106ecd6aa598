-- Records list at 1,000,000 rows (50 sources x 20,000). Account managers and the "sourceId eq" filter
-- always narrow to sources first, so every sorter gets a (source_id, field, id) index; the ones an org admin
-- is expected to sort all records by also get a global (field, id) index. The unique (source_id, account_name)
-- constraint of V3 already serves "sourceId eq" + sort by accountName. More indexes slow the bulk import
-- down (each row updates each index); see docs/performance.md for the measured balance.
create index nelm_record_source_id on nelm_record (source_id, id);
create index nelm_record_source_first_name on nelm_record (source_id, first_name, id);
create index nelm_record_source_last_name on nelm_record (source_id, last_name, id);
create index nelm_record_source_email on nelm_record (source_id, email, id);
create index nelm_record_source_phone on nelm_record (source_id, phone, id);
create index nelm_record_source_manager on nelm_record (source_id, manager, id);
create index nelm_record_source_start_date on nelm_record (source_id, start_date, id);
create index nelm_record_source_end_date on nelm_record (source_id, end_date, id);
create index nelm_record_source_created on nelm_record (source_id, created, id);
create index nelm_record_source_modified on nelm_record (source_id, modified, id);
create index nelm_record_created on nelm_record (created, id);
create index nelm_record_modified on nelm_record (modified, id);
create index nelm_record_account_name on nelm_record (account_name, id);
create index nelm_record_last_name on nelm_record (last_name, id);
-- also serves the end-date reminder query (end_date in a one-day window over all sources)
create index nelm_record_end_date on nelm_record (end_date, id);

-- CSV bulk import jobs. The file is kept in the row so that any node can resume the job after a crash.
-- status: PENDING | IN_PROGRESS | COMPLETED | ERROR. owner/heartbeat: the node working on it and when it last
-- committed a batch; an IN_PROGRESS job whose heartbeat is old is taken over by another node (or the restarted one).
create table nelm_bulk_job (
    id            varchar(36)              not null primary key,
    source_id     varchar(36)              not null references nelm_source (id) on delete cascade,
    status        varchar(16)              not null,
    file_name     varchar(255),
    file_data     bytea                    not null,
    row_count     integer                  not null,
    batch_size    integer                  not null,
    created_count integer                  not null,
    updated_count integer                  not null,
    failed_count  integer                  not null,
    owner         varchar(64),
    heartbeat     timestamp with time zone,
    error_text    varchar(4000),
    created       timestamp with time zone not null,
    modified      timestamp with time zone not null
);
create index nelm_bulk_job_source on nelm_bulk_job (source_id, created);
create index nelm_bulk_job_status on nelm_bulk_job (status, heartbeat);

-- One row per committed batch of a job, written in the same transaction as the batch's records: its presence
-- is what makes a resumed job skip the batch. results_json holds the per-row outcomes of the batch.
create table nelm_bulk_batch (
    job_id        varchar(36)              not null references nelm_bulk_job (id) on delete cascade,
    batch_no      integer                  not null,
    created_count integer                  not null,
    updated_count integer                  not null,
    failed_count  integer                  not null,
    results_json  text                     not null,
    committed     timestamp with time zone not null,
    primary key (job_id, batch_no)
);

-- End-date reminders already sent: one per record and end date, so an extended end date is reminded again.
create table nelm_record_reminder (
    record_id varchar(36)              not null references nelm_record (id) on delete cascade,
    end_date  timestamp with time zone not null,
    sent      timestamp with time zone not null,
    primary key (record_id, end_date)
);
