-- The test service's own tables; the starter's platform migrations (V0_1, V0_2) run before.
CREATE TABLE note
(
  id   TEXT PRIMARY KEY,
  text TEXT NOT NULL
);

-- one row per application of the consumer's effect, deliberately without a unique key
CREATE TABLE note_seen
(
  event_id TEXT NOT NULL,
  note_id  TEXT NOT NULL
);
