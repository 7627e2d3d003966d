#include "quality/quality_email.hpp"

#include <array>
#include <string_view>

namespace allmende::quality {
namespace {

struct Texts {
  std::string_view language;
  std::string_view greeting;
  std::string_view case_subject;  // "{n}" is the case's number
  std::string_view changed;       // "{state}" is the new status, in words
  std::string_view reply;
  std::array<std::string_view, 4> states;  // received, investigating, action_taken, closed
  std::string_view see;
  std::string_view rate_subject;  // "{service}"
  std::string_view rate;          // "{service}", "{date}"
  std::string_view rate_link;
};

constexpr std::array<Texts, 5> kTexts{{
    {"fi",
     "Hei,",
     "Palautteesi #{n}",
     "Palautteesi tila on nyt: {state}.",
     "Koordinaattori on vastannut palautteeseesi.",
     {"vastaanotettu", "selvitettävänä", "toimenpiteet tehty", "käsitelty"},
     "Katso tiedot:",
     "Miten käynti onnistui? {service}",
     "Kiitos, että vahvistit käynnin {date} ({service}). Kerro yhdellä napautuksella, miten se onnistui: "
     "arviosi auttaa meitä valitsemaan hyviä palveluntuottajia.",
     "Arvioi käynti:"},
    {"sv",
     "Hej,",
     "Din respons #{n}",
     "Statusen för din respons är nu: {state}.",
     "Koordinatorn har svarat på din respons.",
     {"mottagen", "under utredning", "åtgärder vidtagna", "avslutad"},
     "Se uppgifterna:",
     "Hur gick besöket? {service}",
     "Tack för att du bekräftade besöket {date} ({service}). Berätta med ett tryck hur det gick: ditt omdöme "
     "hjälper oss att välja bra tjänsteproducenter.",
     "Bedöm besöket:"},
    {"en",
     "Hello,",
     "Your feedback #{n}",
     "Your feedback is now: {state}.",
     "The coordinator has replied to your feedback.",
     {"received", "under investigation", "action taken", "closed"},
     "See the details:",
     "How did the visit go? {service}",
     "Thank you for confirming the visit on {date} ({service}). Tell us with one tap how it went: your rating helps "
     "us choose good providers.",
     "Rate the visit:"},
    {"de",
     "Guten Tag,",
     "Ihre Rückmeldung #{n}",
     "Ihre Rückmeldung hat jetzt den Status: {state}.",
     "Die Koordination hat auf Ihre Rückmeldung geantwortet.",
     {"eingegangen", "in Prüfung", "Maßnahmen ergriffen", "abgeschlossen"},
     "Zu den Einzelheiten:",
     "Wie war der Besuch? {service}",
     "Danke, dass Sie den Besuch am {date} ({service}) bestätigt haben. Sagen Sie uns mit einem Tipp, wie er war: "
     "Ihre Bewertung hilft uns, gute Leistungserbringer auszuwählen.",
     "Besuch bewerten:"},
    {"da",
     "Hej,",
     "Din henvendelse #{n}",
     "Din henvendelse har nu status: {state}.",
     "Koordinatoren har svaret på din henvendelse.",
     {"modtaget", "under undersøgelse", "handling iværksat", "afsluttet"},
     "Se detaljerne:",
     "Hvordan gik besøget? {service}",
     "Tak, fordi du bekræftede besøget {date} ({service}). Fortæl os med ét tryk, hvordan det gik: din vurdering "
     "hjælper os med at vælge gode leverandører.",
     "Vurdér besøget:"},
}};

const Texts& In(const std::string& language) {
  for (const auto& t : kTexts) {
    if (t.language == language) return t;
  }
  return kTexts[2];
}

std::string Replace(std::string_view text, std::string_view key, const std::string& value) {
  std::string out(text);
  for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size())) {
    out.replace(at, key.size(), value);
  }
  return out;
}

}  // namespace

identity::EmailText ComposeCaseEmail(const std::string& kind, const std::string& language, std::int64_t number,
                                     const std::string& state, const std::string& link) {
  const Texts& t = In(language);
  std::string_view state_words = t.states[0];
  static constexpr std::array<std::string_view, 4> kStates{"received", "investigating", "action_taken", "closed"};
  for (std::size_t i = 0; i < kStates.size(); ++i) {
    if (kStates[i] == state) state_words = t.states[i];
  }
  identity::EmailText out;
  out.subject = "Allmende: " + Replace(t.case_subject, "{n}", std::to_string(number));
  out.body = std::string(t.greeting) + "\n\n" +
             (kind == "reply" ? std::string(t.reply) : Replace(t.changed, "{state}", std::string(state_words))) +
             "\n\n" + std::string(t.see) + "\n" + link + "\n\nAllmende\n";
  return out;
}

identity::EmailText ComposeRatingRequest(const std::string& language, const std::string& service,
                                         const std::string& date, const std::string& link) {
  const Texts& t = In(language);
  identity::EmailText out;
  out.subject = "Allmende: " + Replace(t.rate_subject, "{service}", service);
  out.body = std::string(t.greeting) + "\n\n" + Replace(Replace(t.rate, "{service}", service), "{date}", date) +
             "\n\n" + std::string(t.rate_link) + "\n" + link + "\n\nAllmende\n";
  return out;
}

}  // namespace allmende::quality
