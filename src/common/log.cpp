#include "common/log.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdio>

#include "common/json.hpp"
#include "common/time.hpp"

namespace allmende::log {
namespace {

std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::shared_ptr<spdlog::logger> g_logger;

std::string_view LevelName(Level l) {
  switch (l) {
    case Level::kTrace:
      return "trace";
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

}  // namespace

Level ParseLevel(std::string_view level) {
  if (level == "trace") return Level::kTrace;
  if (level == "debug") return Level::kDebug;
  if (level == "warn") return Level::kWarn;
  if (level == "error") return Level::kError;
  return Level::kInfo;
}

void Init(std::string_view level, const std::string& file) {
  g_level = static_cast<int>(ParseLevel(level));
  // A queue of 64k lines; when full the caller waits rather than losing access-log lines.
  spdlog::init_thread_pool(65536, 1);
  std::shared_ptr<spdlog::sinks::sink> sink;
  if (file.empty()) {
    sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  } else {
    sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(file);
  }
  g_logger = std::make_shared<spdlog::async_logger>("allmende", sink, spdlog::thread_pool(),
                                                    spdlog::async_overflow_policy::block);
  g_logger->set_pattern("%v");
  g_logger->set_level(spdlog::level::trace);
  g_logger->flush_on(spdlog::level::trace);
}

bool Enabled(Level level) { return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed); }

void Write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  if (!Enabled(level)) return;
  std::string line;
  line.reserve(256);
  line += "{\"time\":\"";
  line += FormatRfc3339(Now());
  line += "\",\"level\":\"";
  line += LevelName(level);
  line += "\",\"event\":\"";
  AppendJsonEscaped(line, event);
  line += "\"";
  for (const Field& f : fields) {
    line += ",\"";
    AppendJsonEscaped(line, f.key);
    line += "\":";
    if (const auto* s = std::get_if<std::string_view>(&f.value)) {
      line += "\"";
      AppendJsonEscaped(line, *s);
      line += "\"";
    } else if (const auto* i = std::get_if<std::int64_t>(&f.value)) {
      line += std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&f.value)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3f", *d);
      line += buf;
    } else {
      line += std::get<bool>(f.value) ? "true" : "false";
    }
  }
  line += "}";
  if (g_logger) {
    g_logger->info(line);
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

void Shutdown() {
  if (g_logger) g_logger->flush();
  spdlog::shutdown();
  g_logger.reset();
}

}  // namespace allmende::log
