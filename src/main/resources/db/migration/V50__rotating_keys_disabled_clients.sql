-- Signing keys rotate. The active key signs; a retired key (retired = when it stopped signing) only verifies the
-- tokens it signed until they have expired, so its private key is erased when it retires.
alter table nelm_signing_key add column retired timestamp with time zone;
alter table nelm_signing_key alter column private_pem drop not null;

-- A client that may no longer get tokens (demo clients on a database started without demo mode).
alter table nelm_api_client add column disabled timestamp with time zone;

-- The lock rows also serialize work that parallel nodes must do once: creating or rotating the signing key,
-- and the demo accounts' start-up work.
insert into nelm_limit_lock (name) values ('signing-keys');
insert into nelm_limit_lock (name) values ('demo-accounts');
