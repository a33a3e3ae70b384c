-- Dead letters and the records parked behind them (org.runonce.starter.events.ParkedEvents), per consumer group.
-- A record that can never be processed is a DEAD_LETTER here (and copied to <topic>.dlt); later records of the same
-- key (aggregate) are parked as WAITING instead of being applied out of order. While a key has PARKED rows, its new
-- records park too. Replaying a key republishes its rows in seq order; each one applied becomes APPLIED.
-- A platform migration (V0_x) added after services had their own V1..: runs out of order (spring.flyway.out-of-order).
CREATE TABLE IF NOT EXISTS parked_event
(
  id               UUID                     NOT NULL PRIMARY KEY,
  seq              BIGSERIAL                NOT NULL,
  consumer_group   TEXT                     NOT NULL,
  topic            TEXT                     NOT NULL,
  record_partition INT                      NOT NULL,
  record_offset    BIGINT                   NOT NULL,
  record_key       TEXT,
  record_value     BYTEA,
  content_type     TEXT,
  kind             TEXT                     NOT NULL CHECK (kind IN ('DEAD_LETTER', 'WAITING')),
  state            TEXT                     NOT NULL CHECK (state IN ('PARKED', 'APPLIED', 'DISCARDED')),
  error            TEXT,
  attempts         INT                      NOT NULL DEFAULT 1,
  parked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  replayed_at      TIMESTAMP WITH TIME ZONE,
  resolved_at      TIMESTAMP WITH TIME ZONE,
  resolved_by      TEXT,
  UNIQUE (consumer_group, topic, record_partition, record_offset)
);
CREATE INDEX IF NOT EXISTS parked_event_queue ON parked_event (consumer_group, topic, record_key, seq) WHERE state = 'PARKED';
