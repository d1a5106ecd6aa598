-- Requests for new non-employees and their approval items (one per approval level).
-- approval_status / status: APPROVED | REJECTED | PENDING | NOT_READY | CANCELLED (the contract's ApprovalStatus).
create table nelm_request (
    id              varchar(36)              not null primary key,
    source_id       varchar(36)              not null references nelm_source (id) on delete cascade,
    requester_id    varchar(255),
    account_name    varchar(255)             not null,
    first_name      varchar(255)             not null,
    last_name       varchar(255)             not null,
    email           varchar(255)             not null,
    phone           varchar(255)             not null,
    manager         varchar(255)             not null,
    data_json       varchar(20000),
    start_date      timestamp with time zone not null,
    end_date        timestamp with time zone not null,
    approval_status varchar(16)              not null,
    comment         varchar(4000),
    completion_date timestamp with time zone,
    record_id       varchar(36),
    created         timestamp with time zone not null,
    modified        timestamp with time zone not null
);
-- accountName uniqueness among open requests of a source, list by source and by requester
create index nelm_request_account on nelm_request (source_id, account_name, approval_status);
create index nelm_request_source_created on nelm_request (source_id, created, id);
create index nelm_request_requester on nelm_request (requester_id, created);

-- approver_type: IDENTITY | GOVERNANCE_GROUP; routing_json = the routing decision's inputs and outputs
-- ("why this approver"); version guards against two decisions on one item.
create table nelm_approval_item (
    id             varchar(36)              not null primary key,
    request_id     varchar(36)              not null references nelm_request (id) on delete cascade,
    approval_order integer                  not null,
    approver_type  varchar(20)              not null,
    approver_id    varchar(255)             not null,
    status         varchar(16)              not null,
    comment        varchar(4000),
    decided_by     varchar(255),
    routing_json   varchar(4000),
    task_id        varchar(64),
    created        timestamp with time zone not null,
    modified       timestamp with time zone not null,
    version        integer                  not null,
    constraint nelm_approval_item_level unique (request_id, approval_order)
);
create index nelm_approval_item_approver on nelm_approval_item (approver_id, approver_type, status);
create index nelm_approval_item_task on nelm_approval_item (task_id);
