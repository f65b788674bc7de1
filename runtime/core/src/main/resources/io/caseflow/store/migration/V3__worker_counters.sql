-- Each registered node's counters (its Micrometer counters named caseflow.*: transitions, duplicates dropped
-- and dead letters by reason, ...), written with its heartbeat, so a server's /api/metrics can show the
-- whole deployment's totals, a worker's included. Runs unchanged on H2 and PostgreSQL. A node's rows go
-- with its registry record.
CREATE TABLE worker_counter (
    worker_id  VARCHAR(200) NOT NULL REFERENCES worker (id) ON DELETE CASCADE,
    meter      VARCHAR(200) NOT NULL,
    tags       VARCHAR(500) NOT NULL,
    total      BIGINT       NOT NULL,
    PRIMARY KEY (worker_id, meter, tags)
);
