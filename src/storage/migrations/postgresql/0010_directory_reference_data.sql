-- Reference data of the service directory: the category taxonomy and the places of Pirkanmaa
-- (the welfare area of the demo region) that services and providers name as their area.
--
-- Source: public knowledge of Finnish municipality numbering (Statistics Finland's three-digit
-- municipality codes, the Swedish names the Institute for the Languages of Finland recommends)
-- and of Finnish postal codes (the postal areas as Statistics Finland names them for Tampere).
-- Municipalities list their main postal codes, not every one; a district lists the postal areas
-- that cover it, so two neighbouring districts can share one. A district with no code listed is
-- one whose postal area could not be told apart with confidence; it is found by name.
-- Kuhmoinen is absent: it moved from Pirkanmaa to Central Finland in 2021, and with it to that
-- welfare area.
-- Category positions step by ten so that a later category can go between two without renumbering.
-- Plain INSERTs, so the same file serves SQLite and PostgreSQL.

INSERT INTO directory_categories (code, position, name_fi, name_sv, name_en, name_de, name_da) VALUES
  ('home_help', 10, 'Kotiapu', 'Hemhjälp', 'Home help', 'Haushaltshilfe', 'Hjemmehjælp'),
  ('cleaning', 20, 'Siivous', 'Städning', 'Cleaning', 'Reinigung', 'Rengøring'),
  ('shopping', 30, 'Kauppa-apu', 'Inköpshjälp', 'Shopping help', 'Einkaufshilfe', 'Indkøbshjælp'),
  ('meals', 40, 'Ateriapalvelu', 'Matservice', 'Meal service', 'Mahlzeitendienst', 'Madservice'),
  ('safety_alarms', 50, 'Turvapuhelin ja turvapalvelut', 'Trygghetstelefon och trygghetstjänster', 'Safety phone and alarms', 'Hausnotruf', 'Nødkald og tryghedsalarm'),
  ('home_repairs', 60, 'Kodin korjaustyöt', 'Reparationer i hemmet', 'Home repairs', 'Reparaturen im Haushalt', 'Reparationer i hjemmet'),
  ('transport', 70, 'Kuljetus ja saattaja-apu', 'Transport och ledsagning', 'Transport and escort', 'Fahr- und Begleitdienst', 'Kørsel og ledsagelse'),
  ('nursing_care', 80, 'Kotisairaanhoito', 'Hemsjukvård', 'Home nursing', 'Häusliche Krankenpflege', 'Hjemmesygepleje'),
  ('child_care', 90, 'Lastenhoito', 'Barnpassning', 'Child care', 'Kinderbetreuung', 'Børnepasning'),
  ('relative_care', 100, 'Omaishoito ja lomitus', 'Närståendevård och avlösning', 'Family caregiving and respite', 'Pflege durch Angehörige und Entlastung', 'Pårørendepleje og aflastning'),
  ('advice_guidance', 110, 'Neuvonta ja ohjaus', 'Rådgivning och handledning', 'Advice and guidance', 'Beratung und Begleitung', 'Rådgivning og vejledning'),
  ('digital_help', 120, 'Digituki', 'Digitalt stöd', 'Digital help', 'Digitale Hilfe', 'Digital hjælp'),
  ('leisure_activities', 130, 'Virkistys ja harrastukset', 'Fritid och rekreation', 'Leisure activities', 'Freizeitangebote', 'Fritidsaktiviteter'),
  ('friendship_visits', 140, 'Ystäväpalvelu', 'Vänverksamhet', 'Friendship visits', 'Besuchsdienst', 'Besøgsven'),
  ('garden_yard', 150, 'Piha- ja puutarhatyöt', 'Trädgårds- och gårdsarbete', 'Garden and yard work', 'Garten- und Hofarbeiten', 'Have- og gårdarbejde'),
  ('laundry', 160, 'Pyykkipalvelu', 'Tvättservice', 'Laundry service', 'Wäscheservice', 'Vaskeservice'),
  ('personal_care', 170, 'Peseytymis- ja hygienia-apu', 'Hjälp med hygien och dusch', 'Personal care and bathing', 'Körperpflege', 'Personlig pleje og bad'),
  ('rehabilitation', 180, 'Kuntoutus', 'Rehabilitering', 'Rehabilitation', 'Rehabilitation', 'Genoptræning'),
  ('foot_care', 190, 'Jalkahoito', 'Fotvård', 'Foot care', 'Fußpflege', 'Fodpleje'),
  ('hairdressing', 200, 'Kampaamo- ja parturipalvelut', 'Frisör', 'Hairdressing', 'Friseur', 'Frisør');

