// Composition root: configuration → storage → services → routes → server.
#include <sodium.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "access/access_handlers.hpp"
#include "access/access_log.hpp"
#include "access/request_guard.hpp"
#include "cli.hpp"
#include "clients/client_handlers.hpp"
#include "clients/demo_clients.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "events/event_handlers.hpp"
#include "identity/identity_handlers.hpp"
#include "jobs/job_scheduler.hpp"
#include "notify/outbox_sender.hpp"
#include "server/admin_token.hpp"
#include "server/http_server.hpp"
#include "storage/migrations.hpp"
#include "storage/open_database.hpp"
#include "tenancy/delegation_handlers.hpp"
#include "tenancy/demo_data.hpp"
#include "tenancy/organization_handlers.hpp"
#include "tenancy/region_handlers.hpp"
#include "tenancy/token_handlers.hpp"

namespace allmende {

std::string_view OpenApiDocument();  // docs/openapi.json, compiled in

namespace {

Result<std::unique_ptr<storage::Database>> OpenAndMigrate(const Config& config) {
  int readers = DatabaseConnections(config);
  ALLMENDE_ASSIGN_OR_RETURN(auto db, storage::OpenDatabase({.url = config.storage.database,
                                                            .data_dir = config.storage.data_dir,
                                                            .read_connections = readers,
                                                            .busy_timeout_ms = config.storage.busy_timeout_ms}));
  ALLMENDE_ASSIGN_OR_RETURN(auto report, storage::ApplyMigrations(*db, storage::EmbeddedMigrations(db->backend())));
  for (const auto& name : report.applied) log::Info("migration_applied", {{"name", name}});
  log::Info("database_ready", {{"backend", db->backend()}, {"schema_version", report.current_version}});
  return db;
}

// The demo regions of the source programmes (see shared/JOURNEYS.md). Seeding is idempotent:
// each region is created through the service with a fixed idempotency key.
struct DemoUser {
  const char* email;
  const char* name;
  const char* language;
  bool platform_admin;
  const char* journey_role;  // what they do in shared/JOURNEYS.md
};

const std::vector<DemoUser>& DemoUsers() {
  static const std::vector<DemoUser> users{
      {"pia.admin@allmende.demo", "Pia Platform", "en", true, "platform admin"},
      {"aino.virtanen@allmende.demo", "Aino Virtanen", "fi", false, "client, 84, Hervanta"},
      {"liisa.virtanen@allmende.demo", "Liisa Virtanen", "fi", false, "Aino's daughter"},
      {"ebba.lindqvist@allmende.demo", "Ebba Lindqvist", "sv", false, "self-paying client"},
      {"mikko.neuvoja@allmende.demo", "Mikko Neuvoja", "fi", false, "advisor, Kotitori Pirkanmaa"},
      {"sari.tilaaja@allmende.demo", "Sari Tilaaja", "fi", false, "purchaser officer, welfare area"},
      {"outi.koordinaattori@allmende.demo", "Outi Koordinaattori", "fi", false, "coordinator, Kotitori Pirkanmaa"},
      {"jussi.siivous@allmende.demo", "Jussi Siivous", "fi", false, "provider admin, Hervannan Kotisiivous"},
      {"aleksi.tyontekija@allmende.demo", "Aleksi Työntekijä", "fi", false, "provider worker"},
      {"hanna.vapaaehtoinen@allmende.demo", "Hanna Vapaaehtoinen", "fi", false, "volunteer coordinator"},
      {"tuomas.hr@allmende.demo", "Tuomas HR", "de", false, "employer HR, Balingen"},
      {"jonas.mitarbeiter@allmende.demo", "Jonas Mitarbeiter", "de", false, "employee, Balingen"},
      {"kirsi.tietosuoja@allmende.demo", "Kirsi Tietosuoja", "fi", false, "data-protection officer"},
  };
  return users;
}

Result<void> SeedDemo(storage::Database& db, const std::string& demo_password) {
  events::InProcessEventBus no_listeners;  // nobody is subscribed while seeding
  tenancy::RegionService regions(db, no_listeners);
  http::Principal system{"system-seed", "platform_admin"};
  system.mfa_verified = true;
  const tenancy::NewRegion demo[] = {
      {"pirkanmaa", "Pirkanmaan hyvinvointialue", "FI", std::nullopt, std::nullopt},
      {"zollernalbkreis", "Zollernalbkreis – Notfallbetreuung Balingen", "DE", std::nullopt, std::nullopt},
      {"kreis-soest", "Kreis Soest – Digitales Netzwerk", "DE", std::nullopt, std::nullopt},
      {"vestegnen", "Innovationspartnerskab Albertslund, Ballerup, Furesø, Gladsaxe, Lyngby-Taarbæk, Vallensbæk", "DK",
       std::nullopt, std::nullopt},
  };
  // Idempotent on the region's code, its natural key: a second run (or one after the hourly purge
  // of idempotency keys) finds the regions and goes on.
  for (const auto& r : demo) {
    ALLMENDE_ASSIGN_OR_RETURN(auto existing, regions.FindByCode(r.code));
    if (existing) continue;
    auto created = regions.Create(system, r);
    if (!created.ok()) return std::move(created).error();
  }
  if (demo_password.empty()) return Ok();
  // The people of shared/JOURNEYS.md, and their roles in the demo organizations.
  SystemTimeSource clock;
  notify::Outbox outbox(std::string(db.backend()));
  identity::AuthService auth(db, outbox, clock, {});
  std::map<std::string, std::string> ids;
  for (const auto& u : DemoUsers()) {
    ALLMENDE_ASSIGN_OR_RETURN(
        auto user, auth.EnsureUser(
                       {.email = u.email,
                        .name = u.name,
                        .language = u.language,
                        .password = demo_password,
                        .platform_role = u.platform_admin ? std::optional<std::string>("platform_admin") : std::nullopt,
                        .demo_account = true},
                       true));
    ids[u.email] = user.id;
  }
  ALLMENDE_TRY(tenancy::SeedDemoOrganizations(db, regions, ids));
  return clients::SeedDemoClients(db, ids);
}

// Names this process in leases and job records: host, pid and a unique suffix.
std::string ProcessName() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" + NewId("p").substr(2, 10);
}

// Housekeeping every installation needs, each run once per period across all processes.
void AddMaintenanceJobs(jobs::JobScheduler& scheduler, const notify::Outbox& outbox) {
  scheduler.Register("idempotency.purge", [](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
    // A retry comes within minutes; a day is generous.
    ALLMENDE_TRY(
        c.Execute("DELETE FROM idempotency_keys WHERE created_at < $1", {FormatRfc3339(now - std::chrono::hours(24))}));
    return Ok();
  });
  scheduler.Every("idempotency.purge", std::chrono::hours(1));
  scheduler.Register("outbox.purge",
                     [&outbox](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
                       ALLMENDE_TRY(outbox.PurgeSent(c, now - std::chrono::hours(24 * 30)));
                       return Ok();
                     });
  scheduler.Every("outbox.purge", std::chrono::hours(24));
}

int Serve(const Config& config) {
  auto db_result = OpenAndMigrate(config);
  if (!db_result.ok()) {
    log::Error("startup_failed", {{"error", db_result.error().message}});
    return 1;
  }
  std::unique_ptr<storage::Database> db = std::move(*db_result);

  http::Router router;
  std::unique_ptr<http::Metrics> metrics;
  std::unique_ptr<http::HttpServer> server;

  const http::RouteOptions io_public{.access = http::Access::kPublic, .run_on_io_thread = true};
  router.Add(
      "GET", "/healthz",
      [](const http::Request&) -> Result<http::Response> { return http::JsonText(200, "{\"status\":\"ok\"}"); },
      io_public);
  router.Add("GET", "/readyz",
             [&](const http::Request&) -> Result<http::Response> {
               if (server && server->stopping()) return Error::Unavailable("The server is shutting down.");
               auto ping = db->Ping();
               if (!ping.ok()) return Error::Unavailable("The database is not reachable.");
               return http::JsonText(200, "{\"status\":\"ready\",\"database\":\"" + std::string(db->backend()) + "\"}");
             },
             {.access = http::Access::kPublic});
  router.Add(
      "GET", "/metrics",
      [&](const http::Request&) -> Result<http::Response> {
        http::Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics->Render();
        return r;
      },
      io_public);

  router.Add(
      "GET", "/api/v1/openapi.json",
      [](const http::Request&) -> Result<http::Response> {
        return http::JsonText(200, std::string(OpenApiDocument())).WithHeader("Cache-Control", "no-cache");
      },
      io_public);

  auto bus = events::MakeEventBus(*db, config.storage.database);

  // Background work of this process: the outbox sender and the job runner.
  const std::string owner = ProcessName();
  SystemTimeSource clock;
  notify::Outbox outbox(std::string(db->backend()));
  std::unique_ptr<notify::OutboxSender> sender;
  if (!config.mail.smtp_url.empty()) {
    sender = std::make_unique<notify::OutboxSender>(
        *db, outbox,
        notify::MakeSmtpMailer({.url = config.mail.smtp_url,
                                .from = config.mail.from,
                                .username = config.mail.username,
                                .password = config.mail.password}),
        clock,
        notify::SenderOptions{.owner = owner,
                              .lease = std::chrono::seconds(config.mail.lease_seconds),
                              .poll = std::chrono::milliseconds(config.mail.poll_ms)});
    outbox.SetWaker([s = sender.get()] { s->Wake(); });
  } else {
    log::Warn("mail_disabled", {{"reason", "mail.smtp_url is empty; e-mail stays in the outbox"}});
  }
  jobs::JobScheduler scheduler(*db, clock, owner);
  AddMaintenanceJobs(scheduler, outbox);

  std::string public_url = config.server.public_url.empty()
                               ? "http://" + config.server.host + ":" + std::to_string(config.server.port)
                               : config.server.public_url;
  identity::AuthService auth(*db, outbox, clock,
                             {.session_idle = std::chrono::minutes(config.identity.session_idle_minutes),
                              .session_absolute = std::chrono::minutes(60 * config.identity.session_absolute_hours),
                              .max_failures = config.identity.max_login_failures,
                              .public_url = public_url,
                              .demo_mode = config.identity.demo_mode});
  if (config.identity.demo_mode) log::Warn("demo_mode", {{"reason", "demo accounts sign in without a second factor"}});
  identity::AddMfaRoutes(router, auth);
  identity::AddIdentityRoutes(
      router, auth,
      {.secure = config.server.secure_cookies, .max_age_seconds = 3600 * config.identity.session_absolute_hours});
  scheduler.Register("login_failures.purge",
                     [&auth](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
                       return auth.PurgeFailures(c, now);
                     });
  scheduler.Every("login_failures.purge", std::chrono::hours(1));
  events::AddEventRoutes(router, *bus);
  tenancy::RegionService regions(*db, *bus);
  tenancy::AddRegionRoutes(router, regions);
  tenancy::OrganizationService organizations(*db, regions, auth, outbox, clock, public_url);
  tenancy::AddOrganizationRoutes(router, organizations);
  tenancy::DelegationService delegations(*db, auth, clock);
  tenancy::AddDelegationRoutes(router, delegations, clock);
  tenancy::TokenService tokens(*db, clock);
  tenancy::AddTokenRoutes(router, tokens);
  clients::ClientService client_records(*db, clock);
  clients::AddClientRoutes(router, client_records);
  access::AddAccessLogRoutes(router, *db, clock);
  access::AccessLogSealer sealer(*db, std::chrono::seconds(2));
  access::RequestGuard guard(*db, clock);
  guard.Install(router);

  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& route : router.Routes()) names.emplace_back(route->method, route->pattern);
  metrics = std::make_unique<http::Metrics>(std::move(names));
  metrics->AddCollector([&sender](std::string& out) {
    if (!sender) return;
    out += "# TYPE allmende_outbox_delivered_total counter\nallmende_outbox_delivered_total " +
           std::to_string(sender->delivered()) + "\n";
    out += "# TYPE allmende_outbox_failures_total counter\nallmende_outbox_failures_total " +
           std::to_string(sender->failures()) + "\n";
  });
  metrics->AddCollector([&db](std::string& out) {
    auto s = db->Stats();
    out += "# TYPE allmende_db_read_connections gauge\nallmende_db_read_connections " +
           std::to_string(s.read_connections) + "\n";
    out += "# TYPE allmende_db_read_connections_in_use gauge\nallmende_db_read_connections_in_use " +
           std::to_string(s.read_in_use) + "\n";
    out += "# TYPE allmende_db_read_waits_total counter\nallmende_db_read_waits_total " + std::to_string(s.read_waits) +
           "\n";
    out += "# TYPE allmende_db_write_transactions_total counter\nallmende_db_write_transactions_total " +
           std::to_string(s.write_transactions) + "\n";
    out += "# TYPE allmende_db_write_rollbacks_total counter\nallmende_db_write_rollbacks_total " +
           std::to_string(s.write_rollbacks) + "\n";
    out += "# TYPE allmende_db_write_wait_seconds_total counter\nallmende_db_write_wait_seconds_total " +
           std::to_string(s.write_wait_seconds) + "\n";
  });

