-- Idempotent consumers (org.runonce.starter.events.ProcessedEvents): one row per event a consumer has applied,
-- written in the same transaction as the effect.
CREATE TABLE processed_event
(
  consumer     TEXT                     NOT NULL,
  event_id     TEXT                     NOT NULL,
  processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
