-- Out of office (extension, docs/workflow.md "Out of office"): while [starts, ends) lasts, levels routed to the
-- identity that start go to its delegate. One row per identity.
create table nelm_approval_delegation (
    identity_id varchar(255) primary key,
    delegate_id varchar(255) not null,
    starts timestamp with time zone not null,
    ends timestamp with time zone not null,
    comment varchar(4000),
    modified timestamp with time zone not null
);
