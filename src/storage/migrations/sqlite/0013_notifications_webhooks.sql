-- In-app notifications and organizations' webhook endpoints.

-- A notification, worded by the reader's web UI from kind and data in their language. The data
-- never names a client to a provider before acceptance.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  region_id TEXT,
  kind TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX notifications_created ON notifications (created_at);
-- "Was this already said about this subject?" (the funding job's warnings, once a period).
CREATE INDEX notifications_subject ON notifications (subject_id, kind, created_at);

-- Who it is for, by the keys of the live updates: a person ("user:usr_…"), an organization's staff
-- ("org:org_…"), a role in a region or organization ("role:coordinator@reg_…"). A person reached
-- through several keys has it once.
CREATE TABLE notification_audience (
  region_id TEXT,
  notification_id TEXT NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  audience TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (audience, created_at, notification_id)
) STRICT;
CREATE INDEX notification_audience_notification ON notification_audience (notification_id);

-- Who has read which notification (one notification may reach a whole organization).
CREATE TABLE notification_reads (
  region_id TEXT,
  user_id TEXT NOT NULL,
  notification_id TEXT NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  read_at TEXT NOT NULL,
  PRIMARY KEY (user_id, notification_id)
) STRICT;
CREATE INDEX notification_reads_notification ON notification_reads (notification_id);

-- Where an organization's own systems want to hear of changes. The secret signs each delivery
-- (HMAC-SHA256) and is sealed at rest; deliveries are outbox messages of channel 'webhook' whose
-- recipient is the endpoint's id.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  events TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  secret_hint TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_at TEXT,
  removed_by TEXT
) STRICT;
CREATE INDEX webhook_endpoints_organization ON webhook_endpoints (organization_id, active);
-- Each sender claims its own channel's due messages; the delivery log reads an endpoint's.
CREATE INDEX outbox_messages_channel_due ON outbox_messages (channel, status, next_attempt_at);
CREATE INDEX outbox_messages_webhook ON outbox_messages (recipient, created_at) WHERE channel = 'webhook';
