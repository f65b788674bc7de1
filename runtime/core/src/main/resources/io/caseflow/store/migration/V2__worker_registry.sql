-- The live worker registry: one row per run of a node (worker, server, embedded runtime). Runs
-- unchanged on H2 and PostgreSQL, like V1. Each node inserts its row at start, refreshes last_seen on
-- every heartbeat and sets stopped_at when it stops cleanly; a reader judges a row without a recent
-- last_seen (3 heartbeat intervals) as gone. Rows not seen for a day are deleted by any node.
CREATE TABLE worker (
    id                 VARCHAR(200) NOT NULL PRIMARY KEY,
    kind               VARCHAR(32)  NOT NULL,
    host               VARCHAR(255) NOT NULL,
    pid                BIGINT       NOT NULL,
    caseflow_version   VARCHAR(64)  NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen          TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at         TIMESTAMP WITH TIME ZONE,
    heartbeat_millis   BIGINT       NOT NULL,
    -- JSON arrays: the case apis it serves ([{"case", "api"}]), its handler names, the services it hosts.
    cases              ${text}      NOT NULL,
    handlers           ${text}      NOT NULL,
    services           ${text}      NOT NULL
);
CREATE INDEX worker_by_last_seen ON worker (last_seen);
