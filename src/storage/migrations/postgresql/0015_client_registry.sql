-- The client registry of the advice desk (issue 20): birth date, address, the Finnish identity
-- code (sealed, found by a keyed digest), merged duplicates, consents, and advice contacts with
-- their topics. (The names are searched in memory: clients/name_index.hpp.) A client registered at the service point may
-- have no e-mail address.
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE clients ADD COLUMN birth_date TEXT;
ALTER TABLE clients ADD COLUMN street TEXT;
ALTER TABLE clients ADD COLUMN postal_code TEXT;
ALTER TABLE clients ADD COLUMN city TEXT;
ALTER TABLE clients ADD COLUMN municipality_code TEXT;
-- The Finnish personal identity code: sealed (storage/field_cipher.hpp), found by a keyed digest.
ALTER TABLE clients ADD COLUMN identity_code TEXT;
ALTER TABLE clients ADD COLUMN identity_code_digest TEXT;
-- What may be shown: the birth date and century part, the rest hidden ("131052-****").
ALTER TABLE clients ADD COLUMN identity_code_masked TEXT;
-- A record merged into another (a duplicate) keeps its id for the references that still name it
-- and leads to the record that remains.
ALTER TABLE clients ADD COLUMN merged_into TEXT REFERENCES clients (user_id);
ALTER TABLE clients ADD COLUMN merged_at TEXT;
CREATE UNIQUE INDEX clients_identity_code ON clients (identity_code_digest)
  WHERE identity_code_digest IS NOT NULL AND merged_into IS NULL;
CREATE INDEX clients_birth_date ON clients (region_id, birth_date);
-- A client's access log includes the entries of the records merged into theirs.
CREATE INDEX clients_merged_into ON clients (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX users_phone ON users (phone);

-- A client's consent to something done on their behalf: an order an advisor placed, and with it
-- the provider's access to what the delivery needs. Withdrawn or past `valid_until`, it no longer
-- lets the provider in (the policy reads it through client_relations.consent_id).
CREATE TABLE client_consents (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  purpose TEXT NOT NULL CHECK (purpose IN ('order')),
  organization_id TEXT REFERENCES organizations (id),
  order_id TEXT,
  given_how TEXT NOT NULL CHECK (given_how IN ('phone', 'in_person', 'written', 'digital')),
  given_by TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  valid_until TEXT,
  withdrawn_at TEXT,
  withdrawn_by TEXT REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX client_consents_client ON client_consents (client_id, created_at);
ALTER TABLE client_relations ADD COLUMN consent_id TEXT REFERENCES client_consents (id);
ALTER TABLE orders ADD COLUMN consent_id TEXT REFERENCES client_consents (id);

-- What advice contacts are about: a taxonomy kept as data, with its translations.
CREATE TABLE advice_topics (
  code TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_de TEXT NOT NULL,
  name_da TEXT NOT NULL
);
INSERT INTO advice_topics (code, position, name_fi, name_sv, name_en, name_de, name_da) VALUES
  ('home_help', 1, 'Kotiapu ja siivous', 'Hemhjälp och städning', 'Home help and cleaning', 'Haushaltshilfe und Reinigung', 'Praktisk hjælp og rengøring'),
  ('care', 2, 'Hoiva ja hoito', 'Vård och omsorg', 'Care and nursing', 'Pflege und Betreuung', 'Pleje og omsorg'),
  ('meals', 3, 'Ateriat ja kauppa-asiat', 'Måltider och inköp', 'Meals and shopping', 'Mahlzeiten und Einkauf', 'Mad og indkøb'),
  ('safety', 4, 'Turvallisuus ja turvapuhelin', 'Trygghet och trygghetstelefon', 'Safety and alarms', 'Sicherheit und Hausnotruf', 'Tryghed og nødkald'),
  ('mobility', 5, 'Liikkuminen ja kuljetus', 'Rörlighet och transport', 'Mobility and transport', 'Mobilität und Fahrdienste', 'Mobilitet og kørsel'),
  ('housing', 6, 'Asuminen ja kodin muutostyöt', 'Boende och bostadsanpassning', 'Housing and home adaptations', 'Wohnen und Wohnraumanpassung', 'Bolig og boligindretning'),
  ('funding', 7, 'Palvelusetelit, tuet ja maksut', 'Servicesedlar, stöd och avgifter', 'Vouchers, support and fees', 'Gutscheine, Leistungen und Kosten', 'Tilskud, støtte og betaling'),
  ('relatives', 8, 'Omaishoito ja läheiset', 'Närståendevård och anhöriga', 'Family carers and relatives', 'Pflegende Angehörige', 'Pårørende'),
  ('social', 9, 'Yksinäisyys ja harrastukset', 'Ensamhet och fritid', 'Loneliness and leisure', 'Einsamkeit und Freizeit', 'Ensomhed og fritid'),
  ('digital', 10, 'Digituki', 'Digitalt stöd', 'Digital help', 'Digitale Hilfe', 'Digital hjælp'),
  ('complaint', 11, 'Palaute ja muistutus', 'Respons och anmärkning', 'Feedback and complaints', 'Rückmeldung und Beschwerde', 'Feedback og klage'),
  ('other', 12, 'Muu asia', 'Annat', 'Other', 'Sonstiges', 'Andet');

-- Each call, visit at the service point, home visit, chat or e-mail with a client. The note is
-- sensitive free text: sealed at rest.
CREATE TABLE advice_contacts (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions (id),
  client_id TEXT NOT NULL REFERENCES clients (user_id),
  advisor_id TEXT NOT NULL REFERENCES users (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'service_point', 'home_visit', 'chat', 'email')),
  topics TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 600),
  outcome TEXT NOT NULL CHECK (outcome IN ('informed', 'order_placed', 'referred', 'follow_up', 'no_action')),
  note TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX advice_contacts_client ON advice_contacts (client_id, occurred_at);
