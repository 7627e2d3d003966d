-- The billing basis (issue 21): a purchaser's billing run for a period collects the chargeable
-- visits of its orders not billed before (confirmed deliveries; a failed visit or a late
-- cancellation charged by the agreement's rule), one line per visit and payer share of its split
-- (src/dispatch/funding_split.hpp), priced when the visit ended. A draft can be collected again
-- or discarded; a locked run never changes, which the triggers below enforce in the database too.
-- Money is integer cents in the run's currency.
CREATE TABLE billing_runs (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  purchaser_id TEXT NOT NULL REFERENCES organizations (id),
  period_start TEXT NOT NULL,  -- first day, in the region's time zone
  period_end TEXT NOT NULL,    -- the day after the last
  currency TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'locked')),
  line_count BIGINT NOT NULL DEFAULT 0,
  total_cents BIGINT NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  collected_at TEXT NOT NULL,
  locked_by TEXT REFERENCES users (id),
  locked_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((state = 'locked') = (locked_at IS NOT NULL))
);
CREATE INDEX billing_runs_purchaser ON billing_runs (purchaser_id, period_start);
-- One draft per purchaser at a time: two drafts would bill the same visits twice.
CREATE UNIQUE INDEX billing_runs_one_draft ON billing_runs (purchaser_id) WHERE state = 'draft';

CREATE TABLE billing_lines (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES billing_runs (id),
  seq INTEGER NOT NULL,  -- the line's place in the run
  kind TEXT NOT NULL CHECK (kind IN ('charge', 'credit', 'debit')),
  corrects_line_id TEXT REFERENCES billing_lines (id),
  visit_id TEXT NOT NULL REFERENCES visits (id),
  share_index INTEGER NOT NULL,  -- the share of the visit's split this line bills
  order_id TEXT NOT NULL REFERENCES orders (id),
  provider_id TEXT NOT NULL REFERENCES organizations (id),
  client_id TEXT NOT NULL REFERENCES users (id),
  payer_kind TEXT NOT NULL CHECK (payer_kind IN ('organization', 'client')),
  payer_id TEXT NOT NULL,  -- an organization, or the client
  -- Who collects the amount: the provider, or the purchaser (a client fee under a purchased
  -- service, which the purchaser bills the client for).
  paid_to TEXT NOT NULL CHECK (paid_to IN ('provider', 'purchaser')),
  grant_id TEXT REFERENCES grants (id),
  visit_date TEXT NOT NULL,
  charge TEXT NOT NULL CHECK (charge IN ('delivery', 'no_show', 'late_cancellation')),
  charge_bp INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  visit_price_cents BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL,
  vat_rate_bp INTEGER NOT NULL,
  rule TEXT NOT NULL,          -- the split's rule for this share (voucher_per_hour, client_rest, ...)
  rate_cents BIGINT,          -- the rule's rate, when it has one
  basis_points INTEGER,        -- the rule's share, when it has one
  -- agreement:<id> or service:<id>; the price list itself is the order's as accepted (orders.price,
  -- which never changes after acceptance), not copied into every line.
  price_source TEXT NOT NULL,
  UNIQUE (run_id, seq)
);
CREATE INDEX billing_lines_provider ON billing_lines (provider_id, run_id);
-- A share of a visit is charged once, whichever run charged it.
CREATE UNIQUE INDEX billing_lines_charged_once ON billing_lines (visit_id, share_index) WHERE kind = 'charge';

CREATE FUNCTION billing_runs_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'locked' THEN
    RAISE EXCEPTION 'billing run is locked';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER billing_runs_locked BEFORE UPDATE OR DELETE ON billing_runs
  FOR EACH ROW EXECUTE FUNCTION billing_runs_locked();
CREATE FUNCTION billing_lines_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND (SELECT state FROM billing_runs WHERE id = OLD.run_id) = 'locked' THEN
    RAISE EXCEPTION 'billing run is locked';
  END IF;
  IF TG_OP <> 'DELETE' AND (SELECT state FROM billing_runs WHERE id = NEW.run_id) = 'locked' THEN
    RAISE EXCEPTION 'billing run is locked';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER billing_lines_locked BEFORE INSERT OR UPDATE OR DELETE ON billing_lines
  FOR EACH ROW EXECUTE FUNCTION billing_lines_locked();
-- TRUNCATE fires no row trigger: it is refused while any run is locked.
CREATE FUNCTION billing_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM billing_runs WHERE state = 'locked') THEN
    RAISE EXCEPTION 'billing runs are locked';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER billing_runs_no_truncate BEFORE TRUNCATE ON billing_runs
  FOR EACH STATEMENT EXECUTE FUNCTION billing_no_truncate();
CREATE TRIGGER billing_lines_no_truncate BEFORE TRUNCATE ON billing_lines
  FOR EACH STATEMENT EXECUTE FUNCTION billing_no_truncate();
