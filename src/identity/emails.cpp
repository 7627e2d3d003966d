#include "identity/emails.hpp"

#include <array>
#include <string_view>

namespace allmende::identity {
namespace {

struct Texts {
  std::string_view language;
  std::string_view greeting;  // followed by the name
  std::array<std::string_view, 5> subjects;
  std::array<std::string_view, 5> bodies;  // the link follows on its own line where there is one
  std::string_view ignore;                 // "if this was not you" line
};

constexpr std::array<Texts, 5> kTexts{{
    {"fi",
     "Hei",
     {"Salasanan vaihto", "Aseta salasanasi", "Vahvista sähköpostiosoitteesi", "Kirjautuminen estetty hetkeksi",
      "Kutsu Allmendeen"},
     {"Voit vaihtaa salasanasi alla olevasta linkistä. Linkki on voimassa 30 minuuttia ja toimii kerran.",
      "Sinulle on luotu Allmende-tunnus. Aseta salasanasi alla olevasta linkistä. Linkki on voimassa 72 tuntia.",
      "Vahvista sähköpostiosoitteesi alla olevasta linkistä. Linkki on voimassa 72 tuntia.",
      "Tunnuksellesi yritettiin kirjautua useita kertoja väärällä salasanalla, joten kirjautuminen on estetty "
      "minuutin ajan.",
      "Sinut on kutsuttu organisaation {} jäseneksi. Hyväksy kutsu alla olevasta linkistä. Linkki on voimassa 7 "
      "päivää."},
     "Jos et itse pyytänyt tätä, voit jättää viestin huomiotta."},
    {"sv",
     "Hej",
     {"Byte av lösenord", "Välj ditt lösenord", "Bekräfta din e-postadress", "Inloggningen tillfälligt spärrad",
      "Inbjudan till Allmende"},
     {"Du kan byta ditt lösenord via länken nedan. Länken gäller i 30 minuter och fungerar en gång.",
      "Ett Allmende-konto har skapats åt dig. Välj ditt lösenord via länken nedan. Länken gäller i 72 timmar.",
      "Bekräfta din e-postadress via länken nedan. Länken gäller i 72 timmar.",
      "Någon försökte logga in på ditt konto flera gånger med fel lösenord, så inloggningen är spärrad en "
      "minut.",
      "Du har bjudits in som medlem i {}. Godkänn inbjudan via länken nedan. Länken gäller i 7 dagar."},
     "Om det inte var du kan du bortse från meddelandet."},
    {"en",
     "Hello",
     {"Reset your password", "Set your password", "Confirm your e-mail address", "Sign-in paused for a minute",
      "Invitation to Allmende"},
     {"You can choose a new password with the link below. It is valid for 30 minutes and works once.",
      "An Allmende account has been created for you. Choose your password with the link below. It is valid for 72 "
      "hours.",
      "Please confirm your e-mail address with the link below. It is valid for 72 hours.",
      "Someone tried to sign in to your account several times with a wrong password, so signing in is paused for "
      "a minute.",
      "You have been invited to join {}. Accept the invitation with the link below. It is valid for 7 days."},
     "If this was not you, you can ignore this message."},
    {"de",
     "Hallo",
     {"Passwort zurücksetzen", "Passwort festlegen", "E-Mail-Adresse bestätigen", "Anmeldung kurz gesperrt",
      "Einladung zu Allmende"},
     {"Über den Link unten können Sie ein neues Passwort wählen. Er gilt 30 Minuten und funktioniert einmal.",
      "Für Sie wurde ein Allmende-Konto angelegt. Legen Sie Ihr Passwort über den Link unten fest. Er gilt 72 "
      "Stunden.",
      "Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link unten. Er gilt 72 Stunden.",
      "Jemand hat mehrmals versucht, sich mit einem falschen Passwort bei Ihrem Konto anzumelden. Die Anmeldung "
      "ist deshalb für eine Minute gesperrt.",
      "Sie wurden eingeladen, {} beizutreten. Nehmen Sie die Einladung über den Link unten an. Er gilt 7 Tage."},
     "Wenn Sie das nicht waren, können Sie diese Nachricht ignorieren."},
    {"da",
     "Hej",
     {"Nulstil din adgangskode", "Vælg din adgangskode", "Bekræft din e-mailadresse", "Login midlertidigt spærret",
      "Invitation til Allmende"},
     {"Du kan vælge en ny adgangskode via linket nedenfor. Det gælder i 30 minutter og virker én gang.",
      "Der er oprettet en Allmende-konto til dig. Vælg din adgangskode via linket nedenfor. Det gælder i 72 timer.",
      "Bekræft din e-mailadresse via linket nedenfor. Det gælder i 72 timer.",
      "Nogen har forsøgt at logge ind på din konto flere gange med en forkert adgangskode, så login er spærret i "
      "et minut.",
      "Du er inviteret som medlem af {}. Accepter invitationen via linket nedenfor. Det gælder i 7 dage."},
     "Hvis det ikke var dig, kan du se bort fra beskeden."},
}};

}  // namespace

EmailText ComposeEmail(EmailKind kind, const std::string& language, const std::string& name, const std::string& link,
                       const std::string& detail) {
  const Texts* t = &kTexts[2];
  for (const auto& candidate : kTexts) {
    if (candidate.language == language) t = &candidate;
  }
  auto i = static_cast<std::size_t>(kind);
  EmailText out;
  out.subject = "Allmende: " + std::string(t->subjects[i]);
  std::string text(t->bodies[i]);
  if (auto at = text.find("{}"); at != std::string::npos) text.replace(at, 2, detail);
  out.body = std::string(t->greeting) + (name.empty() ? "" : " " + name) + ",\n\n" + text + "\n";
  if (!link.empty()) out.body += "\n" + link + "\n";
  out.body += "\n" + std::string(t->ignore) + "\n\nAllmende\n";
  return out;
}

}  // namespace allmende::identity