  http::StaticFiles static_files(config.server.web_root);
  if (static_files.file_count() == 0) {
    log::Warn("web_ui_missing", {{"web_root", config.server.web_root}});
  }
  // A bearer token is an organization's API token (alm_…) or the bootstrap admin's; otherwise the
  // browser session cookie decides.
  auto admin_token = http::AdminTokenAuthenticator(config.admin_token);
  auto authenticate = [&admin_token, &auth, &tokens](const http::Request& r) -> Result<std::optional<http::Principal>> {
    std::string_view header = r.Header("authorization");
    if (header.empty()) return auth.Authenticate(r);
    if (header.starts_with("Bearer alm_")) {
      ALLMENDE_ASSIGN_OR_RETURN(http::Principal p, tokens.Authenticate(std::string(header.substr(7))));
      return std::optional<http::Principal>(std::move(p));
    }
    return admin_token(r);
  };
  server = std::make_unique<http::HttpServer>(config.server, config.log.access_log, router, *metrics, static_files,
                                              authenticate);
  auto port = server->Listen();
  if (!port.ok()) {
    log::Error("startup_failed", {{"error", port.error().message}});
    return 1;
  }
  log::Info("listening", {{"url", "http://" + config.server.host + ":" + std::to_string(*port) + "/"},
                          {"port", *port},
                          {"routes", static_cast<std::uint64_t>(router.Routes().size())}});
  if (sender) sender->Start();
  sealer.Start();
  scheduler.Start(std::chrono::milliseconds(config.jobs.poll_ms));
  server->Run();
  scheduler.Stop();
  sealer.Stop();
  if (sender) sender->Stop();
  bus->Stop();
  db->Close();
  log::Info("stopped");
  return 0;
}

}  // namespace
}  // namespace allmende

