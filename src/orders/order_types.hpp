// Orders: framework agreements, orders and their lifecycle, offers, visits, the timeline and the
// message thread of an order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allmende::orders {

// A purchaser's framework agreement with a provider.
struct Agreement {
  std::string id;
  std::string region_id;
  std::string purchaser_id;
  std::string purchaser_name;
  std::string provider_id;
  std::string provider_name;
  std::vector<std::string> categories;
  std::vector<std::string> municipalities;  // place codes ("fi-837")
  std::vector<std::string> languages;
  std::string price_model;  // hourly, per_visit
  std::int64_t price_cents = 0;
  std::string currency = "EUR";
  int vat_rate_bp = 0;
  int billing_unit_minutes = 15;
  int minimum_minutes = 0;
  std::int64_t weekly_capacity_minutes = 0;
  int rank = 1;
  int offer_count = 1;
  int response_minutes = 240;
  int late_cancel_hours = 24;
  int late_cancel_charge_bp = 5000;
  int no_show_charge_bp = 10000;
  std::string valid_from;
  std::optional<std::string> valid_until;
  std::string state = "active";
  std::string created_at;
  std::int64_t version = 1;
};

// When an order's visits happen, in the region's local time.
struct Schedule {
  std::string frequency = "once";  // once, weekly, monthly
  int interval = 1;
  std::vector<int> weekdays;  // ISO 1..7
  int month_day = 0;
  std::string start_date;  // YYYY-MM-DD
  std::optional<std::string> until;
  std::optional<int> count;
  std::string window_start = "10:00";
  std::string window_end = "12:00";
  bool skip_public_holidays = false;
};

// The price an order was accepted at: the agreement's, or the published service's.
struct OrderPrice {
  std::string model;  // hourly, per_visit
  std::int64_t amount_cents = 0;
  std::string currency = "EUR";
  int billing_unit_minutes = 1;
  int minimum_minutes = 0;
  std::int64_t minimum_cents = 0;  // the least a visit costs (a published service's minimum charge)
  int labour_share_bp = 10000;
  int late_cancel_hours = 24;
  int late_cancel_charge_bp = 5000;
  int no_show_charge_bp = 10000;
};

struct Order {
  std::string id;
  std::string region_id;
  std::string origin;  // purchaser, shop, employer
  std::string client_id;
  std::string client_name;
  std::string ordered_by;
  std::optional<std::string> purchaser_id;
  std::string category;
  std::optional<std::string> service_id;
  std::string municipality_code;
  std::optional<std::string> district_code;
  std::string language;
  std::string needs;          // opened
  std::string address;        // opened; shown to the provider only after acceptance
  std::string door_code;      // likewise
  std::string contact_phone;  // likewise
  Schedule schedule;
  int duration_minutes = 120;
  std::vector<std::string> grants;  // in priority order
  std::vector<std::string> tasks;   // what each visit should do, ticked by the worker
  std::optional<std::string> chosen_provider_id;
  std::optional<std::string> provider_id;
  std::optional<std::string> provider_name;
  std::optional<std::string> agreement_id;
  std::optional<std::string> worker_id;
  std::optional<OrderPrice> price;
  std::string state;
  std::optional<std::string> escalation_reason;  // in English words, for logs and integrations
  // What emptied the cascade ("area", "language+capacity", …): the UI words it in the reader's
  // language with the order's municipality, category and language.
  std::optional<std::string> escalation_code;
  std::optional<std::string> next_deadline;
  std::optional<std::string> consent_id;  // the client's consent, when the advice desk ordered for them
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

struct Offer {
  std::string id;
  std::string region_id;
  std::string order_id;
  std::string provider_id;
  std::int64_t seq = 0;
  std::string state;  // open, accepted, declined, expired, withdrawn
  std::string offered_at;
  std::string deadline;
  std::optional<std::string> decided_at;
  std::optional<std::string> reason;
};

struct Visit {
  std::string id;
  std::string region_id;
  std::string order_id;
  std::string provider_id;
  std::optional<std::string> worker_id;
  std::string local_date;
  std::string starts_at;
  std::string ends_at;
  std::string state;  // planned, in_progress, delivered, confirmed, failed, cancelled, disputed
  std::optional<std::string> checked_in_at;
  std::optional<std::string> checked_out_at;
  std::string tasks = "[]";  // JSON list of {"label", "done"}
  std::string note;          // opened
  std::optional<std::string> deviation;
  std::optional<std::string> failure_reason;
  std::optional<std::string> dispute_reason;
  std::optional<int> charge_bp;
  std::optional<std::int64_t> billable_minutes;
  std::optional<std::int64_t> price_cents;
  std::optional<std::string> split;  // JSON of the funding split
  std::string updated_at;
  std::int64_t version = 1;
};

struct TimelineEntry {
  std::string id;
  std::string at;
  std::string actor_id;
  std::string actor_role;
  std::string kind;
  std::optional<std::string> from_state;
  std::optional<std::string> to_state;
  std::optional<std::string> note;
  std::string audience;  // all, staff, provider
};

struct Message {
  std::string id;
  std::string order_id;
  std::string author_id;
  std::string author_name;
  std::string author_role;
  std::string body;  // opened
  std::string at;
  std::vector<std::string> read_by;
};

}  // namespace allmende::orders
