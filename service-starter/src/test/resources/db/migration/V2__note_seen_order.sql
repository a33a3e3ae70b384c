-- the order in which the consumer applied note events: one key's events must be applied in the order they were sent
ALTER TABLE note_seen ADD COLUMN seq BIGSERIAL;
ALTER TABLE note_seen ADD COLUMN text TEXT;
