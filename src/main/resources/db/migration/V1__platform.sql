-- Signing keys shared by every node: tokens issued by one node verify on all of them.
create table nelm_signing_key (
    id          varchar(36)              not null primary key,
    private_pem text                     not null,
    public_pem  text                     not null,
    active      boolean                  not null,
    created     timestamp with time zone not null
);

-- OAuth client credentials: demo/application clients and personal access tokens (kind = PAT).
-- identity_id null means an application client without a user (applicationAuth only).
create table nelm_api_client (
    client_id                     varchar(64)              not null primary key,
    secret_hash                   varchar(100)             not null,
    kind                          varchar(16)              not null,
    name                          varchar(255)             not null,
    identity_id                   varchar(255),
    scopes                        varchar(2000)            not null,
    authorities                   varchar(2000),
    access_token_validity_seconds integer,
    expiration_date               timestamp with time zone,
    created                       timestamp with time zone not null,
    last_used                     timestamp with time zone
);
create index nelm_api_client_identity on nelm_api_client (identity_id, kind);

-- One row per organization-wide limit; locked FOR UPDATE so parallel writers cannot pass a limit.
create table nelm_limit_lock (
    name varchar(64) not null primary key
);
insert into nelm_limit_lock (name) values ('sources');
