// Structured logging: one JSON object per line ({"time", "level", "event", …fields}).
// Writing is asynchronous (a background thread does the I/O), so a log call never waits on a
// slow terminal or disk from an I/O thread. Never pass secrets (passwords, tokens, session ids).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace allmende::log {

enum class Level { kTrace, kDebug, kInfo, kWarn, kError };

struct Field {
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, std::int64_t v) : key(k), value(v) {}
  Field(std::string_view k, int v) : key(k), value(std::int64_t{v}) {}
  Field(std::string_view k, std::uint64_t v) : key(k), value(static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, double v) : key(k), value(v) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}
  std::string_view key;
  std::variant<std::string_view, std::int64_t, double, bool> value;
};

// Sets up the logger. `file` empty means standard output. Call once at start-up; before it,
// log calls go to standard error synchronously.
void Init(std::string_view level, const std::string& file);

// Parses "info" etc.; unknown text gives kInfo.
Level ParseLevel(std::string_view level);

bool Enabled(Level level);
void Write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void Info(std::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kInfo, event, fields);
}
inline void Warn(std::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kWarn, event, fields);
}
inline void Error(std::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kError, event, fields);
}

// Writes everything queued and stops the background thread. Called at shutdown.
void Shutdown();

}  // namespace allmende::log
