// Composition root: configuration → storage → modules → routes → server. Each feature is one
// module registered in one line below; how a feature is added: docs/adding-a-feature.md.
#include <sodium.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <iostream>
#include <memory>

#include "access/access_module.hpp"
#include "access/access_store.hpp"
#include "access/request_guard.hpp"
#include "app/authenticate.hpp"
#include "app/commands.hpp"
#include "app/platform_module.hpp"
#include "billing/billing_module.hpp"
#include "cli.hpp"
#include "clients/clients_module.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "demo/demo_module.hpp"
#include "directory/directory_module.hpp"
#include "events/events_module.hpp"
#include "funding/funding_module.hpp"
#include "guidance/guidance_module.hpp"
#include "identity/identity_module.hpp"
#include "interop/interop_module.hpp"
#include "notifications/notifications_module.hpp"
#include "notify/notify_module.hpp"
#include "orders/orders_module.hpp"
#include "quality/quality_module.hpp"
#include "server/http_server.hpp"
#include "server/static_files.hpp"
#include "storage/field_cipher.hpp"
#include "storage/migrations.hpp"
#include "storage/open_database.hpp"
#include "tenancy/tenancy_module.hpp"
#include "webhooks/webhooks_module.hpp"

namespace allmende {

std::string_view OpenApiDocument();  // assembled from the fragments beside each feature's routes, compiled in

namespace {

Result<std::unique_ptr<storage::Database>> OpenAndMigrate(const Config& config) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto db, storage::OpenDatabase({.url = config.storage.database,
                                      .data_dir = config.storage.data_dir,
                                      .read_connections = DatabaseConnections(config),
                                      .busy_timeout_ms = config.storage.busy_timeout_ms,
                                      .sqlite_mmap_bytes = std::int64_t{config.storage.sqlite_mmap_mb} << 20}));
  ALLMENDE_ASSIGN_OR_RETURN(auto report, storage::ApplyMigrations(*db, storage::EmbeddedMigrations(db->backend())));
  for (const auto& name : report.applied) log::Info("migration_applied", {{"name", name}});
  log::Info("database_ready", {{"backend", db->backend()}, {"schema_version", report.current_version}});
  return db;
}

// Names this process in leases and job records: host, pid and a unique suffix.
std::string ProcessName() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" + NewId("p").substr(2, 10);
}

std::string PublicUrl(const ServerConfig& server) {
  return server.public_url.empty() ? "http://" + server.host + ":" + std::to_string(server.port) : server.public_url;
}

// The live-update keys a person has through their organizations (access::AudienceKeys): the
// organization's events and those for their role in its region or organization.
events::MembershipKeys MembershipKeysOf(storage::Database& db) {
  return [&db](const http::Principal& p) {
    std::vector<std::string> keys;
    (void)db.Read([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_ASSIGN_OR_RETURN(keys, access::AudienceKeys(c, p.id));
      return Ok();
    });
    return keys;
  };
}

// Every module of this installation, in the order they depend on each other.
struct Modules {
  Modules(storage::Database& db, events::EventBus& bus, const Config& config, const storage::FieldCipher& cipher,
          std::function<bool()> stopping)
      : outbox(&cipher),
        platform(db, std::move(stopping), OpenApiDocument()),
        notify(db, outbox, clock, config.mail, ProcessName()),
        events(bus, MembershipKeysOf(db)),
        identity(db, outbox, clock, config, PublicUrl(config.server), cipher),
        tenancy(db, bus, identity.auth(), outbox, clock, PublicUrl(config.server)),
        clients(db, bus, clock, cipher, config.demo.clients, config.demo.seed, config.clients.search_per_minute),
        directory(db, bus, clock, config.demo, config.directory, cipher),
        funding(db, bus, clock, cipher),
        guidance(db, clock, cipher),
        notifications(db, clock),
        webhooks(db, clock, cipher, config.webhooks, ProcessName()),
        orders(db, outbox, bus, clock, cipher, directory.catalog(), PublicUrl(config.server), identity.auth(),
               identity.cookies(), &webhooks.emitter()),
        billing(db, clock),
        quality(db, bus, clock, cipher, outbox, PublicUrl(config.server)),
        interop(db, bus, clock, directory.service(), directory.catalog(), orders.orders(), config.server.public_url),
        access(db, clock),
        demo(config) {
    // A person renamed in their profile is found by the new name at the advice desk.
    identity.auth().OnNameChange([&bus](storage::Connection& c, const std::string& user_id) {
      return clients::ClientRegistry::NameChanged(c, bus, user_id);
    });
  }

