-- A client's offer to let someone act for them. The grant creates this row and e-mails a
-- single-use link (single_use_tokens, purpose "delegation") to the address, whether or not it has
-- an account, so the answer to the grant says nothing about the address. The delegation itself
-- is made when the owner of the mailbox accepts: then `delegation_id` names it.
CREATE TABLE delegation_invitations (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  email TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('all', 'services', 'access_log')),
  valid_until TEXT,
  granted_by TEXT NOT NULL REFERENCES users (id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'revoked', 'expired')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_by TEXT REFERENCES users (id),
  accepted_at TEXT,
  delegation_id TEXT REFERENCES delegations (id),
  CHECK ((status = 'accepted') = (delegation_id IS NOT NULL))
) STRICT;
CREATE INDEX delegation_invitations_client ON delegation_invitations (client_id, status);
