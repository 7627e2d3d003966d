#include "identity/identity_module.hpp"

#include "identity/identity_handlers.hpp"

namespace allmende::identity {

const std::vector<DemoPerson>& DemoPeople() {
  static const std::vector<DemoPerson> people{
      {"pia.admin@allmende.demo", "Pia Platform", "en", true, "platform admin"},
      {"aino.virtanen@allmende.demo", "Aino Virtanen", "fi", false, "client, 84, Hervanta"},
      {"liisa.virtanen@allmende.demo", "Liisa Virtanen", "fi", false, "Aino's daughter"},
      {"ebba.lindqvist@allmende.demo", "Ebba Lindqvist", "sv", false, "self-paying client"},
      {"greta.sjoberg@allmende.demo", "Greta Sjöberg", "sv", false, "client, 81, Orivesi, home care"},
      {"mikko.neuvoja@allmende.demo", "Mikko Neuvoja", "fi", false, "advisor, Kotitori Pirkanmaa"},
      {"sari.tilaaja@allmende.demo", "Sari Tilaaja", "fi", false, "purchaser officer, welfare area"},
      {"outi.koordinaattori@allmende.demo", "Outi Koordinaattori", "fi", false, "coordinator, Kotitori Pirkanmaa"},
      {"jussi.siivous@allmende.demo", "Jussi Siivous", "fi", false, "provider admin, Hervannan Kotisiivous"},
      {"aleksi.tyontekija@allmende.demo", "Aleksi Työntekijä", "fi", false, "provider worker"},
      {"hanna.vapaaehtoinen@allmende.demo", "Hanna Vapaaehtoinen", "fi", false, "volunteer coordinator"},
      {"tuomas.hr@allmende.demo", "Tuomas HR", "de", false, "employer HR, Balingen"},
      {"jonas.mitarbeiter@allmende.demo", "Jonas Mitarbeiter", "de", false, "employee, Balingen"},
      {"kirsi.tietosuoja@allmende.demo", "Kirsi Tietosuoja", "fi", false, "data-protection officer"},
      // The German demo region: a client with care grade 2 and her daughter, her care insurer, a
      // recognised everyday-support provider.
      {"helga.schmid@allmende.demo", "Helga Schmid", "de", false, "client, 79, Balingen, care grade 2"},
      {"monika.schmid@allmende.demo", "Monika Schmid", "de", false, "Helga's daughter"},
      {"petra.pflegekasse@allmende.demo", "Petra Pflegekasse", "de", false, "officer, care insurer"},
      {"lena.alltagshilfe@allmende.demo", "Lena Alltagshilfe", "de", false, "provider admin, Alltagshilfe Balingen"},
      // The Danish demo region: a citizen with a free-choice decision, the municipality's assessor,
      // an approved home-help provider.
      {"karen.jensen@allmende.demo", "Karen Jensen", "da", false, "citizen, 83, Gladsaxe, home help"},
      {"mette.visitator@allmende.demo", "Mette Visitator", "da", false, "assessor, Gladsaxe Kommune"},
      {"lars.hjemmeservice@allmende.demo", "Lars Hjemmeservice", "da", false, "provider admin, Gladsaxe Hjemmeservice"},
  };
  return people;
}

IdentityModule::IdentityModule(storage::Database& db, const notify::Outbox& outbox, const TimeSource& clock,
                               const Config& config, const std::string& public_url, const storage::FieldCipher& cipher)
    : auth_(db, outbox, clock,
            {.session_idle = std::chrono::minutes(config.identity.session_idle_minutes),
             .session_absolute = std::chrono::minutes(60 * config.identity.session_absolute_hours),
             .max_failures = config.identity.max_login_failures,
             .public_url = public_url,
             .demo_mode = config.identity.demo_mode,
             .cipher = &cipher}),
      secure_cookies_(config.server.secure_cookies),
      session_hours_(config.identity.session_absolute_hours) {}

void IdentityModule::AddRoutes(http::Router& router) {
  AddMfaRoutes(router, auth_);
  AddIdentityRoutes(router, auth_, {.secure = secure_cookies_, .max_age_seconds = 3600 * session_hours_});
}

void IdentityModule::AddJobs(jobs::JobScheduler& scheduler) {
  scheduler.Register("login_failures.purge", [this](storage::Connection& c, const jobs::Job&, Timestamp now) {
    return auth_.PurgeFailures(c, now);
  });
  scheduler.Every("login_failures.purge", std::chrono::hours(1));
  scheduler.Register("sessions.purge", [this](storage::Connection& c, const jobs::Job&, Timestamp now) {
    return auth_.PurgeEndedSessions(c, now);
  });
  scheduler.Every("sessions.purge", std::chrono::hours(24));
}

Result<void> IdentityModule::SeedDemo(app::DemoSeed& seed) {
  if (seed.password.empty()) return Ok();
  for (const auto& p : DemoPeople()) {
    // EnsureUser is idempotent on the e-mail address.
    ALLMENDE_ASSIGN_OR_RETURN(
        auto user, auth_.EnsureUser(
                       {.email = p.email,
                        .name = p.name,
                        .language = p.language,
                        .password = seed.password,
                        .platform_role = p.platform_admin ? std::optional<std::string>("platform_admin") : std::nullopt,
                        .demo_account = true},
                       true));
    seed.users[p.email] = user.id;
  }
  return Ok();
}

}  // namespace allmende::identity
