-- The idempotent inbox of a service (seed, Case 4): one row per task id applied, with the reply
-- that was sent, so a repeated request is recognised and answered the same way.
CREATE TABLE caseflow_inbox (
    task_id     VARCHAR(1024) NOT NULL PRIMARY KEY,
    command     VARCHAR(200)  NOT NULL,
    reply       ${text},
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    repeats     INTEGER       NOT NULL DEFAULT 0
);
