-- Regions: the unit an installation serves and the distribution key of every regional table.
-- Times are RFC 3339 UTC text on both backends, so one store implementation serves both and
-- text order is time order.
CREATE TABLE regions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  country TEXT NOT NULL CHECK (country IN ('FI', 'DE', 'DK')),
  time_zone TEXT NOT NULL,
  default_language TEXT NOT NULL CHECK (default_language IN ('fi', 'sv', 'en', 'de', 'da')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

-- Responses to POSTs sent with an Idempotency-Key, kept so that a retry gets the same answer
-- and never a second record. Written in the same transaction as the change itself.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status BIGINT NOT NULL,
  response_body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, idempotency_key)
);
