-- Fewer indexes on the process row (issue 14). Every transition updates that row, and an UPDATE costs one
-- entry per index: H2 removes the row from every index and adds it again, whatever changed; PostgreSQL adds
-- an entry to every index, since the current stage (indexed) changes on every transition. The profile of a
-- 10-stage case on H2 had the process update and its commit at half of the committing thread's time, most of
-- it in these indexes. Runs unchanged on H2 and PostgreSQL.

-- The unique idempotency key moves to a table of its own, written only when a start gives a key.
ALTER TABLE process DROP CONSTRAINT process_idempotency;
CREATE TABLE process_idempotency (
    case_name       VARCHAR(100) NOT NULL,
    case_api        VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    process_id      VARCHAR(36)  NOT NULL,
    PRIMARY KEY (case_name, case_api, idempotency_key)
);
INSERT INTO process_idempotency (case_name, case_api, idempotency_key, process_id)
    SELECT case_name, case_api, idempotency_key, id FROM process WHERE idempotency_key IS NOT NULL;

-- One index per case instead of two: by status, then by when the process last changed (for a finished one,
-- when it finished: what the retention sweep reads oldest first). A list by case version filters within it.
DROP INDEX process_by_case;
DROP INDEX process_finished;
CREATE INDEX process_by_case ON process (case_name, case_api, status, updated_at);
