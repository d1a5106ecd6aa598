-- Non-employee sources: the policy (approvers, account managers, owner) and the account schema.
create table nelm_source (
    id                   varchar(36)              not null primary key,
    source_id            varchar(36)              not null unique,   -- the "platform source id" of the contract
    cloud_external_id    varchar(32)              not null unique,
    name                 varchar(255)             not null,
    description          varchar(4000)            not null,
    owner_id             varchar(255)             not null,
    management_workgroup varchar(255),
    created              timestamp with time zone not null,
    modified             timestamp with time zone not null
);
create index nelm_source_created on nelm_source (created, id);
create index nelm_source_name on nelm_source (name, id);

-- Ordered approval levels (0..3). type: IDENTITY | GOVERNANCE_GROUP
create table nelm_source_approver (
    source_id   varchar(36)  not null references nelm_source (id) on delete cascade,
    position    integer      not null,
    type        varchar(20)  not null,
    approver_id varchar(255) not null,
    primary key (source_id, position)
);

-- Account managers (0..10 identities).
create table nelm_source_account_manager (
    source_id   varchar(36)  not null references nelm_source (id) on delete cascade,
    position    integer      not null,
    identity_id varchar(255) not null,
    primary key (source_id, position)
);
create index nelm_source_account_manager_identity on nelm_source_account_manager (identity_id);

-- Account schema: 8 system attributes + up to 10 custom ones, unique technical name per source.
create table nelm_schema_attribute (
    id             varchar(36)              not null primary key,
    source_id      varchar(36)              not null references nelm_source (id) on delete cascade,
    position       integer                  not null,
    system         boolean                  not null,
    type           varchar(20)              not null,
    label          varchar(255)             not null,
    technical_name varchar(255)             not null,
    help_text      varchar(4000),
    placeholder    varchar(4000),
    required       boolean                  not null,
    created        timestamp with time zone not null,
    modified       timestamp with time zone not null,
    constraint nelm_schema_attribute_name unique (source_id, technical_name)
);
create index nelm_schema_attribute_source on nelm_schema_attribute (source_id, position);
