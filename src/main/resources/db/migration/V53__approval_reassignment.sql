-- Reassignments of approval items (extension, docs/workflow.md "Reassignment"): who handed a pending level from
-- whom to whom, when and why. The item's approver columns hold the current approver; these rows the way there.
create table nelm_approval_reassignment (
    id varchar(36) primary key,
    item_id varchar(36) not null references nelm_approval_item (id) on delete cascade,
    from_type varchar(32) not null,
    from_id varchar(255) not null,
    to_id varchar(255) not null,
    by_id varchar(255) not null,
    reassigned timestamp with time zone not null,
    comment varchar(4000)
);
create index nelm_approval_reassignment_item on nelm_approval_reassignment (item_id, reassigned);
