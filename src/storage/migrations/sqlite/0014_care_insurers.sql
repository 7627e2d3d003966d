-- Care insurers (German Pflegekassen) pay the relief amount of § 45b SGB XI: an organization kind
-- of their own. A grant of theirs records the client's care grade (Pflegegrad 1–5).
--
-- SQLite cannot change a CHECK constraint in place, and rebuilding `organizations` would need
-- foreign keys off, which a migration's transaction cannot switch. Allowing one more value changes
-- no stored row, so the table's definition is edited in the schema, as SQLite's documentation
-- describes for such changes; the ALTER TABLE below bumps the schema cookie in the same
-- transaction, so every connection reads the new definition.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''volunteer_group'', ''integrator'', ''partner_company'')',
                  '''volunteer_group'', ''integrator'', ''partner_company'', ''care_insurer'')')
WHERE type = 'table' AND name = 'organizations';
PRAGMA writable_schema = OFF;
-- If the definition did not read as expected, nothing was replaced: fail here, loudly, rather than
-- record the migration with the old constraint (the CHECK of this scratch table refuses a 0).
CREATE TEMP TABLE migration_0014_check (widened INTEGER NOT NULL CHECK (widened = 1));
INSERT INTO migration_0014_check
SELECT instr(sql, '''care_insurer''') > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'organizations';
DROP TABLE migration_0014_check;
-- Also bumps the schema cookie, so every connection reads the widened definition: keep it here.
ALTER TABLE grants ADD COLUMN care_grade INTEGER CHECK (care_grade BETWEEN 1 AND 5);

-- The places of the German and Danish demo regions (the gazetteer's name_fi column holds the
-- local name).
INSERT INTO directory_places (code, kind, municipality_code, name_fi, name_sv, postal_codes) VALUES
  ('de-08417008', 'municipality', 'de-08417008', 'Balingen', NULL, '72336'),
  ('de-08417079', 'municipality', 'de-08417079', 'Albstadt', NULL, '72458 72459 72461'),
  ('de-08417031', 'municipality', 'de-08417031', 'Hechingen', NULL, '72379'),
  ('dk-159', 'municipality', 'dk-159', 'Gladsaxe', NULL, '2860 2880'),
  ('dk-151', 'municipality', 'dk-151', 'Ballerup', NULL, '2750'),
  ('dk-165', 'municipality', 'dk-165', 'Albertslund', NULL, '2620'),
  ('dk-173', 'municipality', 'dk-173', 'Lyngby-Taarbæk', NULL, '2800'),
  ('dk-187', 'municipality', 'dk-187', 'Vallensbæk', NULL, '2625 2665'),
  ('dk-190', 'municipality', 'dk-190', 'Furesø', NULL, '3500 3520');
