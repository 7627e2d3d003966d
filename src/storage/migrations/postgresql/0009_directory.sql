-- The service directory: the taxonomy and gazetteer it is described with (reference data, filled
-- by 0010), providers' public profiles, services with their draft and published content, the
-- history of each service's review, and images.

-- The maintained taxonomy of services, with a name in each language of the platform.
CREATE TABLE directory_categories (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_de TEXT NOT NULL,
  name_da TEXT NOT NULL
);

-- Municipalities and their districts, by national code ('fi-837', 'fi-837-hervanta'): what a
-- service area names and what place words in a search are understood as.
CREATE TABLE directory_places (
  code TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('municipality', 'district')),
  municipality_code TEXT NOT NULL,
  name_fi TEXT NOT NULL,
  name_sv TEXT,
  postal_codes TEXT NOT NULL DEFAULT ''
);

-- A provider organization's public profile. Lists and localized texts are JSON.
CREATE TABLE provider_profiles (
  organization_id TEXT PRIMARY KEY REFERENCES organizations (id),
  region_id TEXT NOT NULL REFERENCES regions (id),
  description TEXT NOT NULL DEFAULT '{}',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '[]',
  area TEXT NOT NULL DEFAULT '{}',
  quality_labels TEXT NOT NULL DEFAULT '[]',
  insurance TEXT NOT NULL DEFAULT '',
  accessibility TEXT NOT NULL DEFAULT '{}',
  logo_image_id TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- A service. `published_content` is what the public sees (NULL until first published);
-- `draft_content` the provider's working copy under edit or review (NULL when none is open).
-- Both are the JSON of directory::ServiceContent.
CREATE TABLE services (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'changes_requested', 'published', 'archived')),
  published_content TEXT,
  draft_content TEXT,
  published_at TEXT,
  review_comment TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (state <> 'published' OR published_content IS NOT NULL),
  CHECK (state NOT IN ('draft', 'in_review', 'changes_requested') OR draft_content IS NOT NULL)
);
CREATE INDEX services_organization ON services (organization_id, updated_at);
CREATE INDEX services_region_state ON services (region_id, state, updated_at);

-- Who did what to a service, when: the review's history.
CREATE TABLE service_events (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  service_id TEXT NOT NULL REFERENCES services (id),
  action TEXT NOT NULL CHECK (action IN ('created', 'edited', 'submitted', 'withdrawn', 'changes_requested',
                                         'published', 'archived')),
  actor_id TEXT NOT NULL REFERENCES users (id),
  comment TEXT,
  at TEXT NOT NULL
);
CREATE INDEX service_events_service ON service_events (service_id, at);

-- Images of services and logos, checked by their bytes (PNG, JPEG or WebP only) and size-limited
-- on upload; always served with their checked type, never as HTML.
CREATE TABLE directory_images (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  byte_size INTEGER NOT NULL,
  data_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX directory_images_organization ON directory_images (organization_id);
