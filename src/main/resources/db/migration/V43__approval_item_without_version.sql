-- A decision is now one conditional update on (request, level, status PENDING): two racing decisions are told
-- apart by the row lock and the status, so the version counter is no longer read by anything.
alter table nelm_approval_item drop column version;
