-- The transactional outbox: messages written in the same transaction as the change that causes
-- them, delivered by a sender in any server process that leases them (lease_owner, lease_until).
CREATE TABLE outbox_messages (
  id TEXT PRIMARY KEY,
  region_id TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;
CREATE INDEX outbox_messages_due ON outbox_messages (status, next_attempt_at);

-- Scheduled work: one row per (kind, run_key), so a periodic job scheduled by several processes
-- for the same period exists once, and runs once.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  run_key TEXT NOT NULL,
  region_id TEXT,
  run_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  payload TEXT NOT NULL DEFAULT '{}',
  last_error TEXT,
  finished_at TEXT,
  finished_by TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (kind, run_key)
) STRICT;
CREATE INDEX jobs_due ON jobs (status, run_at);

-- Single-use secrets (password-reset links, invitations, e-mail verification): only a hash is
-- kept; using one is a conditional UPDATE, so of two concurrent uses exactly one succeeds.
CREATE TABLE single_use_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  region_id TEXT,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
