-- Mails are written here in the transaction that caused them and sent after commit, with retries;
-- a failing mail server can delay a notification but never undo or block a decision.
create table nelm_mail_outbox (
    id           varchar(36)              not null primary key,
    recipient    varchar(255)             not null,
    subject      varchar(500)             not null,
    text_body    varchar(20000)           not null,
    html_body    varchar(40000)           not null,
    attempts     integer                  not null,
    next_attempt timestamp with time zone not null,
    sent         timestamp with time zone,
    last_error   varchar(2000),
    created      timestamp with time zone not null
);
create index nelm_mail_outbox_due on nelm_mail_outbox (sent, next_attempt);