INSERT INTO directory_places (code, kind, municipality_code, name_fi, name_sv, postal_codes) VALUES
  ('fi-020', 'municipality', 'fi-020', 'Akaa', NULL, '37800 37830 37910'),
  ('fi-108', 'municipality', 'fi-108', 'Hämeenkyrö', 'Tavastkyro', '39100'),
  ('fi-143', 'municipality', 'fi-143', 'Ikaalinen', 'Ikalis', '39500'),
  ('fi-180', 'municipality', 'fi-180', 'Juupajoki', NULL, '35500 35540'),
  ('fi-211', 'municipality', 'fi-211', 'Kangasala', NULL, '36200 36110 36340 36420 36810'),
  ('fi-250', 'municipality', 'fi-250', 'Kihniö', NULL, '39820'),
  ('fi-418', 'municipality', 'fi-418', 'Lempäälä', 'Lembois', '37500 37550 37560 37570 33880'),
  ('fi-508', 'municipality', 'fi-508', 'Mänttä-Vilppula', NULL, '35800 35700'),
  ('fi-536', 'municipality', 'fi-536', 'Nokia', NULL, '37100 37120 37130 37200 37240'),
  ('fi-562', 'municipality', 'fi-562', 'Orivesi', NULL, '35300'),
  ('fi-581', 'municipality', 'fi-581', 'Parkano', NULL, '39700'),
  ('fi-604', 'municipality', 'fi-604', 'Pirkkala', 'Birkala', '33950 33960 33980'),
  ('fi-619', 'municipality', 'fi-619', 'Punkalaidun', NULL, '31900'),
  ('fi-635', 'municipality', 'fi-635', 'Pälkäne', NULL, '36600 36760'),
  ('fi-702', 'municipality', 'fi-702', 'Ruovesi', NULL, '34600'),
  ('fi-790', 'municipality', 'fi-790', 'Sastamala', NULL, '38200 38210'),
  ('fi-837', 'municipality', 'fi-837', 'Tampere', 'Tammerfors', '33100 33180 33200 33210 33230 33240 33250 33270 33300 33310 33330 33340 33400 33410 33420 33500 33520 33530 33540 33560 33580 33610 33680 33700 33710 33720 33730 33800 33820 33840 33850 33870 33900 34240 34260 34270'),
  ('fi-887', 'municipality', 'fi-887', 'Urjala', NULL, '31700 31760'),
  ('fi-908', 'municipality', 'fi-908', 'Valkeakoski', NULL, '37600 37630'),
  ('fi-922', 'municipality', 'fi-922', 'Vesilahti', 'Vesilax', '37470'),
  ('fi-936', 'municipality', 'fi-936', 'Virrat', 'Virdois', '34800'),
  ('fi-980', 'municipality', 'fi-980', 'Ylöjärvi', NULL, '33470 33480 33450 34300 39310');