  std::vector<app::Module*> All() {
    return {&platform,      &notify,   &events, &identity, &tenancy, &clients, &directory, &funding, &guidance,
            &notifications, &webhooks, &orders, &billing,  &quality, &interop, &access,    &demo};
  }

  SystemTimeSource clock;
  notify::Outbox outbox;
  app::PlatformModule platform;
  notify::NotifyModule notify;
  events::EventsModule events;
  identity::IdentityModule identity;
  tenancy::TenancyModule tenancy;
  clients::ClientsModule clients;
  directory::DirectoryModule directory;
  funding::FundingModule funding;
  guidance::GuidanceModule guidance;  // after funding and directory: the demo plan names their rows
  notifications::NotificationsModule notifications;
  webhooks::WebhooksModule webhooks;
  orders::OrdersModule orders;
  billing::BillingModule billing;  // after orders: it bills their visits
  quality::QualityModule quality;  // after orders: its demo rates their visits
  interop::InteropModule interop;
  access::AccessModule access;
  demo::DemoModule demo;
};

int Serve(const Config& config) {
  auto db_result = OpenAndMigrate(config);
  if (!db_result.ok()) {
    log::Error("startup_failed", {{"error", db_result.error().message}});
    return 1;
  }
  std::unique_ptr<storage::Database> db = std::move(*db_result);
  auto cipher = storage::FieldCipher::LoadOrCreate(FieldKeyFile(config));
  if (!cipher.ok()) {
    log::Error("startup_failed", {{"error", cipher.error().message}});
    return 1;
  }
  auto bus = events::MakeEventBus(*db, config.storage.database);
  std::unique_ptr<http::HttpServer> server;
  Modules modules(*db, *bus, config, *cipher, [&server] { return server && server->stopping(); });
  if (config.identity.demo_mode) log::Warn("demo_mode", {{"reason", "demo accounts sign in without a second factor"}});

  http::Router router;
  jobs::JobScheduler scheduler(*db, modules.clock, ProcessName());
  for (auto* m : modules.All()) {
    m->AddRoutes(router);
    m->AddJobs(scheduler);
  }
  // Every route runs through the guard that enforces what it declares.
  access::RequestGuard guard(*db, modules.clock, &*cipher);
  guard.Install(router);

  std::vector<std::pair<std::string, std::string>> names;
  for (const auto& route : router.Routes()) names.emplace_back(route->method, route->pattern);
  http::Metrics metrics(std::move(names));
  for (auto* m : modules.All()) m->AddMetrics(metrics);
  modules.platform.SetMetrics(&metrics);

  http::StaticFiles static_files(config.server.web_root);
  if (static_files.file_count() == 0) log::Warn("web_ui_missing", {{"web_root", config.server.web_root}});
  server = std::make_unique<http::HttpServer>(
      config.server, config.log.access_log, router, metrics, static_files,
      app::MakeAuthenticator(config.admin_token, modules.tenancy.tokens(), modules.identity.auth()));
  auto port = server->Listen();
  if (!port.ok()) {
    log::Error("startup_failed", {{"error", port.error().message}});
    return 1;
  }
  log::Info("listening", {{"url", "http://" + config.server.host + ":" + std::to_string(*port) + "/"},
                          {"port", *port},
                          {"routes", static_cast<std::uint64_t>(router.Routes().size())}});
  for (auto* m : modules.All()) m->Start();
  scheduler.Start(std::chrono::milliseconds(config.jobs.poll_ms));
  server->Run();
  scheduler.Stop();
  auto all = modules.All();
  for (auto it = all.rbegin(); it != all.rend(); ++it) (*it)->Stop();
  bus->Stop();
  db->Close();
  log::Info("stopped");
  return 0;
}

