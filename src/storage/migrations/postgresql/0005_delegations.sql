-- A relative or legal representative acting for a client: who granted it, for what, and when.
-- Revoking ends it at once; ended delegations are kept for the record.
CREATE TABLE delegations (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES users (id),
  delegate_id TEXT NOT NULL REFERENCES users (id),
  scope TEXT NOT NULL CHECK (scope IN ('all', 'services', 'access_log')),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  granted_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT
);
CREATE INDEX delegations_client ON delegations (client_id);
CREATE INDEX delegations_delegate ON delegations (delegate_id);
