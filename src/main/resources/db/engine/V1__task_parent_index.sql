-- The engine's schema has no index on ACT_RU_TASK(PARENT_TASK_ID_), yet every task completion looks up the
-- task's subtasks by it, so each decision scanned the whole task table (camunda/camunda#36824). Measured in
-- bench/workflow.sh: 1.3-2 ms and ~300 blocks per completion at a few thousand open tasks, growing with them.
create index NELM_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_);
