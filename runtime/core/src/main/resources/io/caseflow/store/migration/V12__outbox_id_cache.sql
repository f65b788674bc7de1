-- Fewer writes of the outbox's id sequence on H2 (issue 14). With a cache of 1,000 values, H2 wrote the sequence in a
-- commit of its own (a store and an fsync, on the committing thread) once per 1,000 outbox rows: 16 times a second at
-- 16,000 transitions/s, 3.8 % of the committing thread in the profile. ${idCache} is 100,000 on H2 (after a crash, up
-- to that many ids are skipped: ids only order and name rows, gaps mean nothing) and stays 1,000 on PostgreSQL.
ALTER TABLE outbox ALTER COLUMN id SET CACHE ${idCache};
ALTER TABLE dead_letter ALTER COLUMN id SET CACHE ${idCache};
