// Demo data: the Pirkanmaa advice desk's needs-assessment form "Kotona pärjääminen" (coping at
// home) in two versions, and the assessment Mikko made with Aino a month ago on version 1.
#include <boost/json.hpp>

#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

Localized L(std::string fi, std::string sv, std::string en, std::string de, std::string da) {
  return {{"fi", std::move(fi)},
          {"sv", std::move(sv)},
          {"en", std::move(en)},
          {"de", std::move(de)},
          {"da", std::move(da)}};
}

// independent / some_help / lots_of_help / cannot: 0–3 points.
Question HelpQuestion(std::string id, Localized text) {
  Question q{std::move(id), "choice", true, std::move(text)};
  q.options = {
      {"independent", 0,
       L("Pärjään itse", "Klarar mig själv", "I manage on my own", "Ich komme allein zurecht", "Jeg klarer mig selv")},
      {"some_help", 1,
       L("Tarvitsen vähän apua", "Behöver lite hjälp", "I need a little help", "Ich brauche etwas Hilfe",
         "Jeg har brug for lidt hjælp")},
      {"lots_of_help", 2,
       L("Tarvitsen paljon apua", "Behöver mycket hjälp", "I need a lot of help", "Ich brauche viel Hilfe",
         "Jeg har brug for meget hjælp")},
      {"cannot", 3, L("En pysty siihen", "Klarar det inte", "I cannot do it", "Ich kann es nicht", "Jeg kan ikke")}};
  return q;
}

}  // namespace

FormDefinition DemoAssessmentForm(int version) {
  FormDefinition f;
  f.title =
      L("Kotona pärjääminen", "Att klara sig hemma", "Coping at home", "Zurechtkommen zu Hause", "At klare sig hjemme");
  f.questions.push_back(
      HelpQuestion("cleaning", L("Miten pärjäätte kodin siivouksessa?", "Hur klarar ni städningen av hemmet?",
                                 "How do you manage cleaning your home?", "Wie kommen Sie mit dem Putzen zurecht?",
                                 "Hvordan klarer De rengøringen af hjemmet?")));
  f.questions.push_back(HelpQuestion(
      "shopping",
      L("Miten pärjäätte kaupassa käynnissä?", "Hur klarar ni att handla?", "How do you manage the shopping?",
        "Wie kommen Sie mit dem Einkaufen zurecht?", "Hvordan klarer De indkøb?")));
  f.questions.push_back(
      HelpQuestion("meals", L("Miten pärjäätte aterioiden valmistuksessa?", "Hur klarar ni att laga mat?",
                              "How do you manage preparing meals?", "Wie kommen Sie mit dem Kochen zurecht?",
                              "Hvordan klarer De madlavningen?")));
  f.questions.push_back(HelpQuestion(
      "mobility", L("Miten pärjäätte liikkumisessa kodin ulkopuolella?", "Hur klarar ni att röra er utanför hemmet?",
                    "How do you manage getting about outside your home?", "Wie kommen Sie außer Haus voran?",
                    "Hvordan klarer De at komme omkring uden for hjemmet?")));
  Question alone{"lives_alone", "yes_no", true,
                 L("Asutteko yksin?", "Bor ni ensam?", "Do you live alone?", "Leben Sie allein?", "Bor De alene?")};
  alone.points_yes = 1;
  f.questions.push_back(alone);
  Question falls{
      "falls", "number", false,
      L("Montako kertaa olette kaatuneet viimeisen puolen vuoden aikana?",
        "Hur många gånger har ni fallit det senaste halvåret?",
        "How many times have you fallen in the past six months?", "Wie oft sind Sie im letzten halben Jahr gestürzt?",
        "Hvor mange gange er De faldet det seneste halve år?")};
  falls.min = 0;
  falls.max = 20;
  f.questions.push_back(falls);
  if (version >= 2) {
    Question lonely{"loneliness", "choice", true,
                    L("Tunnetteko itsenne yksinäiseksi?", "Känner ni er ensam?", "Do you feel lonely?",
                      "Fühlen Sie sich einsam?", "Føler De Dem ensom?")};
    lonely.options = {{"never", 0, L("En koskaan", "Aldrig", "Never", "Nie", "Aldrig")},
                      {"sometimes", 1, L("Joskus", "Ibland", "Sometimes", "Manchmal", "Nogle gange")},
                      {"often", 2, L("Usein", "Ofta", "Often", "Oft", "Ofte")},
                      {"always", 3, L("Aina", "Alltid", "Always", "Immer", "Altid")}};
    f.questions.push_back(lonely);
  }
  f.questions.push_back(Question{
      "wishes", "text", false,
      L("Mitä toivoisitte arkeenne?", "Vad önskar ni er i vardagen?", "What would you wish for in your everyday life?",
        "Was wünschen Sie sich für Ihren Alltag?", "Hvad ønsker De Dem i hverdagen?")});
  f.suggestions = {{"cleaning", "cleaning", 1, std::nullopt},
                   {"shopping", "shopping", 1, std::nullopt},
                   {"meals", "meals", 2, std::nullopt},
                   {"transport", "mobility", 2, std::nullopt},
                   {"safety_alarms", "falls", 1, std::nullopt}};
  if (version >= 2) f.suggestions.push_back({"friendship_visits", "loneliness", 2, std::nullopt});
  f.suggestions.push_back({"home_help", std::nullopt, std::nullopt, 8});
  return f;
}

Result<void> GuidanceModule::SeedDemo(app::DemoSeed& seed) {
  return seed.db.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT id FROM regions WHERE code = 'pirkanmaa'", {}));
    if (!row) return Ok();
    const std::optional<std::string> region = row->Text(0);
    const Timestamp now = Now();
    auto aino = seed.users.find("aino.virtanen@allmende.demo");
    auto mikko = seed.users.find("mikko.neuvoja@allmende.demo");
    if (aino != seed.users.end() && mikko != seed.users.end()) {
      ALLMENDE_TRY(SeedDemoPlan(c, cipher_, *region, aino->second, mikko->second, now));
    }
    ALLMENDE_ASSIGN_OR_RETURN(int latest, AssessmentStore::LatestVersion(c, *region, "coping_at_home"));
    if (latest > 0) return Ok();  // seeded already
    auto v1 = AssessmentService::InsertForm(c, *region, "coping_at_home", DemoAssessmentForm(1), "system-seed",
                                            now - std::chrono::hours(24 * 90));
    if (!v1.ok()) return std::move(v1).error();
    ALLMENDE_TRY(AssessmentService::InsertForm(c, *region, "coping_at_home", DemoAssessmentForm(2), "system-seed",
                                               now - std::chrono::hours(24 * 7)));
    if (aino == seed.users.end() || mikko == seed.users.end()) return Ok();
    // A month ago, on version 1: a little help with cleaning and shopping, lives alone (score 3).
    boost::json::object answers{{"cleaning", "some_help"},   {"shopping", "some_help"}, {"meals", "independent"},
                                {"mobility", "independent"}, {"lives_alone", true},     {"falls", 0}};
    return AssessmentService::InsertAssessment(c, cipher_, *v1, aino->second, answers, mikko->second, "advisor",
                                               now - std::chrono::hours(24 * 30));
  });
}

}  // namespace allmende::guidance
