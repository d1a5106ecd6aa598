-- Non-employee records (accounts). Custom attribute values live in data_json (a JSON object of strings).
create table nelm_record (
    id           varchar(36)              not null primary key,
    source_id    varchar(36)              not null references nelm_source (id) on delete cascade,
    account_name varchar(255)             not null,
    first_name   varchar(255)             not null,
    last_name    varchar(255)             not null,
    email        varchar(255)             not null,
    phone        varchar(255)             not null,
    manager      varchar(255)             not null,
    data_json    varchar(20000),
    start_date   timestamp with time zone not null,
    end_date     timestamp with time zone not null,
    created      timestamp with time zone not null,
    modified     timestamp with time zone not null,
    constraint nelm_record_account unique (source_id, account_name)
);
