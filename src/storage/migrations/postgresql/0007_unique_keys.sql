-- A business id names one organization per region: the directory and billing must never see two
-- providers where there is one. Organizations without one (associations, groups) are not affected.
-- Twins made before this constraint keep the oldest's business id; the later ones lose theirs (so
-- that the index can be built and the server starts), and their admins see it missing.
UPDATE organizations SET business_id = NULL
WHERE business_id IS NOT NULL AND EXISTS (
  SELECT 1 FROM organizations o
  WHERE o.region_id = organizations.region_id AND o.business_id = organizations.business_id
    AND (o.created_at < organizations.created_at OR (o.created_at = organizations.created_at AND o.id < organizations.id)));
CREATE UNIQUE INDEX organizations_business_id ON organizations (region_id, business_id);

-- One active delegation per client and delegate. Duplicates left by retried requests before this
-- constraint are ended (the oldest stays), so the index can be built.
UPDATE delegations SET revoked_at = created_at, revoked_by = 'migration-0007'
WHERE revoked_at IS NULL AND EXISTS (
  SELECT 1 FROM delegations o
  WHERE o.client_id = delegations.client_id AND o.delegate_id = delegations.delegate_id AND o.revoked_at IS NULL
    AND (o.created_at < delegations.created_at OR (o.created_at = delegations.created_at AND o.id < delegations.id)));
CREATE UNIQUE INDEX delegations_one_active ON delegations (client_id, delegate_id) WHERE revoked_at IS NULL;
