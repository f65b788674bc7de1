-- What a process carries (its input and free data) moves out of the process row, and the copy of every
-- stage's result goes: a transition updates the process row, and both H2 and PostgreSQL rewrite a whole
-- row on update, so a row holding documents made every transition's cost grow with them (16 KB per stage:
-- 20x slower). The process row is now small and fixed; the payload row is written at the start and again
-- only when a stage changes the free data; each result is written once, as its stage run's output, and
-- read from there (results were always also kept there). Runs unchanged on H2 and PostgreSQL.
CREATE TABLE process_payload (
    process_id VARCHAR(36) NOT NULL PRIMARY KEY,
    input      ${text}     NOT NULL,
    data       ${text}     NOT NULL
);
INSERT INTO process_payload (process_id, input, data) SELECT id, input, data FROM process;
ALTER TABLE process DROP COLUMN input;
ALTER TABLE process DROP COLUMN data;
ALTER TABLE process DROP COLUMN results;
