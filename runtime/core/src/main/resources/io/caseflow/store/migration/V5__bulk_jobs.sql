-- Bulk jobs: retry, cancel, retry-from-stage or migrate many processes as one server-side job. Runs unchanged
-- on H2 and PostgreSQL. The processes a job acts on are selected once, when it is created, into job_item
-- rows holding each process's step at that moment; the runner acts on a process only while it is still
-- at that step (the step fence), so after a crash a process acted on before it is recorded as moved on,
-- never acted on twice.
CREATE TABLE bulk_job (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    -- The request as JSON (selection and the kind's parameters), as the client sent it, canonicalised.
    request         ${text}      NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(200),
    requested_by    VARCHAR(200) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    total           INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The node running the job's batches now, until when (a lease: a node that dies loses it).
    lease_owner     VARCHAR(200),
    lease_until     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT bulk_job_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX bulk_job_by_state ON bulk_job (state, created_at);

CREATE TABLE bulk_job_item (
    job_id      VARCHAR(36)  NOT NULL REFERENCES bulk_job (id) ON DELETE CASCADE,
    process_id  VARCHAR(36)  NOT NULL,
    -- The process's step when the job selected it: the fence the action is applied under.
    step        BIGINT       NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    message     VARCHAR(1000),
    done_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_id, process_id)
);
CREATE INDEX bulk_job_item_by_state ON bulk_job_item (job_id, state, process_id);

-- Dead letters can be replayed (a copy of the message goes back to the queue it died in, through the
-- outbox) or discarded. Either settles the row; it stays for audit until retention removes it.
ALTER TABLE dead_letter ADD COLUMN state VARCHAR(16) DEFAULT 'DEAD' NOT NULL;
ALTER TABLE dead_letter ADD COLUMN settled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dead_letter ADD COLUMN settled_by VARCHAR(200);
CREATE INDEX dead_letter_by_state ON dead_letter (state, id);