int main(int argc, char** argv) {
  using namespace allmende;
  int exit_code = 0;
  auto command = ParseCommandLine(argc, argv, &exit_code);
  if (!command) return exit_code;
  if (sodium_init() < 0) {
    std::cerr << "allmende: libsodium could not be initialised\n";
    return 1;
  }
  const Config& config = command->config;
  log::Init(config.log.level, config.log.file);
  int rc = 0;
  if (command->name == "serve") {
    rc = Serve(config);
  } else {
    auto db = OpenAndMigrate(config);
    if (!db.ok()) {
      log::Error("command_failed", {{"command", command->name}, {"error", db.error().message}});
      rc = 1;
    } else if (command->name == "verify-access-log") {
      auto sealed = access::SealAccessLog(**db);  // entries a stopped server left unsealed
      auto report = sealed.ok() ? access::VerifyAccessLog(**db) : Result<access::VerifyReport>(sealed.error());
      if (!report.ok()) {
        log::Error("command_failed", {{"command", command->name}, {"error", report.error().message}});
        rc = 1;
      } else {
        std::cout << "access log: " << report->chains << " chains, " << report->entries << " entries\n";
        for (const auto& b : report->breaks) {
          std::cout << "BROKEN chain " << b.chain << " at entry " << b.seq << ": " << b.reason << "\n";
        }
        if (report->breaks.empty()) std::cout << "every chain is intact\n";
        rc = report->breaks.empty() ? 0 : 1;
      }
      (*db)->Close();
    } else if (command->name == "seed") {
      auto seeded = SeedDemo(**db, config.identity.demo_password);
      if (!seeded.ok()) {
        log::Error("seed_failed", {{"error", seeded.error().message}});
        rc = 1;
      } else {
        log::Info("seeded",
                  {{"regions", 4},
                   {"demo_users", config.identity.demo_password.empty() ? 0 : static_cast<int>(DemoUsers().size())}});
        for (const auto& u : config.identity.demo_password.empty() ? std::vector<DemoUser>{} : DemoUsers()) {
          std::cout << "demo log-in: " << u.email << "  (" << u.name << ", " << u.journey_role << ")\n";
        }
      }
      (*db)->Close();
    } else {
      (*db)->Close();
    }
  }
  log::Shutdown();
  return rc;
}
