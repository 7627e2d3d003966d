#include "orders/order_email.hpp"

#include <array>
#include <string_view>

namespace allmende::orders {
namespace {

struct Texts {
  std::string_view language;
  std::string_view greeting;
  std::string_view placed_subject, placed;
  std::string_view accepted_subject, accepted;
  std::string_view declined_subject, declined;
  std::string_view expired_subject, expired;
  std::string_view cancelled_subject, cancelled;
  std::string_view first_visit;
  std::string_view see;
  std::string_view by_desk;
};

constexpr std::array<Texts, 5> kTexts{{
    {"fi", "Hei,", "Tilauksesi on vastaanotettu: {service}",
     "Kiitos tilauksestasi. Välitämme sen palveluntuottajalle ja kerromme, kun se on hyväksytty.",
     "Tilauksesi on hyväksytty: {service}", "{provider} on hyväksynyt tilauksesi.",
     "Tilaustasi ei voitu ottaa vastaan: {service}",
     "{provider} ei voi ottaa tilausta vastaan. Voit valita toisen palvelun kaupasta.", "Tilauksesi vanheni: {service}",
     "Palveluntuottaja ei vastannut ajoissa. Voit valita toisen palvelun kaupasta.", "Tilauksesi on peruttu: {service}",
     "Tilaus on peruttu.", "Ensimmäinen käynti:", "Tilauksen tiedot:",
     "Neuvonta teki tilauksen puolestasi suostumuksellasi. Voit perua suostumuksen omalta sivultasi."},
    {"sv", "Hej,", "Din beställning har tagits emot: {service}",
     "Tack för din beställning. Vi skickar den vidare till tjänsteproducenten och meddelar dig när den har godkänts.",
     "Din beställning har godkänts: {service}", "{provider} har godkänt din beställning.",
     "Din beställning kunde inte tas emot: {service}",
     "{provider} kan inte ta emot beställningen. Du kan välja en annan tjänst i butiken.",
     "Din beställning har gått ut: {service}",
     "Tjänsteproducenten svarade inte i tid. Du kan välja en annan tjänst i butiken.",
     "Din beställning har avbokats: {service}", "Beställningen har avbokats.",
     "Första besöket:", "Beställningens uppgifter:",
     "Rådgivningen gjorde beställningen för din räkning med ditt samtycke. Du kan återkalla samtycket på din egen "
     "sida."},
    {"en", "Hello,", "We have received your order: {service}",
     "Thank you for your order. We pass it to the provider and tell you when it is accepted.",
     "Your order was accepted: {service}", "{provider} has accepted your order.",
     "Your order could not be taken: {service}",
     "{provider} cannot take the order. You can choose another service in the shop.", "Your order expired: {service}",
     "The provider did not answer in time. You can choose another service in the shop.",
     "Your order was cancelled: {service}", "The order was cancelled.", "First visit:", "Your order:",
     "The advice desk placed this order for you with your consent. You can withdraw the consent on your own page."},
    {"de", "Guten Tag,", "Wir haben Ihre Bestellung erhalten: {service}",
     "Vielen Dank für Ihre Bestellung. Wir leiten sie an den Leistungserbringer weiter und melden uns, sobald sie "
     "angenommen ist.",
     "Ihre Bestellung wurde angenommen: {service}", "{provider} hat Ihre Bestellung angenommen.",
     "Ihre Bestellung konnte nicht angenommen werden: {service}",
     "{provider} kann die Bestellung nicht annehmen. Sie können im Shop eine andere Leistung wählen.",
     "Ihre Bestellung ist abgelaufen: {service}",
     "Der Leistungserbringer hat nicht rechtzeitig geantwortet. Sie können im Shop eine andere Leistung wählen.",
     "Ihre Bestellung wurde storniert: {service}", "Die Bestellung wurde storniert.",
     "Erster Besuch:", "Ihre Bestellung:",
     "Die Beratungsstelle hat diese Bestellung mit Ihrer Einwilligung für Sie aufgegeben. Sie können die Einwilligung "
     "auf Ihrer eigenen Seite widerrufen."},
    {"da", "Hej,", "Vi har modtaget din bestilling: {service}",
     "Tak for din bestilling. Vi sender den videre til leverandøren og giver besked, når den er accepteret.",
     "Din bestilling er accepteret: {service}", "{provider} har accepteret din bestilling.",
     "Din bestilling kunne ikke modtages: {service}",
     "{provider} kan ikke tage imod bestillingen. Du kan vælge en anden ydelse i butikken.",
     "Din bestilling er udløbet: {service}",
     "Leverandøren svarede ikke i tide. Du kan vælge en anden ydelse i butikken.",
     "Din bestilling er annulleret: {service}", "Bestillingen er annulleret.", "Første besøg:", "Din bestilling:",
     "Rådgivningen har afgivet bestillingen for dig med dit samtykke. Du kan trække samtykket tilbage på din egen "
     "side."},
}};

std::string Fill(std::string_view text, const std::string& service, const std::string& provider) {
  std::string out(text);
  for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"{service}", &service},
                            std::pair<std::string_view, const std::string*>{"{provider}", &provider}}) {
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value->size())) {
      out.replace(at, key.size(), *value);
    }
  }
  return out;
}

}  // namespace

identity::EmailText ComposeOrderEmail(const std::string& kind, const std::string& language, const std::string& service,
                                      const std::string& provider, const std::string& first_visit,
                                      const std::string& link, bool by_desk) {
  const Texts* t = &kTexts[2];
  for (const auto& candidate : kTexts) {
    if (candidate.language == language) t = &candidate;
  }
  std::string_view subject = t->placed_subject, body = t->placed;
  if (kind == "accepted") subject = t->accepted_subject, body = t->accepted;
  if (kind == "declined") subject = t->declined_subject, body = t->declined;
  if (kind == "expired") subject = t->expired_subject, body = t->expired;
  if (kind == "cancelled") subject = t->cancelled_subject, body = t->cancelled;
  identity::EmailText out;
  out.subject = "Allmende: " + Fill(subject, service, provider);
  out.body = std::string(t->greeting) + "\n\n" + Fill(body, service, provider) + "\n";
  if (by_desk && kind == "placed") out.body += "\n" + std::string(t->by_desk) + "\n";
  if (!first_visit.empty() && (kind == "accepted" || kind == "placed")) {
    out.body += "\n" + std::string(t->first_visit) + " " + first_visit + "\n";
  }
  out.body += "\n" + std::string(t->see) + "\n" + link + "\n\nAllmende\n";
  return out;
}

}  // namespace allmende::orders
