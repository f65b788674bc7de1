-- What processes carry (input, free data, every stage's output) as ${json}: UTF-8 bytes on H2, text on PostgreSQL
-- (unchanged there). H2 writes and reads a string column a character at a time and hashes each new string whole to
-- cache it; with bytes it copies arrays. The profile of stages returning 16 KB had those two at about 40 % of the
-- committing thread (issue 14). H2 converts the existing text to UTF-8 and keeps each column's NOT NULL; the
-- tables are rewritten once.
ALTER TABLE process_payload ALTER COLUMN input SET DATA TYPE ${json};
ALTER TABLE process_payload ALTER COLUMN data SET DATA TYPE ${json};
ALTER TABLE stage_run ALTER COLUMN output SET DATA TYPE ${json};
