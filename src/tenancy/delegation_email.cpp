#include "tenancy/delegation_email.hpp"

#include <array>
#include <string_view>

namespace allmende::tenancy {
namespace {

// `{}` stands for the client's name. The scope sentences are in the order all, services,
// access_log. Nothing here may depend on the recipient: the server does not look them up.
struct Texts {
  std::string_view language;
  std::string_view greeting;
  std::string_view subject;
  std::string_view offer;
  std::array<std::string_view, 3> scopes;
  std::string_view how;
  std::string_view ignore;
};

constexpr std::array<Texts, 5> kTexts{{
    {"fi",
     "Hei,",
     "Kutsu asioida henkilön {} puolesta",
     "{} kutsuu sinut asioimaan puolestaan Allmendessa.",
     {"Saat hoitaa kaikkia asioita hänen puolestaan: etsiä ja tilata palveluja sekä nähdä, kuka on katsonut hänen "
      "tietojaan.",
      "Saat etsiä ja tilata palveluja hänen puolestaan.", "Saat nähdä, kuka on katsonut hänen tietojaan."},
     "Hyväksy kutsu alla olevasta linkistä. Jos sinulla ei vielä ole Allmende-tunnusta, voit luoda sen samalla. "
     "Linkki on voimassa 7 päivää ja toimii kerran.",
     "Jos et tunne henkilöä {} tai et halua tätä, voit jättää viestin huomiotta: mitään ei tapahdu ilman "
     "hyväksyntääsi."},
    {"sv",
     "Hej,",
     "Inbjudan från {}",
     "{} bjuder in dig att vara ombud i Allmende.",
     {"Som ombud får du sköta allt: söka och beställa tjänster och se vem som har tagit del av uppgifterna.",
      "Som ombud får du söka och beställa tjänster.", "Som ombud får du se vem som har tagit del av uppgifterna."},
     "Godkänn inbjudan via länken nedan. Om du inte har något Allmende-konto ännu kan du skapa ett där. Länken gäller "
     "i 7 dagar och fungerar en gång.",
     "Om du inte känner {} eller inte vill detta kan du bortse från meddelandet: ingenting händer utan att du "
     "godkänner."},
    {"en",
     "Hello,",
     "An invitation from {}",
     "{} invites you to act on their behalf in Allmende.",
     {"You may do everything in their place: look for and order services and read who has seen their data.",
      "You may look for and order services for them.", "You may read who has seen their data."},
     "Accept the invitation with the link below. If you have no Allmende account yet, you can create one there. The "
     "link is valid for 7 days and works once.",
     "If you do not know {} or do not want this, you can ignore this message: nothing happens unless you accept."},
    {"de",
     "Guten Tag,",
     "Einladung von {}",
     "{} lädt Sie ein, in Allmende stellvertretend zu handeln.",
     {"Sie dürfen alles übernehmen: Dienste suchen und bestellen und sehen, wer die Daten eingesehen hat.",
      "Sie dürfen Dienste suchen und bestellen.", "Sie dürfen sehen, wer die Daten eingesehen hat."},
     "Nehmen Sie die Einladung über den Link unten an. Wenn Sie noch kein Allmende-Konto haben, können Sie dort eines "
     "anlegen. Der Link gilt 7 Tage und funktioniert einmal.",
     "Wenn Sie {} nicht kennen oder das nicht möchten, können Sie diese Nachricht ignorieren: Ohne Ihre Zustimmung "
     "geschieht nichts."},
    {"da",
     "Hej,",
     "Invitation fra {}",
     "{} inviterer dig til at være fuldmagtshaver i Allmende.",
     {"Du må klare alt: søge og bestille ydelser og se, hvem der har set oplysningerne.",
      "Du må søge og bestille ydelser.", "Du må se, hvem der har set oplysningerne."},
     "Accepter invitationen via linket nedenfor. Har du endnu ingen Allmende-konto, kan du oprette en der. Linket "
     "gælder i 7 dage og virker én gang.",
     "Hvis du ikke kender {} eller ikke ønsker dette, kan du se bort fra beskeden: Intet sker, uden at du "
     "accepterer."},
}};

std::string Fill(std::string_view text, const std::string& name) {
  std::string out(text);
  if (auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, name);
  return out;
}

}  // namespace

identity::EmailText ComposeDelegationInvitation(const std::string& language, const std::string& client_name,
                                                const std::string& scope, const std::string& link) {
  const Texts* t = &kTexts[2];
  for (const auto& candidate : kTexts) {
    if (candidate.language == language) t = &candidate;
  }
  std::size_t s = scope == "services" ? 1 : scope == "access_log" ? 2 : 0;
  identity::EmailText out;
  out.subject = "Allmende: " + Fill(t->subject, client_name);
  out.body = std::string(t->greeting) + "\n\n" + Fill(t->offer, client_name) + " " + std::string(t->scopes[s]) +
             "\n\n" + std::string(t->how) + "\n\n" + link + "\n\n" + Fill(t->ignore, client_name) + "\n\nAllmende\n";
  return out;
}

}  // namespace allmende::tenancy
