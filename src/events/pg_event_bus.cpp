// The PostgreSQL event bus: NOTIFY inside the publishing transaction, LISTEN on a dedicated
// connection in every process.
#include <libpq-fe.h>
#include <poll.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "common/log.hpp"
#include "events/event_bus.hpp"
#include "storage/postgres/pg_database.hpp"

namespace allmende::events {
namespace {

constexpr const char* kChannel = "allmende_events";
constexpr std::string_view kNotify = "SELECT pg_notify('allmende_events', $1)";

class PostgresEventBus final : public EventBus {
 public:
  explicit PostgresEventBus(std::string url) : url_(std::move(url)) {
    listener_ = std::thread([this] { Listen(); });
  }
  ~PostgresEventBus() override { Stop(); }

  Result<void> Publish(storage::Connection& c, const Event& event) override {
    std::string payload = event.ToJson();
    // NOTIFY payloads are limited to 8000 bytes; events carry ids, so this is a programming error.
    if (payload.size() >= 8000) return Error::Internal("event " + event.topic + " is too large for NOTIFY");
    ALLMENDE_TRY(c.Query(kNotify, {payload}));
    return Ok();
  }

  void Stop() override {
    if (stop_.exchange(true)) return;
    if (listener_.joinable()) listener_.join();
  }

 private:
  void Listen() {
    int backoff_ms = 100;
    bool listened = false;
    while (!stop_) {
      PGconn* conn = PQconnectdb(url_.c_str());
      if (PQstatus(conn) != CONNECTION_OK) {
        log::Warn("event_listener_unavailable",
                  {{"database", storage::RedactedUrl(url_)}, {"error", PQerrorMessage(conn)}});
        PQfinish(conn);
        for (int waited = 0; waited < backoff_ms && !stop_; waited += 50) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        backoff_ms = std::min(backoff_ms * 2, 5000);
        continue;
      }
      PQsetNoticeProcessor(
          conn, [](void*, const char*) {}, nullptr);
      PQclear(PQexec(conn, (std::string("LISTEN ") + kChannel).c_str()));
      backoff_ms = 100;
      // Whatever was notified while the connection was down is lost: subscribers that can catch
      // up by re-reading (the directory's and the desk's indexes) are told to.
      if (listened) MarkGapForAll();
      listened = true;
      while (!stop_ && PQstatus(conn) == CONNECTION_OK) {
        pollfd p{PQsocket(conn), POLLIN, 0};
        int ready = ::poll(&p, 1, 200);  // wake up regularly to notice Stop()
        if (ready < 0) break;
        if (ready == 0) continue;
        if (!PQconsumeInput(conn)) break;
        while (PGnotify* n = PQnotifies(conn)) {
          if (auto event = Event::FromJson(n->extra)) Dispatch(*event);
          PQfreemem(n);
        }
      }
      if (!stop_) log::Warn("event_listener_reconnecting", {{"database", storage::RedactedUrl(url_)}});
      PQfinish(conn);
    }
  }

  std::string url_;
  std::atomic<bool> stop_{false};
  std::thread listener_;
};

}  // namespace

std::unique_ptr<EventBus> MakePostgresEventBus(const std::string& url) {
  return std::make_unique<PostgresEventBus>(url);
}

}  // namespace allmende::events
