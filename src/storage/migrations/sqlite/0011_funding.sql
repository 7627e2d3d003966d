-- Funding: who pays for a client's services. Amounts and rates set by law are data per region
-- with the date they take effect; a client's grants are the decisions that say who pays for
-- what; each delivery's draw on a grant is recorded once, so balances are sums over it.

-- An amount or rate by law or by a purchaser's decision ('relief.monthly_amount' 13100 cents
-- from 2025-01-01, 'household_deduction.rate' 3500 basis points), with its legal basis.
CREATE TABLE funding_rates (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  rate_key TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  unit TEXT NOT NULL CHECK (unit IN ('cents', 'basis_points')),
  currency TEXT,
  legal_basis TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region_id, rate_key, effective_from)
) STRICT;

-- A purchaser's public list of providers approved for its service vouchers (FI Act 569/2009)
-- or for free choice (DK), per service category.
CREATE TABLE voucher_approvals (
  purchaser_id TEXT NOT NULL REFERENCES organizations (id),
  provider_id TEXT NOT NULL REFERENCES organizations (id),
  category TEXT NOT NULL,
  region_id TEXT NOT NULL REFERENCES regions (id),
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  PRIMARY KEY (purchaser_id, provider_id, category)
) STRICT;

-- A decision that someone pays for a client's services: a voucher, a purchased service with a
-- client fee, a periodic budget (DE relief amount), an employer benefit, a free-choice decision.
-- `quantity` is per `period` in `unit` (minutes for hours, visits, cents for money); a budget
-- whose quantity is NULL accrues the region's rate `rate_key` in force each month.
CREATE TABLE grants (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  payer_id TEXT NOT NULL REFERENCES organizations (id),
  kind TEXT NOT NULL CHECK (kind IN ('voucher', 'purchased_service', 'periodic_budget', 'employer_benefit',
                                     'free_choice')),
  categories TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('hour', 'visit', 'money')),
  quantity INTEGER CHECK (quantity >= 0),
  period TEXT NOT NULL CHECK (period IN ('week', 'month', 'year', 'none')),
  rate_key TEXT,
  value_cents INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  fee_cents INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
  fee_unit TEXT CHECK (fee_unit IN ('hour', 'visit')),
  copay_basis_points INTEGER NOT NULL DEFAULT 0 CHECK (copay_basis_points BETWEEN 0 AND 10000),
  copay_cents INTEGER NOT NULL DEFAULT 0 CHECK (copay_cents >= 0),
  currency TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  decision_reference TEXT NOT NULL,
  decided_by TEXT NOT NULL REFERENCES users (id),
  insurance_number TEXT,
  state TEXT NOT NULL CHECK (state IN ('active', 'ended')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX grants_client ON grants (client_id, valid_from);
CREATE INDEX grants_payer ON grants (payer_id);

-- What one delivery drew from a grant, on the delivery's local date: one row per grant and
-- visit, so a retried check-out never draws twice.
CREATE TABLE grant_uses (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  grant_id TEXT NOT NULL REFERENCES grants (id),
  visit_id TEXT NOT NULL,
  use_date TEXT NOT NULL,
  minutes INTEGER NOT NULL DEFAULT 0,
  visits INTEGER NOT NULL DEFAULT 0,
  amount_cents INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (grant_id, visit_id)
) STRICT;
CREATE INDEX grant_uses_grant ON grant_uses (grant_id, use_date);
