#include "events/event_handlers.hpp"

namespace allmende::events {
namespace {

class EventStream final : public http::ResponseStream {
 public:
  explicit EventStream(std::shared_ptr<Subscription> subscription) : subscription_(std::move(subscription)) {}

  void SetWaker(std::function<void()> wake) override { subscription_->SetWaker(std::move(wake)); }

  std::string Pull() override {
    std::string out;
    if (first_) {
      // Tell the browser how soon to reconnect, and show the stream is open before any event.
      out += "retry: 3000\n: connected\n\n";
      first_ = false;
    }
    for (const Event& e : subscription_->Drain()) {
      out += "id: " + e.id + "\nevent: " + e.topic + "\ndata: " + e.ToJson(false) + "\n\n";
    }
    return out;
  }

  void Close() override {
    subscription_->SetWaker(nullptr);
    subscription_.reset();
  }

 private:
  std::shared_ptr<Subscription> subscription_;
  bool first_ = true;
};

}  // namespace

std::vector<std::string> AudienceKeys(const http::Principal& principal) {
  // A platform admin's events need the second factor, like everything else the role may see.
  if (principal.role == "platform_admin" && !principal.mfa_verified && !principal.mfa_exempt) {
    return {"user:" + principal.id};
  }
  return {"user:" + principal.id, "role:" + principal.role};
}

void AddEventRoutes(http::Router& router, EventBus& bus, MembershipKeys membership_keys) {
  router.Add("GET", "/api/v1/events",
             [&bus, membership_keys](const http::Request& request) -> Result<http::Response> {
               if (!request.principal) return Error::Unauthenticated("Sign in to receive live updates.");
               http::Response r;
               r.content_type = "text/event-stream; charset=utf-8";
               auto keys = AudienceKeys(*request.principal);
               // Staff see their organizations' events once they have shown the second factor.
               const http::Principal& p = *request.principal;
               if (membership_keys && (p.mfa_verified || p.mfa_exempt)) {
                 for (auto& k : membership_keys(p)) keys.push_back(std::move(k));
               }
               r.stream = std::make_shared<EventStream>(bus.Subscribe(std::move(keys)));
               return r;
             },
             // On a worker: authenticating reads the session. The stream itself is served by the I/O thread.
             {.access = http::Access::kSignedIn});
}

}  // namespace allmende::events
