// The journeys' own providers and services (shared/JOURNEYS.md), written by hand so that each
// journey finds exactly what it needs: Aino's voucher cleaning in Hervanta, Hanna's friendship
// visits, Ebba's three Swedish-speaking cleaners open on Tuesdays and her Swedish shopping help, and
// a small Orivesi provider with no Swedish for Outi's escalation.
#include "directory/demo_catalog.hpp"
#include "directory/demo_catalog_words.hpp"

namespace allmende::directory {
namespace {

using demo::FictitiousBusinessId;
using demo::Slug;

std::vector<OpeningHours> Days(std::initializer_list<int> days, const char* opens, const char* closes) {
  std::vector<OpeningHours> hours;
  for (int day : days) hours.push_back({day, opens, closes});
  return hours;
}

std::vector<OpeningHours> Weekdays(const char* opens, const char* closes) {
  return Days({0, 1, 2, 3, 4}, opens, closes);
}

DemoProvider Provider(std::string name, std::string kind, std::optional<std::string> business_id, LocalizedText about,
                      std::string phone, std::vector<std::string> languages, ServiceArea area,
                      std::vector<std::string> labels, std::string insurance, LocalizedText accessibility) {
  DemoProvider p;
  const std::string slug = Slug(name);
  p.profile.name = std::move(name);
  p.profile.kind = std::move(kind);
  p.profile.description = std::move(about);
  p.profile.email = "info@" + slug + ".example";
  p.profile.phone = std::move(phone);
  p.profile.website = "https://" + slug + ".example";
  p.profile.languages = std::move(languages);
  p.profile.area = std::move(area);
  p.profile.quality_labels = std::move(labels);
  p.profile.insurance = std::move(insurance);
  p.profile.accessibility = std::move(accessibility);
  p.business_id = std::move(business_id);
  return p;
}

Price Hourly(std::int64_t cents, std::int64_t minimum, int vat_bp, int labour_bp) {
  Price price;
  price.model = "hourly";
  price.amount = cents;
  price.minimum_charge = minimum;
  price.vat_rate_bp = vat_bp;
  price.labour_share_bp = labour_bp;
  return price;
}

Price PerVisit(std::int64_t cents, int vat_bp, int labour_bp) {
  Price price = Hourly(cents, 0, vat_bp, labour_bp);
  price.model = "per_visit";
  return price;
}

ServiceArea Area(std::vector<std::string> municipalities, std::vector<std::string> districts = {},
                 std::vector<std::string> postal_codes = {}) {
  ServiceArea area;
  area.municipalities = std::move(municipalities);
  area.districts = std::move(districts);
  area.postal_codes = std::move(postal_codes);
  return area;
}

// In ServiceContent's order; image_ids stay empty.
ServiceContent Content(LocalizedText name, LocalizedText description, std::string category, ServiceArea area,
                       std::vector<std::string> languages, Price price, std::vector<std::string> vouchers,
                       std::vector<OpeningHours> hours, int capacity_per_week, int lead_time_days) {
  ServiceContent c;
  c.name = std::move(name);
  c.description = std::move(description);
  c.category = std::move(category);
  c.area = std::move(area);
  c.languages = std::move(languages);
  c.price = std::move(price);
  c.vouchers = std::move(vouchers);
  c.hours = std::move(hours);
  c.capacity_per_week = capacity_per_week;
  c.lead_time_days = lead_time_days;
  return c;
}

ServiceArea Tampere() { return Area({"fi-837"}); }

ServiceArea SouthEastTampere() {
  return Area({}, {"fi-837-hervanta", "fi-837-vuores", "fi-837-hallila", "fi-837-kaukajarvi", "fi-837-annala"},
              {"33720", "33870", "33710"});
}

constexpr const char* kLiability =
    "Toiminnan vastuuvakuutus, vakuutusmäärä 1 000 000 €; työntekijät on vakuutettu lakisääteisellä "
    "tapaturmavakuutuksella.";
constexpr const char* kAnsvar =
    "Ansvarsförsäkring, försäkringsbelopp 1 000 000 €; de anställda har lagstadgad olycksfallsförsäkring.";

}  // namespace

DemoCatalog JourneyCatalog(const std::vector<std::string>& voucher_purchaser_ids) {
  DemoCatalog c;
  auto add = [&c](DemoProvider provider) {
    c.providers.push_back(std::move(provider));
    return c.providers.size() - 1;
  };
  auto offer = [&c](std::size_t provider, ServiceContent content) {
    c.services.push_back({provider, std::move(content)});
  };
  const std::vector<std::string>& vouchers = voucher_purchaser_ids;

  // Jussi's company; the business id is the one tenancy's demo organizations give it.
  const std::size_t hervanta = add(Provider(
      "Hervannan Kotisiivous Oy", "provider_company", "3011234-5",
      {{"fi",
        "Hervannan Kotisiivous Oy on vuonna 2014 perustettu perheyritys Hervannassa. Siivoamme koteja Tampereen "
        "kaakkoisosissa, ja sama tuttu siivooja käy luonasi joka kerta."},
       {"en",
        "Hervannan Kotisiivous Oy is a family business founded in 2014 in Hervanta, Tampere. The same cleaner "
        "comes to your home every time."}},
      "+358407350112", {"fi", "en"}, SouthEastTampere(), {"Luotettava Kumppani", "Joutsenmerkki (siivouspalvelut)"},
      kLiability, {{"fi", "Palvelemme kotikäynneillä; toimistolla Hervannan keskustassa on esteetön sisäänkäynti."}}));
  offer(hervanta, Content({{"fi", "Kotisiivous Hervannassa"}, {"en", "Home cleaning in Hervanta"}},
                          {{"fi",
                            "Kotisiivousta Hervannassa ja lähialueilla joka viikko tai joka toinen "
                            "viikko. Siivouksen sisältö sovitaan yhdessä ensimmäisellä käynnillä, ja sama "
                            "siivooja tulee kotiisi joka kerta. Olemme hyvinvointialueen hyväksymä "
                            "palvelusetelituottaja. Tiistaisin meillä on vielä vapaita aikoja."},
                           {"en",
                            "Home cleaning in Hervanta and nearby, weekly or every other week. We accept "
                            "the welfare area's service voucher. We still have free times on Tuesdays."}},
                          "cleaning", SouthEastTampere(), {"fi", "en"}, Hourly(4290, 8580, 2550, 10000), vouchers,
                          Weekdays("08:00", "16:00"), 40, 0));  // same day when a cleaner is free (journey 4)
  offer(hervanta, Content(
                      {{"fi", "Ikkunanpesu"}},
                      {{"fi",
                        "Pesemme kodin ikkunat sisältä ja ulkoa sekä välipuitteet. Hinta koskee "
                        "enintään viittä ikkunaa, ja lisäikkunat maksavat 12 € kappaleelta. "
                        "Ikkunanpesun voi yhdistää kotisiivoukseen, jolloin matkakuluja ei peritä."}},
                      "cleaning", Tampere(), {"fi"}, PerVisit(8900, 2550, 10000), {},
                      [] {
                        auto h = Weekdays("08:00", "16:00");
                        h.push_back({5, "09:00", "14:00"});
                        return h;
                      }(),
                      15, 7));
  offer(hervanta, Content({{"fi", "Suursiivous"}},
                          {{"fi",
                            "Suursiivouksessa pestään kaapit sisältä, uunit, liesituulettimen rasvasuodatin "
                            "ja kylpyhuoneen saumat. Varaa suursiivous keväällä ajoissa, sillä viikot "
                            "täyttyvät nopeasti."}},
                          "cleaning", SouthEastTampere(), {"fi"}, Hourly(4690, 9380, 2550, 10000), {},
                          Weekdays("08:00", "16:00"), 10, 10));

  // A second voucher cleaner, so that Aino compares prices net of her voucher.
  const std::size_t pirkan = add(Provider(
      "Pirkan Kotiapu Oy", "provider_company", FictitiousBusinessId(7, 104001),
      {{"fi", "Pirkan Kotiapu Oy auttaa tamperelaisia koteja siivouksessa ja arjen askareissa vuodesta 2009."}},
      "+35832250480", {"fi", "en"}, Tampere(), {"ISO 9001:2015"}, kLiability,
      {{"fi", "Asioinnin voi hoitaa puhelimitse tai kotikäynnillä, ja kerromme asiat tarvittaessa selkokielellä."}}));
  offer(pirkan, Content({{"fi", "Kotisiivous"}, {"en", "Home cleaning"}},
                        {{"fi",
                          "Perussiivousta koko Tampereen alueella: imurointi, lattioiden pesu ja "
                          "kylpyhuoneen puhdistus. Otamme vastaan hyvinvointialueen palvelusetelin."},
                         {"en",
                          "Basic home cleaning anywhere in Tampere. We accept the welfare area's service "
                          "voucher."}},
                        "cleaning", Tampere(), {"fi", "en"}, Hourly(3990, 3990, 2550, 10000), vouchers,
                        Weekdays("07:30", "15:30"), 80, 5));
  offer(pirkan, Content({{"fi", "Kotiapu"}},
                        {{"fi",
                          "Apua kodin arkeen: tiskit, petaukset, pyykit ja kaupassakäynti samalla "
                          "käynnillä. Palvelun voi maksaa palvelusetelillä."}},
                        "home_help", Tampere(), {"fi"}, Hourly(4490, 4490, 2550, 10000), vouchers,
                        Weekdays("07:30", "15:30"), 60, 3));

  // Hanna's association: free, or coffee money.
  const std::size_t friends = add(
      Provider("Ystäväpalvelu Tampere ry", "association", std::nullopt,
               {{"fi",
                 "Ystäväpalvelu Tampere ry välittää vapaaehtoisia ystäviä yksin asuville tamperelaisille. Toimintamme "
                 "perustuu vapaaehtoisuuteen, ja uudet vapaaehtoiset ovat aina tervetulleita."}},
               "+358503380217", {"fi"}, Tampere(), {}, "Vapaaehtoiset on vakuutettu tapaturman ja vastuun varalta.",
               {{"fi", "Toimitilamme Tammelassa ovat katutasossa, ja invapysäköintipaikka on oven vieressä."}}));
  offer(friends, Content({{"fi", "Ystäväpalvelu"}, {"en", "Friendship visits"}},
                         {{"fi",
                           "Vapaaehtoinen ystävä tulee kylään juttelemaan, ulkoilemaan tai pelaamaan "
                           "korttia, yleensä kerran viikossa. Ystävät ovat koulutettuja vapaaehtoisia, "
                           "ja heillä on vaitiolovelvollisuus. Palvelu on maksuton."},
                          {"en",
                           "A trained volunteer friend visits you at home about once a week. Free of "
                           "charge."}},
                         "friendship_visits", Tampere(), {"fi"}, PerVisit(0, 0, 0), {},
                         Days({0, 1, 2, 3}, "10:00", "18:00"), 30, 14));
  offer(friends, Content({{"fi", "Puhelinystävä"}},
                         {{"fi",
                           "Puhelinystävä soittaa sovittuna iltana ja kuuntelee. Sopii myös silloin, kun "
                           "kotoa lähteminen on vaikeaa. Palvelu on maksuton."}},
                         "friendship_visits", Tampere(), {"fi"}, PerVisit(0, 0, 0), {},
                         Days({0, 2, 4}, "17:00", "20:00"), 50, 7));
  offer(friends, Content({{"fi", "Ulkoiluystävä"}},
                         {{"fi",
                           "Ulkoiluystävä lähtee kanssasi kävelylle Pyynikille, Hatanpään arboretumiin "
                           "tai lähikauppaan. Kahvirahaksi pyydämme 3 euroa, jos se sopii."}},
                         "friendship_visits", Tampere(), {"fi"}, PerVisit(300, 0, 0), {},
                         Days({1, 3}, "10:00", "15:00"), 12, 14));

  // Ebba's three Swedish-speaking cleaners, all open on Tuesdays, each saying "städning" in so many words.
  const std::size_t tammerfors = add(Provider(
      "Tammerfors Hemservice Ab", "provider_company", FictitiousBusinessId(7, 218514),
      {{"sv",
        "Tammerfors Hemservice Ab hjälper svenskspråkiga hushåll i Tammerfors med städning, inköp och vardagen "
        "sedan 2011."},
       {"fi", "Tammerfors Hemservice Ab palvelee ruotsinkielisiä koteja Tampereella vuodesta 2011."}},
      "+358442870035", {"sv", "fi"}, Tampere(), {"Luotettava Kumppani"}, kAnsvar,
      {{"sv", "Vi betjänar på hembesök; du kan också ringa eller skicka e-post."}}));
  offer(tammerfors, Content({{"sv", "Hemstädning"}, {"fi", "Kotisiivous ruotsiksi"}},
                            {{"sv",
                              "Städning av hela hemmet varannan vecka eller en gång i veckan: "
                              "dammsugning, golvtvätt, kök och badrum. Samma städare kommer varje gång. "
                              "Tjänsten berättigar till hushållsavdrag."},
                             {"fi", "Kotisiivous ruotsiksi koko Tampereella joka viikko tai joka toinen viikko."}},
                            "cleaning", Tampere(), {"sv", "fi"}, Hourly(4450, 8900, 2550, 10000), {},
                            Weekdays("08:00", "16:00"), 25, 5));
  offer(tammerfors, Content({{"sv", "Inköpshjälp – matkassen hem"}, {"fi", "Kauppa-apu ruotsiksi"}},
                            {{"sv",
                              "Vi handlar åt dig och bär matkassen hem, kylvarorna i kylväska. "
                              "Inköpslistan kan lämnas per telefon dagen innan, och kvittot går vi igenom "
                              "tillsammans."},
                             {"fi", "Käymme puolestasi kaupassa ja tuomme ostokset kotiin; palvelemme ruotsiksi."}},
                            "shopping", Tampere(), {"sv", "fi"}, PerVisit(2900, 2550, 8000), {},
                            Weekdays("09:00", "15:00"), 30, 1));

  const std::size_t birkala = add(
      Provider("Birkala Städ & Hem Ab", "provider_company", FictitiousBusinessId(6, 330127),
               {{"sv",
                 "Birkala Städ & Hem Ab är ett familjeföretag i Birkala som städar och handlar åt äldre i Birkala och "
                 "Tammerfors."}},
               "+358405516093", {"sv"}, Area({"fi-604", "fi-837"}), {}, kAnsvar,
               {{"sv", "Vi betjänar på hembesök och per telefon."}}));
  offer(birkala, Content({{"sv", "Städning varannan vecka"}},
                         {{"sv",
                           "Regelbunden städning varannan vecka i Birkala och Tammerfors. Vi tar med oss "
                           "städutrustningen och använder miljömärkta medel. På tisdagar har vi ännu "
                           "lediga tider."}},
                         "cleaning", Area({"fi-604", "fi-837"}), {"sv"}, Hourly(4190, 4190, 2550, 10000), {},
                         Days({0, 1, 2, 3}, "08:00", "15:00"), 12, 7));
  offer(birkala, Content({{"sv", "Matkassen hem"}},
                         {{"sv",
                           "Inköpshjälp: vi handlar enligt din lista och bär matkassen hem till dörren. "
                           "Vid samma besök sköter vi gärna ärenden till apoteket."}},
                         "shopping", Area({"fi-604", "fi-837"}), {"sv"}, PerVisit(2500, 2550, 8000), {},
                         Days({1, 3}, "10:00", "14:00"), 10, 2));

  const std::size_t lindqvist =
      add(Provider("Städservice Lindqvist Ab", "provider_company", FictitiousBusinessId(6, 451902),
                   {{"sv", "Städservice Lindqvist Ab städar hem i Tammerfors på svenska och finska."},
                    {"fi", "Städservice Lindqvist Ab siivoaa koteja Tampereella ruotsiksi ja suomeksi."}},
                   "+358451207746", {"sv", "fi"}, Tampere(), {"ISO 14001:2015"}, kAnsvar,
                   {{"sv", "Vårt kontor i Amuri har tillgänglig entré."}}));
  offer(lindqvist, Content({{"sv", "Städning och fönstertvätt"}, {"fi", "Siivous ja ikkunanpesu"}},
                           {{"sv",
                             "Städning av hemmet med fönstertvätt vår och höst. Vi arbetar också på "
                             "lördagar. Tjänsten berättigar till hushållsavdrag."},
                            {"fi", "Siivousta ja ikkunanpesua Tampereella, myös lauantaisin."}},
                           "cleaning", Tampere(), {"sv", "fi"}, Hourly(4790, 9580, 2550, 10000), {},
                           Days({0, 1, 2, 3, 4, 5}, "08:00", "17:00"), 20, 4));

  // Small, Finnish only: when someone in Orivesi needs service in Swedish, there is nobody.
  const std::size_t orivesi = add(
      Provider("Oriveden Kotipalvelu Oy", "provider_company", FictitiousBusinessId(7, 562010),
               {{"fi", "Oriveden Kotipalvelu Oy on kahden hengen yritys, joka siivoaa ja auttaa arjessa Orivedellä."}},
               "+358405620981", {"fi"}, Area({"fi-562"}), {}, kLiability, {{"fi", "Palvelemme kotikäynneillä."}}));
  offer(orivesi, Content({{"fi", "Kotisiivous Orivedellä"}},
                         {{"fi",
                           "Kotisiivousta Orivedellä ja Eräjärven suunnalla. Siivouksen sisältö sovitaan "
                           "ensimmäisellä käynnillä."}},
                         "cleaning", Area({"fi-562"}), {"fi"}, Hourly(3890, 3890, 2550, 10000), {},
                         Days({0, 2, 4}, "08:00", "15:00"), 5, 10));
  offer(orivesi, Content({{"fi", "Kotiapu Orivedellä"}},
                         {{"fi",
                           "Apua arjen askareisiin ja kaupassakäyntiin Orivedellä. Palvelusta voi saada "
                           "kotitalousvähennystä."}},
                         "home_help", Area({"fi-562"}), {"fi"}, Hourly(4190, 4190, 2550, 10000), {},
                         Days({0, 2, 4}, "08:00", "15:00"), 5, 10));
  return c;
}

DemoCatalog OtherCountryCatalog(const std::string& region_code) {
  DemoCatalog c;
  if (region_code == "zollernalbkreis") {
    // A provider recognised in Baden-Württemberg for everyday support (§ 45a SGB XI), which a care
    // insurer pays from the relief amount: Monika orders her mother's household help here.
    c.providers.push_back(Provider(
        "Alltagshilfe Balingen gGmbH", "provider_company", std::nullopt,
        {{"de",
          "Die Alltagshilfe Balingen ist ein nach der Unterstützungsangebote-Verordnung Baden-Württemberg "
          "anerkanntes Angebot zur Unterstützung im Alltag. Wir rechnen den Entlastungsbetrag direkt mit der "
          "Pflegekasse ab."}},
        "+4974339876540", {"de"}, Area({"de-08417008", "de-08417079", "de-08417031"}), {"Anerkannt nach § 45a SGB XI"},
        "Betriebshaftpflicht, Deckungssumme 3.000.000 €.", {{"de", "Wir kommen zu Ihnen nach Hause."}}));
    Price price = Hourly(3600, 3600, 0, 10000);  // social services: no VAT; all of it labour (§ 35a EStG)
    c.services.push_back(
        {0, Content({{"de", "Haushaltshilfe (Entlastungsbetrag § 45b)"}},
                    {{"de",
                      "Wir putzen, waschen Wäsche und kaufen mit Ihnen ein, in Balingen, Albstadt und Hechingen. "
                      "Abgerechnet wird direkt mit Ihrer Pflegekasse aus dem Entlastungsbetrag von 131 € im "
                      "Monat; was darüber hinausgeht, zahlen Sie selbst."}},
                    "home_help", Area({"de-08417008", "de-08417079", "de-08417031"}), {"de"}, price, {},
                    Weekdays("08:00", "17:00"), 40, 2)});
  } else if (region_code == "vestegnen") {
    // A home-help provider approved by Gladsaxe Kommune under free choice (Serviceloven § 91).
    c.providers.push_back(
        Provider("Gladsaxe Hjemmeservice ApS", "provider_company", std::nullopt,
                 {{"da",
                   "Gladsaxe Hjemmeservice er godkendt af Gladsaxe Kommune som leverandør af praktisk hjælp efter "
                   "frit valg. Den samme medarbejder kommer hver gang."}},
                 "+4539670112", {"da", "en"}, Area({"dk-159"}), {"Godkendt leverandør, frit valg"},
                 "Erhvervsansvarsforsikring 10.000.000 kr.", {{"da", "Vi kommer hjem til dig."}}));
    Price price = Hourly(41200, 41200, 0, 10000);
    price.currency = "DKK";
    c.services.push_back(
        {0, Content({{"da", "Praktisk hjælp og rengøring (frit valg)"}},
                    {{"da",
                      "Rengøring, tøjvask og indkøb i Gladsaxe. Er du visiteret til praktisk hjælp, "
                      "betaler kommunen; ellers kan du købe hjælpen selv."}},
                    "cleaning", Area({"dk-159"}), {"da", "en"}, price, {}, Weekdays("08:00", "16:00"), 60, 3)});
  }
  return c;
}

}  // namespace allmende::directory
