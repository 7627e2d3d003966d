-- People who sign in. Installation-wide: one person may act in several regions and
-- organizations (memberships, with the tenancy issue). E-mail is stored lower-cased.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phone TEXT,
  language TEXT NOT NULL CHECK (language IN ('fi', 'sv', 'en', 'de', 'da')),
  password_hash TEXT,
  platform_role TEXT CHECK (platform_role IS NULL OR platform_role = 'platform_admin'),
  email_verified_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- Browser sessions. Only a digest of the cookie's secret is kept; the CSRF token is returned to
-- the page and must come back in X-CSRF-Token on every state-changing request.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  idle_expires_at TEXT NOT NULL,
  absolute_expires_at TEXT NOT NULL,
  revoked_at TEXT,
  user_agent TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed log-ins per account and per client address, for throttling across processes.
CREATE TABLE login_failures (
  throttle_key TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (throttle_key, failed_at);
