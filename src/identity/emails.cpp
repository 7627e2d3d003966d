#include "identity/emails.hpp"

#include <array>
#include <string_view>

namespace allmende::identity {
namespace {

struct Texts {
  std::string_view language;
  std::string_view greeting;  // followed by the name
  std::array<std::string_view, 8> subjects;
  std::array<std::string_view, 8> bodies;  // the link follows on its own line where there is one
  std::string_view ignore;                 // "if this was not you" line
};

constexpr std::array<Texts, 5> kTexts{{
    {"fi",
     "Hei",
     {"Salasanan vaihto", "Aseta salasanasi", "Vahvista sähköpostiosoitteesi", "Kirjautuminen estetty hetkeksi",
      "Kutsu Allmendeen", "Kaksivaiheinen tunnistautuminen otettu käyttöön",
      "Kaksivaiheinen tunnistautuminen poistettu käytöstä", "Kirjautuminen estetty: liian monta väärää koodia"},
     {"Voit vaihtaa salasanasi alla olevasta linkistä. Linkki on voimassa 30 minuuttia ja toimii kerran.",
      "Sinulle on luotu Allmende-tunnus. Aseta salasanasi alla olevasta linkistä. Linkki on voimassa 72 tuntia.",
      "Vahvista sähköpostiosoitteesi alla olevasta linkistä. Linkki on voimassa 72 tuntia.",
      "Tunnuksellesi yritettiin kirjautua useita kertoja väärällä salasanalla, joten kirjautuminen on estetty "
      "minuutin ajan.",
      "Sinut on kutsuttu organisaation {} jäseneksi. Hyväksy kutsu alla olevasta linkistä. Linkki on voimassa 7 "
      "päivää.",
      "Tunnukseesi liitettiin juuri todennussovellus. Jos et tehnyt tätä itse, vaihda salasanasi heti ja ota yhteyttä "
      "ylläpitoon.",
      "Tunnuksesi kaksivaiheinen tunnistautuminen poistettiin juuri käytöstä. Jos et tehnyt tätä itse, vaihda "
      "salasanasi heti.",
      "Tunnuksellesi annettiin monta väärää vahvistuskoodia, joten kirjautuminen on estetty vuorokaudeksi. Joku "
      "saattaa tietää salasanasi: vaihda se."},
     "Jos et itse pyytänyt tätä, voit jättää viestin huomiotta."},
    {"sv",
     "Hej",
     {"Byte av lösenord", "Välj ditt lösenord", "Bekräfta din e-postadress", "Inloggningen tillfälligt spärrad",
      "Inbjudan till Allmende", "Tvåstegsverifiering påslagen", "Tvåstegsverifiering avstängd",
      "Inloggning spärrad: för många felaktiga koder"},
     {"Du kan byta ditt lösenord via länken nedan. Länken gäller i 30 minuter och fungerar en gång.",
      "Ett Allmende-konto har skapats åt dig. Välj ditt lösenord via länken nedan. Länken gäller i 72 timmar.",
      "Bekräfta din e-postadress via länken nedan. Länken gäller i 72 timmar.",
      "Någon försökte logga in på ditt konto flera gånger med fel lösenord, så inloggningen är spärrad en "
      "minut.",
      "Du har bjudits in som medlem i {}. Godkänn inbjudan via länken nedan. Länken gäller i 7 dagar.",
      "En autentiseringsapp kopplades just till ditt konto. Om det inte var du, byt lösenord genast och kontakta "
      "supporten.",
      "Tvåstegsverifieringen för ditt konto stängdes just av. Om det inte var du, byt lösenord genast.",
      "Många felaktiga verifieringskoder angavs för ditt konto, så inloggningen är spärrad i ett dygn. Någon kan känna "
      "till ditt lösenord: byt det."},
     "Om det inte var du kan du bortse från meddelandet."},
    {"en",
     "Hello",
     {"Reset your password", "Set your password", "Confirm your e-mail address", "Sign-in paused for a minute",
      "Invitation to Allmende", "Two-step verification turned on", "Two-step verification turned off",
      "Sign-in blocked: too many wrong codes"},
     {"You can choose a new password with the link below. It is valid for 30 minutes and works once.",
      "An Allmende account has been created for you. Choose your password with the link below. It is valid for 72 "
      "hours.",
      "Please confirm your e-mail address with the link below. It is valid for 72 hours.",
      "Someone tried to sign in to your account several times with a wrong password, so signing in is paused for "
      "a minute.",
      "You have been invited to join {}. Accept the invitation with the link below. It is valid for 7 days.",
      "An authenticator app was just linked to your account. If this was not you, change your password now and contact "
      "support.",
      "Two-step verification was just turned off for your account. If this was not you, change your password now.",
      "Many wrong verification codes were entered for your account, so signing in is blocked for a day. Someone may "
      "know your password: change it."},
     "If this was not you, you can ignore this message."},
    {"de",
     "Hallo",
     {"Passwort zurücksetzen", "Passwort festlegen", "E-Mail-Adresse bestätigen", "Anmeldung kurz gesperrt",
      "Einladung zu Allmende", "Zwei-Schritt-Verifizierung eingeschaltet", "Zwei-Schritt-Verifizierung ausgeschaltet",
      "Anmeldung gesperrt: zu viele falsche Codes"},
     {"Über den Link unten können Sie ein neues Passwort wählen. Er gilt 30 Minuten und funktioniert einmal.",
      "Für Sie wurde ein Allmende-Konto angelegt. Legen Sie Ihr Passwort über den Link unten fest. Er gilt 72 "
      "Stunden.",
      "Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link unten. Er gilt 72 Stunden.",
      "Jemand hat mehrmals versucht, sich mit einem falschen Passwort bei Ihrem Konto anzumelden. Die Anmeldung "
      "ist deshalb für eine Minute gesperrt.",
      "Sie wurden eingeladen, {} beizutreten. Nehmen Sie die Einladung über den Link unten an. Er gilt 7 Tage.",
      "Soeben wurde eine Authenticator-App mit Ihrem Konto verbunden. Wenn Sie das nicht waren, ändern Sie sofort Ihr "
      "Passwort und wenden Sie sich an den Support.",
      "Die Zwei-Schritt-Verifizierung Ihres Kontos wurde soeben ausgeschaltet. Wenn Sie das nicht waren, ändern Sie "
      "sofort Ihr Passwort.",
      "Für Ihr Konto wurden viele falsche Bestätigungscodes eingegeben, daher ist die Anmeldung für einen Tag "
      "gesperrt. Jemand kennt möglicherweise Ihr Passwort: Ändern Sie es."},
     "Wenn Sie das nicht waren, können Sie diese Nachricht ignorieren."},
    {"da",
     "Hej",
     {"Nulstil din adgangskode", "Vælg din adgangskode", "Bekræft din e-mailadresse", "Login midlertidigt spærret",
      "Invitation til Allmende", "Totrinsbekræftelse slået til", "Totrinsbekræftelse slået fra",
      "Login spærret: for mange forkerte koder"},
     {"Du kan vælge en ny adgangskode via linket nedenfor. Det gælder i 30 minutter og virker én gang.",
      "Der er oprettet en Allmende-konto til dig. Vælg din adgangskode via linket nedenfor. Det gælder i 72 timer.",
      "Bekræft din e-mailadresse via linket nedenfor. Det gælder i 72 timer.",
      "Nogen har forsøgt at logge ind på din konto flere gange med en forkert adgangskode, så login er spærret i "
      "et minut.",
      "Du er inviteret som medlem af {}. Accepter invitationen via linket nedenfor. Det gælder i 7 dage.",
      "En godkendelsesapp er netop knyttet til din konto. Hvis det ikke var dig, så skift adgangskode med det samme og "
      "kontakt support.",
      "Totrinsbekræftelsen for din konto er netop slået fra. Hvis det ikke var dig, så skift adgangskode med det "
      "samme.",
      "Der blev indtastet mange forkerte bekræftelseskoder til din konto, så login er spærret i et døgn. Nogen kender "
      "måske din adgangskode: skift den."},
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
  // Notices about the second factor say what to do instead of "ignore this".
  if (kind < EmailKind::kSecondFactorOn) out.body += "\n" + std::string(t->ignore) + "\n";
  out.body += "\nAllmende\n";
  return out;
}

}  // namespace allmende::identity
