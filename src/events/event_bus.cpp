#include "events/event_bus.hpp"

#include <boost/json.hpp>
#include <utility>

namespace allmende::events {

std::string Event::ToJson(bool with_audience) const {
  boost::json::object o;
  o["id"] = id;
  o["topic"] = topic;
  o["region_id"] = region_id;
  o["subject_id"] = subject_id;
  boost::json::array a;
  for (const auto& k : audience) a.emplace_back(k);
  if (with_audience) o["audience"] = std::move(a);
  boost::system::error_code ec;
  auto parsed = boost::json::parse(data, ec);
  o["data"] = ec ? boost::json::value(boost::json::object()) : parsed;
  o["occurred_at"] = occurred_at;
  return boost::json::serialize(o);
}

std::optional<Event> Event::FromJson(std::string_view json) {
  boost::system::error_code ec;
  auto v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto text = [&](const char* key) -> std::string {
    auto it = o.find(key);
    return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
  };
  Event e;
  e.id = text("id");
  e.topic = text("topic");
  e.region_id = text("region_id");
  e.subject_id = text("subject_id");
  e.occurred_at = text("occurred_at");
  if (auto it = o.find("audience"); it != o.end() && it->value().is_array()) {
    for (const auto& k : it->value().as_array()) {
      if (k.is_string()) e.audience.emplace_back(k.as_string());
    }
  }
  if (auto it = o.find("data"); it != o.end()) e.data = boost::json::serialize(it->value());
  if (e.id.empty() || e.topic.empty()) return std::nullopt;
  return e;
}

bool Subscription::Wants(const Event& e) const {
  for (const auto& a : e.audience) {
    for (const auto& k : keys_) {
      if (a == k) return true;
    }
  }
  return false;
}

void Subscription::Deliver(const Event& e) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= capacity_) {
      queue_.pop_front();
      overflowed_ = true;
    }
    queue_.push_back(e);
    wake = wake_;
  }
  if (wake) wake();
}

void Subscription::MarkGap() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mu_);
    overflowed_ = true;
    wake = wake_;
  }
  if (wake) wake();
}

std::vector<Event> Subscription::Drain() {
  std::lock_guard lock(mu_);
  std::vector<Event> out(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
  queue_.clear();
  return out;
}

void Subscription::SetWaker(std::function<void()> wake) {
  std::lock_guard lock(mu_);
  wake_ = std::move(wake);
}

bool Subscription::overflowed() const {
  std::lock_guard lock(mu_);
  return overflowed_;
}

bool Subscription::TakeOverflow() {
  std::lock_guard lock(mu_);
  return std::exchange(overflowed_, false);
}

std::shared_ptr<Subscription> EventBus::Subscribe(std::vector<std::string> keys) {
  auto s = std::make_shared<Subscription>(std::move(keys));
  std::lock_guard lock(mu_);
  subscribers_.push_back(s);
  return s;
}

void EventBus::Dispatch(const Event& event) {
  std::vector<std::shared_ptr<Subscription>> targets;
  {
    std::lock_guard lock(mu_);
    std::erase_if(subscribers_, [](const auto& w) { return w.expired(); });
    for (const auto& w : subscribers_) {
      if (auto s = w.lock(); s && s->Wants(event)) targets.push_back(std::move(s));
    }
  }
  for (const auto& s : targets) s->Deliver(event);
}

void EventBus::MarkGapForAll() {
  std::vector<std::shared_ptr<Subscription>> targets;
  {
    std::lock_guard lock(mu_);
    for (const auto& w : subscribers_) {
      if (auto s = w.lock()) targets.push_back(std::move(s));
    }
  }
  for (const auto& s : targets) s->MarkGap();
}

Result<void> InProcessEventBus::Publish(storage::Connection& c, const Event& event) {
  c.OnCommit([this, event] { Dispatch(event); });
  return Ok();
}

std::unique_ptr<EventBus> MakeEventBus(storage::Database& db, const std::string& database_url) {
  if (db.backend() == "postgresql") return MakePostgresEventBus(database_url);
  return std::make_unique<InProcessEventBus>();
}

}  // namespace allmende::events
