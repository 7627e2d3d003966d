-- Organizations of a region: purchasers, providers, employers, associations, the integrator.
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  kind TEXT NOT NULL CHECK (kind IN ('welfare_area', 'municipality', 'employer', 'provider_company', 'association',
                                     'volunteer_group', 'integrator', 'partner_company')),
  name TEXT NOT NULL,
  business_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (region_id, name)
);

-- A person's role in an organization. Ended memberships are kept (revoked_at) for the record.
CREATE TABLE memberships (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX memberships_user ON memberships (user_id);
CREATE INDEX memberships_organization ON memberships (organization_id);

-- Invitations by e-mail. The link's secret is a single-use token (purpose 'invitation') whose
-- subject is the invitation id.
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  invited_by TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'revoked')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_by TEXT,
  accepted_at TEXT
);
CREATE INDEX invitations_organization ON invitations (organization_id);