INSERT INTO directory_places (code, kind, municipality_code, name_fi, name_sv, postal_codes) VALUES
  ('fi-837-keskusta', 'district', 'fi-837', 'Keskusta', NULL, '33100 33200 33210'),
  ('fi-837-amuri', 'district', 'fi-837', 'Amuri', NULL, '33210 33230'),
  ('fi-837-lapinniemi', 'district', 'fi-837', 'Lapinniemi', NULL, '33180'),
  ('fi-837-tahmela', 'district', 'fi-837', 'Tahmela', NULL, '33240'),
  ('fi-837-pispala', 'district', 'fi-837', 'Pispala', NULL, '33250'),
  ('fi-837-epila', 'district', 'fi-837', 'Epilä', NULL, '33270'),
  ('fi-837-rahola', 'district', 'fi-837', 'Rahola', NULL, '33300'),
  ('fi-837-tesoma', 'district', 'fi-837', 'Tesoma', NULL, '33310'),
  ('fi-837-kalkku', 'district', 'fi-837', 'Kalkku', NULL, '33330'),
  ('fi-837-ikuri', 'district', 'fi-837', 'Ikuri', NULL, '33340'),
  ('fi-837-lielahti', 'district', 'fi-837', 'Lielahti', NULL, '33400'),
  ('fi-837-lentavanniemi', 'district', 'fi-837', 'Lentävänniemi', NULL, '33410'),
  ('fi-837-lamminpaa', 'district', 'fi-837', 'Lamminpää', NULL, '33420'),
  ('fi-837-tammela', 'district', 'fi-837', 'Tammela', NULL, '33100 33500'),
  ('fi-837-petsamo', 'district', 'fi-837', 'Petsamo', NULL, '33500'),
  ('fi-837-kauppi', 'district', 'fi-837', 'Kauppi', NULL, '33520'),
  ('fi-837-kissanmaa', 'district', 'fi-837', 'Kissanmaa', NULL, '33530'),
  ('fi-837-kaleva', 'district', 'fi-837', 'Kaleva', NULL, '33540'),
  ('fi-837-takahuhti', 'district', 'fi-837', 'Takahuhti', NULL, '33560'),
  ('fi-837-linnainmaa', 'district', 'fi-837', 'Linnainmaa', NULL, '33580'),
  ('fi-837-atala', 'district', 'fi-837', 'Atala', NULL, '33580'),
  ('fi-837-olkahinen', 'district', 'fi-837', 'Olkahinen', NULL, '33610'),
  ('fi-837-aitolahti', 'district', 'fi-837', 'Aitolahti', NULL, '33680'),
  ('fi-837-messukyla', 'district', 'fi-837', 'Messukylä', NULL, '33700'),
  ('fi-837-kaukajarvi', 'district', 'fi-837', 'Kaukajärvi', NULL, '33710'),
  ('fi-837-annala', 'district', 'fi-837', 'Annala', NULL, '33710'),
  ('fi-837-hallila', 'district', 'fi-837', 'Hallila', NULL, ''),
  ('fi-837-hervanta', 'district', 'fi-837', 'Hervanta', NULL, '33720'),
  ('fi-837-leinola', 'district', 'fi-837', 'Leinola', NULL, '33730'),
  ('fi-837-nekala', 'district', 'fi-837', 'Nekala', NULL, '33800'),
  ('fi-837-koivistonkyla', 'district', 'fi-837', 'Koivistonkylä', NULL, '33820'),
  ('fi-837-peltolammi', 'district', 'fi-837', 'Peltolammi', NULL, '33840'),
  ('fi-837-multisilta', 'district', 'fi-837', 'Multisilta', NULL, '33850'),
  ('fi-837-vuores', 'district', 'fi-837', 'Vuores', NULL, '33870'),
  ('fi-837-harmala', 'district', 'fi-837', 'Härmälä', NULL, '33900'),
  ('fi-837-hatanpaa', 'district', 'fi-837', 'Hatanpää', NULL, '33900'),
  ('fi-837-kammenniemi', 'district', 'fi-837', 'Kämmenniemi', NULL, '34240'),
  ('fi-837-teisko', 'district', 'fi-837', 'Teisko', NULL, '34240 34260 34270'),
  ('fi-536-keskusta', 'district', 'fi-536', 'Nokian keskusta', NULL, '37100 37120 37130'),
  ('fi-536-siuro', 'district', 'fi-536', 'Siuro', NULL, '37200'),
  ('fi-536-linnavuori', 'district', 'fi-536', 'Linnavuori', NULL, '37240'),
  ('fi-211-keskusta', 'district', 'fi-211', 'Kangasalan keskusta', NULL, '36200'),
  ('fi-211-ruutana', 'district', 'fi-211', 'Ruutana', NULL, '36110'),
  ('fi-211-suinula', 'district', 'fi-211', 'Suinula', NULL, '36340'),
  ('fi-211-sahalahti', 'district', 'fi-211', 'Sahalahti', NULL, '36420'),
  ('fi-211-kuhmalahti', 'district', 'fi-211', 'Kuhmalahti', NULL, '36810'),
  ('fi-418-keskusta', 'district', 'fi-418', 'Lempäälän keskusta', NULL, '37500'),
  ('fi-418-saaksjarvi', 'district', 'fi-418', 'Sääksjärvi', NULL, '33880'),
  ('fi-418-kuokkala', 'district', 'fi-418', 'Kuokkala', NULL, '37560'),
  ('fi-980-keskusta', 'district', 'fi-980', 'Ylöjärven keskusta', NULL, '33470'),
  ('fi-980-siivikkala', 'district', 'fi-980', 'Siivikkala', NULL, '33450'),
  ('fi-980-kuru', 'district', 'fi-980', 'Kuru', NULL, '34300'),
  ('fi-980-viljakkala', 'district', 'fi-980', 'Viljakkala', NULL, '39310');
