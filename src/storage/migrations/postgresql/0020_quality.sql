-- Feedback, complaints and the providers' quality score (issue 21, src/quality/). A visit is
-- rated once by the client's side (changed in place while it may be); a complaint, deviation or
-- follow-up is a case that the region's coordinators take to closure; provider_quality keeps
-- each provider's latest score with what it was computed from. Free texts are sealed.
CREATE TABLE visit_ratings (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  visit_id TEXT NOT NULL UNIQUE REFERENCES visits (id),
  order_id TEXT NOT NULL REFERENCES orders (id),
  provider_id TEXT NOT NULL REFERENCES organizations (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  rated_by TEXT NOT NULL REFERENCES users (id),
  stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment_sealed TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX visit_ratings_provider ON visit_ratings (provider_id, created_at);
CREATE INDEX visit_ratings_client ON visit_ratings (client_id);
CREATE INDEX visit_ratings_region ON visit_ratings (region_id, created_at);

CREATE TABLE quality_cases (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  number INTEGER NOT NULL,  -- "#12" on the phone: one sequence per region
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'deviation', 'follow_up')),
  category TEXT NOT NULL CHECK (category IN ('quality_of_work', 'punctuality', 'conduct', 'safety', 'billing',
                                             'privacy', 'other', 'low_rating')),
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  state TEXT NOT NULL CHECK (state IN ('received', 'investigating', 'action_taken', 'closed')),
  client_id TEXT REFERENCES clients (user_id),
  order_id TEXT REFERENCES orders (id),
  visit_id TEXT REFERENCES visits (id),
  provider_id TEXT REFERENCES organizations (id),
  rating_id TEXT REFERENCES visit_ratings (id),
  filed_by TEXT NOT NULL REFERENCES users (id),
  filed_as TEXT NOT NULL,
  assignee_id TEXT REFERENCES users (id),
  description_sealed TEXT NOT NULL,
  resolution_sealed TEXT,
  upheld INTEGER CHECK (upheld IN (0, 1)),
  due_at TEXT NOT NULL,
  escalated_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (region_id, number),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX quality_cases_queue ON quality_cases (region_id, state, due_at);
CREATE INDEX quality_cases_filed_by ON quality_cases (filed_by, created_at);
CREATE INDEX quality_cases_client ON quality_cases (client_id, created_at);
CREATE INDEX quality_cases_provider ON quality_cases (provider_id, state, created_at);
-- A rating opens at most one follow-up.
CREATE UNIQUE INDEX quality_cases_rating ON quality_cases (rating_id) WHERE rating_id IS NOT NULL;

-- What happened to a case. `visibility` 'all': the person who filed it and the client's side see
-- it; 'staff': coordinators, the provider's admins and the purchaser's officers only.
CREATE TABLE quality_case_events (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES quality_cases (id),
  at TEXT NOT NULL,
  actor_id TEXT REFERENCES users (id),  -- NULL: the platform (an escalation)
  actor_role TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('filed', 'state', 'assigned', 'reply', 'note', 'escalated', 'attachment')),
  from_state TEXT,
  to_state TEXT,
  body_sealed TEXT,
  visibility TEXT NOT NULL CHECK (visibility IN ('all', 'staff'))
);
CREATE INDEX quality_case_events_case ON quality_case_events (case_id, at);

-- Files attached to a case, checked by content (images without their metadata, PDFs without
-- active content), at most 5 MB each and 5 a case, sealed at rest like every free text of a case.
-- `visibility` as for events: a provider's or purchaser's file is for the staff handling the case.
CREATE TABLE quality_attachments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES quality_cases (id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp', 'application/pdf')),
  byte_size INTEGER NOT NULL,
  data_sealed TEXT NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('all', 'staff')),
  uploaded_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX quality_attachments_case ON quality_attachments (case_id);

-- Each provider's latest score (quality_score.hpp) and its inputs, for the provider's page, the
-- routing cascade and the shop's ranking.
CREATE TABLE provider_quality (
  provider_id TEXT PRIMARY KEY REFERENCES organizations (id),
  region_id TEXT NOT NULL REFERENCES regions (id),
  score_permille INTEGER NOT NULL,
  rating_milli INTEGER,  -- the shrunk mean rating × 1000; NULL while the provider has no rating
  rating_count INTEGER NOT NULL,
  components TEXT NOT NULL,  -- JSON, as GET /providers/{id}/quality shows it
  computed_at TEXT NOT NULL
);
CREATE INDEX provider_quality_region ON provider_quality (region_id);

-- The region's counts of the last year (quality_score.hpp's QualityCounts as JSON), the prior of
-- every provider's score: computed by the daily job, so a rating recomputes one provider without
-- scanning the region.
CREATE TABLE region_quality (
  region_id TEXT PRIMARY KEY REFERENCES regions (id),
  counts TEXT NOT NULL,
  computed_at TEXT NOT NULL
);

-- Punctuality: how many minutes after the planned start a visit was checked in (negative when
-- early; whole minutes, cut toward zero), set at check-in; the quality score counts a visit begun within 15 minutes as on time.
ALTER TABLE visits ADD COLUMN checkin_delay_minutes INTEGER;
UPDATE visits SET checkin_delay_minutes =
  TRUNC(EXTRACT(EPOCH FROM (checked_in_at::timestamptz - starts_at::timestamptz)) / 60)::integer
  WHERE checked_in_at IS NOT NULL;
