-- The free data in a row of its own (issue 14). A stage that changes the data rewrote the whole payload row, input
-- included, and H2 also keeps the old row in its undo log until the commit: with 256 KB of input, every first data
-- change wrote 512 KB and copied 256 KB more. Now the input is written once, at the start, and a data change writes
-- the data alone. Runs unchanged on H2 and PostgreSQL.
CREATE TABLE process_data (
    process_id VARCHAR(36) NOT NULL PRIMARY KEY,
    data       ${json}     NOT NULL
);
INSERT INTO process_data (process_id, data) SELECT process_id, data FROM process_payload;
ALTER TABLE process_payload DROP COLUMN data;
