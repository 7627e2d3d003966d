#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

namespace allmende {
namespace {

// Flags that set one configuration key each; anything else is reachable through --set.
struct Flag {
  const char* name;
  const char* key;
  const char* help;
};
constexpr Flag kServeFlags[] = {
    {"--host", "server.host", "address to listen on (default 127.0.0.1)"},
    {"--port", "server.port", "TCP port; 0 picks a free one (default 8080)"},
    {"--data", "storage.data_dir", "data folder; the SQLite database lives here (default ./data)"},
    {"--database", "storage.database", "sqlite:///path or postgresql://user@host:port/db"},
    {"--web-root", "server.web_root", "folder of the built web UI (default web/dist)"},
    {"--io-threads", "server.io_threads", "network threads (default: one per core)"},
    {"--worker-threads", "server.worker_threads", "handler threads (default: two per core)"},
    {"--port-file", "server.port_file", "write the bound port to this file once listening"},
    {"--log-level", "log.level", "trace, debug, info, warn or error"},
    {"--log-file", "log.file", "log to this file instead of standard output"},
};

std::string KeyList() {
  std::string out = "Configuration keys (TOML [section] key, environment variable):\n";
  for (const auto& k : ConfigKeys()) out += "  " + k.key + "  " + k.env + "\n      " + k.description + "\n";
  return out;
}

}  // namespace

std::optional<Command> ParseCommandLine(int argc, char** argv, int* exit_code) {
  CLI::App app{"Allmende: regional care and support platform", "allmende"};
  app.require_subcommand(1);
  app.fallthrough();  // --config and --set may follow the subcommand
  app.footer(KeyList());
  std::string config_file;
  std::vector<std::string> sets;
  app.add_option("--config", config_file, "TOML configuration file")->check(CLI::ExistingFile);
  app.add_option("--set", sets, "set any configuration key: --set server.idle_timeout_ms=30000")->take_all();

  std::map<std::string, std::string> flags;
  std::map<std::string, std::string> flag_values;
  auto add_flags = [&](CLI::App* sub) {
    for (const auto& f : kServeFlags) sub->add_option(f.name, flag_values[f.key], f.help);
  };
  auto* serve = app.add_subcommand("serve", "run the HTTP server (applies pending migrations first)");
  add_flags(serve);
  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations and exit");
  migrate->add_option("--data", flag_values["storage.data_dir"], "data folder");
  migrate->add_option("--database", flag_values["storage.database"], "database URL");
  auto* seed = app.add_subcommand("seed", "create the demo region if it is missing (idempotent) and exit");
  seed->add_option("--data", flag_values["storage.data_dir"], "data folder");
  seed->add_option("--database", flag_values["storage.database"], "database URL");
  seed->add_option("--demo-password", flag_values["demo.password"],
                   "create the demo accounts with this password (or ALLMENDE_DEMO_PASSWORD)");
  seed->add_option("--services", flag_values["demo.services"],
                   "services in the demo region's directory (default 1000; 100000 or 1000000 for benchmarks)");
  seed->add_option("--seed", flag_values["demo.seed"], "the directory generator's seed (default 1)");
  seed->add_option("--clients", flag_values["demo.clients"],
                   "generated clients of the demo region besides the journeys' own (default 0; 200000 for the "
                   "advice desk's search benchmark)");

  auto* verify = app.add_subcommand("verify-access-log",
                                    "recompute the hash chains of the access log; exit 1 naming the first break");
  verify->add_option("--data", flag_values["storage.data_dir"], "data folder");
  verify->add_option("--database", flag_values["storage.database"], "database URL");

  auto* rotate = app.add_subcommand(
      "rotate-key", "add a new field key (storage.field_key_file) and re-seal every sealed value with it");
  rotate->add_option("--data", flag_values["storage.data_dir"], "data folder");
  rotate->add_option("--database", flag_values["storage.database"], "database URL");
  rotate->add_option("--field-key-file", flag_values["storage.field_key_file"], "the key file");

  auto* routes =
      app.add_subcommand("routes", "print every route with its declared access rule, one JSON object a line, and exit");
  routes->add_option("--data", flag_values["storage.data_dir"], "data folder");
  routes->add_option("--database", flag_values["storage.database"], "database URL");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    *exit_code = app.exit(e);
    return std::nullopt;
  }
  for (const auto& [key, value] : flag_values) {
    if (!value.empty()) flags[key] = value;
  }
  for (const auto& s : sets) {
    auto eq = s.find('=');
    if (eq == std::string::npos) {
      std::cerr << "allmende: --set expects key=value, got '" << s << "'\n";
      *exit_code = 2;
      return std::nullopt;
    }
    flags[s.substr(0, eq)] = s.substr(eq + 1);
  }
  auto config = LoadConfig(config_file, AllmendeEnvironment(), flags);
  if (!config.ok()) {
    std::cerr << "allmende: " << config.error().message << "\n";
    *exit_code = 2;
    return std::nullopt;
  }
  Command command;
  command.name = app.get_subcommands().front()->get_name();
  command.config = std::move(*config);
  (void)serve;
  (void)migrate;
  (void)seed;
  return command;
}

}  // namespace allmende
