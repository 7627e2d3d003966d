-- The service plan of the advice desk (issue 20): the services agreed with a client, each with a
-- goal and a follow-up day. An item is publicly funded through one of the client's grants, a
-- self-paid service of the directory, or an association's or volunteers' activity named in words.
-- Goal, title and details say what the client told: sealed with the field cipher.
-- follow_up_date is a day in the region's time zone; version counts changes (If-Match).
CREATE TABLE plan_items (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  kind TEXT NOT NULL CHECK (kind IN ('grant', 'service', 'activity')),
  grant_id TEXT REFERENCES grants (id),
  service_id TEXT REFERENCES services (id),
  category TEXT NOT NULL,
  title TEXT,
  details TEXT,
  goal TEXT NOT NULL,
  follow_up_date TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'ended')),
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  ended_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((kind = 'grant') = (grant_id IS NOT NULL)),
  CHECK ((kind = 'service') = (service_id IS NOT NULL)),
  CHECK (kind <> 'activity' OR title IS NOT NULL),
  CHECK ((state = 'ended') = (ended_at IS NOT NULL))
) STRICT;
CREATE INDEX plan_items_client ON plan_items (client_id, state, follow_up_date);
-- A grant or a service is on a client's plan once while active (an activity may come twice).
CREATE UNIQUE INDEX plan_items_active_grant ON plan_items (client_id, grant_id) WHERE state = 'active' AND grant_id IS NOT NULL;
CREATE UNIQUE INDEX plan_items_active_service ON plan_items (client_id, service_id) WHERE state = 'active' AND service_id IS NOT NULL;
