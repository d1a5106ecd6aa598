-- Source names are unique in the organization regardless of case ("Retail" and "retail" are one name):
-- name_key is the trimmed, lower-cased name, and its unique constraint backs the service's own check.
alter table nelm_source add column name_key varchar(255);
update nelm_source set name_key = lower(trim(name));
alter table nelm_source alter column name_key set not null;
alter table nelm_source add constraint nelm_source_name_key unique (name_key);
