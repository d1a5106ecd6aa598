-- accountName is unique among a source's open requests, enforced by the database instead of a source-wide lock
-- (which serialized every intake of a source): open_account_name holds the name while the request is PENDING
-- and is NULL once it ended. NULLs never collide, so this is the portable form of a partial unique index
-- (H2 has none).
alter table nelm_request add column open_account_name varchar(255);
update nelm_request set open_account_name = account_name where approval_status = 'PENDING';
create unique index nelm_request_open_account on nelm_request (source_id, open_account_name);
