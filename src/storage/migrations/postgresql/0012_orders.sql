-- Orders: framework agreements between purchasers and providers, orders and their lifecycle,
-- offers made by the routing cascade, visits with check-in and check-out, the timeline each
-- party sees, and the message thread of an order.

-- A purchaser's framework agreement with a provider: what, where, at what price, how much a
-- week, in which rank, and the cancellation and failed-visit rules.
CREATE TABLE framework_agreements (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  purchaser_id TEXT NOT NULL REFERENCES organizations (id),
  provider_id TEXT NOT NULL REFERENCES organizations (id),
  categories TEXT NOT NULL,
  municipalities TEXT NOT NULL,
  languages TEXT NOT NULL,
  price_model TEXT NOT NULL CHECK (price_model IN ('hourly', 'per_visit')),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  currency TEXT NOT NULL,
  vat_rate_bp INTEGER NOT NULL DEFAULT 0,
  billing_unit_minutes INTEGER NOT NULL CHECK (billing_unit_minutes BETWEEN 1 AND 240),
  minimum_minutes INTEGER NOT NULL DEFAULT 0,
  weekly_capacity_minutes INTEGER NOT NULL CHECK (weekly_capacity_minutes >= 0),
  agreement_rank INTEGER NOT NULL CHECK (agreement_rank >= 1),
  offer_count INTEGER NOT NULL DEFAULT 1 CHECK (offer_count BETWEEN 1 AND 10),
  response_minutes INTEGER NOT NULL CHECK (response_minutes >= 5),
  late_cancel_hours INTEGER NOT NULL DEFAULT 24,
  late_cancel_charge_bp INTEGER NOT NULL DEFAULT 5000 CHECK (late_cancel_charge_bp BETWEEN 0 AND 10000),
  no_show_charge_bp INTEGER NOT NULL DEFAULT 10000 CHECK (no_show_charge_bp BETWEEN 0 AND 10000),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  state TEXT NOT NULL CHECK (state IN ('active', 'ended')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX framework_agreements_purchaser ON framework_agreements (purchaser_id);
CREATE INDEX framework_agreements_provider ON framework_agreements (provider_id);

-- An order for a client. Address, door code and the needs text are sealed (field encryption).
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  origin TEXT NOT NULL CHECK (origin IN ('purchaser', 'shop', 'employer')),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  ordered_by TEXT NOT NULL REFERENCES users (id),
  purchaser_id TEXT REFERENCES organizations (id),
  category TEXT NOT NULL,
  service_id TEXT,
  municipality_code TEXT NOT NULL,
  district_code TEXT,
  language TEXT NOT NULL,
  needs_sealed TEXT NOT NULL DEFAULT '',
  address_sealed TEXT NOT NULL DEFAULT '',
  door_code_sealed TEXT NOT NULL DEFAULT '',
  contact_phone_sealed TEXT NOT NULL DEFAULT '',
  recurrence TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
  first_date TEXT NOT NULL,
  grants TEXT NOT NULL DEFAULT '[]',
  tasks TEXT NOT NULL DEFAULT '[]',
  chosen_provider_id TEXT REFERENCES organizations (id),
  provider_id TEXT REFERENCES organizations (id),
  agreement_id TEXT REFERENCES framework_agreements (id),
  worker_id TEXT REFERENCES users (id),
  price TEXT,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'routing', 'offered', 'escalated', 'accepted',
                                      'scheduled', 'in_progress', 'delivered', 'confirmed', 'declined',
                                      'expired', 'cancelled', 'failed', 'disputed')),
  escalation_reason TEXT,
  escalation_code TEXT,
  next_deadline TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX orders_board ON orders (region_id, state, updated_at);
CREATE INDEX orders_client ON orders (client_id, created_at);
CREATE INDEX orders_provider ON orders (provider_id, state);

-- An offer of an order to one provider; at most one per provider and order. `seq` is the time
-- of the offer in tenths of milliseconds, which fair rotation reads as "offered last when".
CREATE TABLE order_offers (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  order_id TEXT NOT NULL REFERENCES orders (id),
  provider_id TEXT NOT NULL REFERENCES organizations (id),
  seq BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
  offered_at TEXT NOT NULL,
  deadline TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  reason TEXT,
  UNIQUE (order_id, provider_id)
);
CREATE INDEX order_offers_provider ON order_offers (provider_id, state, deadline);
CREATE INDEX order_offers_open ON order_offers (state, deadline);
CREATE INDEX order_offers_rotation ON order_offers (region_id, provider_id, seq);

-- One visit of an order, planned in UTC from the order's local times.
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  order_id TEXT NOT NULL REFERENCES orders (id),
  provider_id TEXT NOT NULL REFERENCES organizations (id),
  worker_id TEXT REFERENCES users (id),
  local_date TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('planned', 'in_progress', 'delivered', 'confirmed', 'failed', 'cancelled',
                                      'disputed')),
  checked_in_at TEXT,
  checked_out_at TEXT,
  tasks TEXT NOT NULL DEFAULT '[]',
  note_sealed TEXT NOT NULL DEFAULT '',
  deviation TEXT,
  failure_reason TEXT,
  dispute_reason TEXT,
  charge_bp INTEGER,
  billable_minutes INTEGER,
  price_cents INTEGER,
  split TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (order_id, starts_at)
);
CREATE INDEX visits_worker_day ON visits (worker_id, local_date);
CREATE INDEX visits_provider_day ON visits (provider_id, local_date);
CREATE INDEX visits_due ON visits (region_id, state, ends_at);

-- What happened to an order, for the parties as far as their role allows: `audience` 'all'
-- (client, purchaser, provider, staff), 'staff' (integrator and purchaser) or 'provider'.
CREATE TABLE order_timeline (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  order_id TEXT NOT NULL REFERENCES orders (id),
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  kind TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  note TEXT,
  audience TEXT NOT NULL CHECK (audience IN ('all', 'staff', 'provider'))
);
CREATE INDEX order_timeline_order ON order_timeline (order_id, at);

-- The message thread of an order; bodies are sealed.
CREATE TABLE order_messages (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  order_id TEXT NOT NULL REFERENCES orders (id),
  author_id TEXT NOT NULL REFERENCES users (id),
  author_role TEXT NOT NULL,
  body_sealed TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX order_messages_order ON order_messages (order_id, at);

CREATE TABLE order_message_reads (
  message_id TEXT NOT NULL REFERENCES order_messages (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  read_at TEXT NOT NULL,
  PRIMARY KEY (message_id, user_id)
);
