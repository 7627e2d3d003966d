-- Authorization facts, multi-factor authentication, API tokens and the access log.

-- A client of a region: a person who receives services there. Their personal data is the
-- account (users) plus what later features add; every look at it is in access_log.
CREATE TABLE clients (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  region_id TEXT NOT NULL REFERENCES regions (id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX clients_region ON clients (region_id);

-- Which organizations serve or pay for a client (written by order routing): the "assigned
-- provider" and "purchaser of the client's services" relations of the policy.
CREATE TABLE client_relations (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  relation TEXT NOT NULL CHECK (relation IN ('provider', 'purchaser')),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX client_relations_client ON client_relations (client_id);
CREATE INDEX client_relations_organization ON client_relations (organization_id);

-- TOTP: the active secret, one waiting for its first code, the last time step used (a code
-- works once). Demo accounts need no second factor when the server runs in demo mode.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN demo_account INTEGER NOT NULL DEFAULT 0;
-- When this session proved a second factor.
ALTER TABLE sessions ADD COLUMN mfa_verified_at TEXT;

-- Ten single-use recovery codes per user; digests only.
CREATE TABLE mfa_recovery_codes (
  user_id TEXT NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);

-- Organization API tokens: the secret is shown once; its SHA-256 is kept.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  region_id TEXT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT,
  revoked_by TEXT
);
CREATE INDEX api_tokens_organization ON api_tokens (organization_id);

-- Who looked at or changed whose data, and why. Append-only: the trigger refuses DELETE and every
-- UPDATE except sealing. Each entry is written in the transaction of the access it records, and
-- sealed moments later into the hash chain of its region (or 'platform'): seq, prev_hash and
-- hash = SHA-256 of its fields and the previous hash, so `allmende verify-access-log` finds any
-- edit. Sealing apart from the access keeps the chain head from serializing every request.
CREATE TABLE access_log (
  id TEXT PRIMARY KEY,
  chain TEXT NOT NULL,
  seq BIGINT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  organization_id TEXT,
  organization_name TEXT,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  client_id TEXT,
  purpose TEXT NOT NULL,
  request_id TEXT NOT NULL,
  prev_hash TEXT,
  hash TEXT,
  UNIQUE (chain, seq)
);
CREATE INDEX access_log_client ON access_log (client_id, at);
CREATE INDEX access_log_actor ON access_log (actor_id, at);
CREATE INDEX access_log_unsealed ON access_log (chain, at) WHERE hash IS NULL;
-- Sealing sets seq, prev_hash and hash once; nothing else ever changes.
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.hash IS NOT NULL OR NEW.hash IS NULL
     OR (NEW.id, NEW.chain, NEW.at, NEW.actor_id, NEW.actor_name, NEW.actor_role, NEW.organization_id, NEW.organization_name, NEW.action, NEW.subject_type, NEW.subject_id, NEW.client_id, NEW.purpose, NEW.request_id) IS DISTINCT FROM (OLD.id, OLD.chain, OLD.at, OLD.actor_id, OLD.actor_name, OLD.actor_role, OLD.organization_id, OLD.organization_name, OLD.action, OLD.subject_type, OLD.subject_id, OLD.client_id, OLD.purpose, OLD.request_id) THEN
    RAISE EXCEPTION 'access_log is append-only';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();

-- The newest sealed entry of each chain; its row is the lock that orders sealing.
CREATE TABLE access_log_heads (
  chain TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
CREATE FUNCTION access_log_heads_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log_heads rows are kept';
END
$$;
CREATE TRIGGER access_log_heads_keep BEFORE DELETE ON access_log_heads
  FOR EACH ROW EXECUTE FUNCTION access_log_heads_keep();
