-- Follow-up tasks and referrals of the advice desk (issue 20). A task: "call Aino back in two
-- weeks", on the advisor's list and, once overdue, on the coordinators' board. The title may name
-- what the client told: sealed with the field cipher. due_date is a day in the region's time zone.
CREATE TABLE advice_tasks (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  assigned_to TEXT NOT NULL REFERENCES users (id),
  created_by TEXT NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  due_date TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'done')),
  done_at TEXT,
  done_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX advice_tasks_assignee ON advice_tasks (assigned_to, state, due_date);
CREATE INDEX advice_tasks_region ON advice_tasks (region_id, state, due_date);
CREATE INDEX advice_tasks_client ON advice_tasks (client_id);

-- Referrals (issue 20): the advisor refers a client to a purchaser (the welfare area, a
-- municipality, a care insurer) for a service-need assessment; it waits in the purchaser
-- officers' queue until they record the decision, which names the grant it became. The reason
-- and the decision's note are sealed.
CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  purchaser_id TEXT NOT NULL REFERENCES organizations (id),
  category TEXT NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'granted', 'declined')),
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  decided_by TEXT REFERENCES users (id),
  decided_at TEXT,
  grant_id TEXT REFERENCES grants (id),
  decision_note TEXT
) STRICT;
CREATE INDEX referrals_queue ON referrals (purchaser_id, state, created_at);
CREATE INDEX referrals_client ON referrals (client_id);
