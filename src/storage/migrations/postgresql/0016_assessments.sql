-- Needs assessment at the advice desk (issue 20): forms as data per region, in versions, and the
-- assessments given on one version each. A new version of a form is a new row with the same code;
-- an assessment names the row it was answered on, so an old answer keeps its questions. The
-- answers are details of a person's health and living: sealed with the field cipher.
CREATE TABLE assessment_forms (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  code TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  title TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (region_id, code, version)
);

CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  form_id TEXT NOT NULL REFERENCES assessment_forms (id),
  answers TEXT NOT NULL,
  score INTEGER NOT NULL,
  categories TEXT NOT NULL,
  filled_by TEXT NOT NULL REFERENCES users (id),
  filled_as TEXT NOT NULL CHECK (filled_as IN ('advisor', 'client', 'delegate')),
  created_at TEXT NOT NULL
);
CREATE INDEX assessments_client ON assessments (client_id, created_at);
