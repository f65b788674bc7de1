-- Retention (issue 12): finished processes are deleted after a per-case period, by one sweeping node at a time.
-- Runs unchanged on H2 and PostgreSQL; ${finishedOnly} makes the new process index partial on PostgreSQL
-- (only COMPLETED and CANCELLED rows are in it, so a transition of a running process never touches it) and
-- is empty on H2, which has no partial indexes.

-- A period per case api, or per case for every api (case_api '*'). ISO-8601 text, or 'FOREVER'.
CREATE TABLE retention_policy (
    case_name  VARCHAR(100) NOT NULL,
    case_api   VARCHAR(100) NOT NULL,
    period     VARCHAR(64)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_name, case_api)
);

-- One row: the sweeper's lease (only its holder deletes) and what it did, for GET /api/retention.
CREATE TABLE retention_sweep (
    id               INTEGER      NOT NULL PRIMARY KEY,
    lease_owner      VARCHAR(200),
    lease_until      TIMESTAMP WITH TIME ZONE,
    default_period   VARCHAR(64),
    last_started_at  TIMESTAMP WITH TIME ZONE,
    last_finished_at TIMESTAMP WITH TIME ZONE,
    last_deleted     BIGINT       NOT NULL,
    deleted_total    BIGINT       NOT NULL,
    largest_batch    INTEGER      NOT NULL,
    last_error       VARCHAR(1000)
);
INSERT INTO retention_sweep (id, last_deleted, deleted_total, largest_batch) VALUES (1, 0, 0, 0);

-- Finished processes of a case api, oldest first: what a sweep batch takes (updated_at of a finished process
-- is when it finished; nothing changes a COMPLETED or CANCELLED process again).
CREATE INDEX process_finished ON process (case_name, case_api, status, updated_at) ${finishedOnly};
-- A deleted process's dead letters go with it.
CREATE INDEX dead_letter_by_process ON dead_letter (process_id);