// `routes`: the route table as the server would build it, checked as at start-up; one JSON
// object a line (method, pattern, access, action, client). The OpenAPI test compares it with
// the document.
int Routes(const Config& config, storage::Database& db) {
  events::InProcessEventBus no_listeners;
  const auto cipher = storage::FieldCipher::Ephemeral();  // nothing is sealed: routes only
  Modules modules(db, no_listeners, config, cipher, {});
  http::Router router;
  for (auto* m : modules.All()) m->AddRoutes(router);
  access::RequestGuard guard(db, modules.clock);
  guard.Install(router);
  for (const auto& r : router.Routes()) {
    static constexpr const char* kAccess[] = {"undeclared", "public", "signed_in", "policy"};
    boost::json::object o{{"method", r->method},
                          {"pattern", r->pattern},
                          {"access", kAccess[static_cast<int>(r->options.access)]},
                          {"action", std::string(r->options.action)},
                          {"client", std::string(r->options.client)}};
    std::cout << boost::json::serialize(o) << "\n";
  }
  return 0;
}

// `rotate-key`: a new key seals from now on; every sealed value is re-sealed with it (values
// stored in clear before encryption too). Running servers read the key file again when they meet
// a value sealed with a key they do not know; old keys stay in the file for values a running
// server sealed during the rotation (a second rotation re-seals those).
int RotateKey(const Config& config, storage::Database& db) {
  const std::string path = FieldKeyFile(config);
  auto id = storage::FieldCipher::AddKey(path);
  auto cipher = id.ok() ? storage::FieldCipher::LoadOrCreate(path) : Result<storage::FieldCipher>(id.error());
  if (!cipher.ok()) {
    std::cerr << "allmende rotate-key: " << cipher.error().message << "\n";
    return 1;
  }
  std::cout << "new key " << *id << " in " << path << "\n";
  for (const auto& column : storage::SealedColumns()) {
    auto n = storage::Reseal(db, *cipher, column);
    if (!n.ok()) {
      std::cerr << "allmende rotate-key: " << column.table << "." << column.column << ": " << n.error().message << "\n";
      return 1;
    }
    std::cout << column.table << "." << column.column << ": " << *n << " re-sealed\n";
  }
  return 0;
}

// `seed`: the demo region, each module adding its part; idempotent.
int Seed(const Config& config, storage::Database& db) {
  events::InProcessEventBus no_listeners;  // nobody is subscribed while seeding
  auto cipher = storage::FieldCipher::LoadOrCreate(FieldKeyFile(config));
  if (!cipher.ok()) {
    std::cerr << "allmende seed: " << cipher.error().message << "\n";
    return 1;
  }
  Modules modules(db, no_listeners, config, *cipher, {});
  app::DemoSeed seed{db, config.identity.demo_password, {}};
  for (auto* m : modules.All()) {
    auto seeded = m->SeedDemo(seed);
    if (!seeded.ok()) {
      log::Error("seed_failed", {{"error", seeded.error().message}});
      std::cerr << "allmende seed: " << seeded.error().message << "\n";
      return 1;
    }
  }
  log::Info("seeded", {{"demo_users", static_cast<std::uint64_t>(seed.users.size())}});
  for (const auto& p : identity::DemoPeople()) {
    if (seed.users.count(p.email))
      std::cout << "demo log-in: " << p.email << "  (" << p.name << ", " << p.journey_role << ")\n";
  }
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
      std::cerr << "allmende " << command->name << ": " << db.error().message << "\n";
      rc = 1;
    } else {
      if (command->name == "verify-access-log") rc = app::VerifyAccessLogCommand(**db, std::cout);
      if (command->name == "seed") rc = Seed(config, **db);
      if (command->name == "routes") rc = Routes(config, **db);
      if (command->name == "rotate-key") rc = RotateKey(config, **db);
      (*db)->Close();
    }
  }
  log::Shutdown();
  return rc;
}
