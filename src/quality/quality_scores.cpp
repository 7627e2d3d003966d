#include "quality/quality_scores.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "common/ids.hpp"

namespace allmende::quality {
namespace {

using storage::Value;

// The counts of the window for one provider (`column` = provider_id) or a region
// (`column` = region_id): four aggregate queries. A provider's run on its indexes; a region's are
// for the daily job (region_quality keeps them for the day).
Result<QualityCounts> Count(storage::Connection& c, const std::string& column, const std::string& id, Timestamp now) {
  const Timestamp from = now - std::chrono::hours(24 * kWindowDays);
  const std::string since = FormatRfc3339(from);
  const std::string since_day = since.substr(0, 10);
  const std::string today = FormatRfc3339(now).substr(0, 10);
  QualityCounts q;
  ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT COUNT(*), COALESCE(SUM(stars), 0) FROM visit_ratings WHERE " +
                                                   column + " = $1 AND created_at >= $2",
                                               {id, since}));
  if (r) q.ratings = r->Int(0), q.stars = r->Int(1);
  ALLMENDE_ASSIGN_OR_RETURN(
      r, c.QueryOne("SELECT COALESCE(SUM(CASE WHEN checkin_delay_minutes IS NOT NULL THEN 1 ELSE 0 END), 0), "
                    "COALESCE(SUM(CASE WHEN checkin_delay_minutes <= " +
                        std::to_string(kPunctualMinutes) +
                        " THEN 1 ELSE 0 END), 0), "
                        "COALESCE(SUM(CASE WHEN state IN ('delivered', 'confirmed', 'disputed') THEN 1 ELSE 0 END), 0) "
                        "FROM visits WHERE " +
                        column + " = $1 AND local_date >= $2 AND local_date <= $3",
                    {id, since_day, today}));
  if (r) q.checked_in = r->Int(0), q.punctual = r->Int(1), q.delivered = r->Int(2);
  ALLMENDE_ASSIGN_OR_RETURN(
      r, c.QueryOne("SELECT COALESCE(SUM(CASE WHEN state IN ('accepted', 'declined', 'expired') THEN 1 ELSE 0 END), "
                    "0), COALESCE(SUM(CASE WHEN state = 'accepted' THEN 1 ELSE 0 END), 0) FROM order_offers WHERE " +
                        column + " = $1 AND offered_at >= $2",
                    {id, since}));
  if (r) q.offers_answered = r->Int(0), q.offers_accepted = r->Int(1);
  ALLMENDE_ASSIGN_OR_RETURN(r, c.QueryOne("SELECT COUNT(*) FROM quality_cases WHERE " + column +
                                              " = $1 AND kind IN ('complaint', 'deviation') AND upheld = 1 AND "
                                              "closed_at >= $2",
                                          {id, since}));
  if (r) q.upheld_cases = r->Int(0);
  return q;
}

std::string ComponentsJson(const QualityScore& s) {
  boost::json::array parts;
  for (const auto& p : s.parts) {
    auto round3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
    parts.push_back(boost::json::object{
        {"name", p.name},
        {"weight", p.weight_percent},
        {"value", round3(p.value)},
        {"shrunk", round3(p.shrunk)},
        {"observed", p.observed ? boost::json::value(round3(*p.observed)) : boost::json::value(nullptr)},
        {"count", p.count},
        {"hits", p.hits},
        {"region_mean", round3(p.region_mean)},
        {"prior_weight", p.prior_weight}});
  }
  return boost::json::serialize(parts);
}

Result<void> Store(storage::Connection& c, events::EventBus& bus, const std::string& provider_id,
                   const std::string& region_id, const QualityScore& s, Timestamp now) {
  // The rating in thousandths, or -1 (NULL in the table) while the provider has none.
  const std::int64_t milli = s.rating ? std::lround(*s.rating * 1000.0) : -1;
  const Value milli_value = milli >= 0 ? Value(milli) : Value(nullptr);
  ALLMENDE_ASSIGN_OR_RETURN(
      auto before,
      c.QueryOne("SELECT rating_milli, rating_count FROM provider_quality WHERE provider_id = $1", {provider_id}));
  const bool rating_changed = !before || before->OptInt(0).value_or(-1) != milli || before->Int(1) != s.rating_count;
  ALLMENDE_TRY(
      c.Execute("INSERT INTO provider_quality (provider_id, region_id, score_permille, rating_milli, rating_count, "
                "components, computed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (provider_id) DO UPDATE SET "
                "region_id = excluded.region_id, score_permille = excluded.score_permille, rating_milli = "
                "excluded.rating_milli, rating_count = excluded.rating_count, components = excluded.components, "
                "computed_at = excluded.computed_at",
                {provider_id, region_id, std::int64_t{s.score_permille}, milli_value, s.rating_count, ComponentsJson(s),
                 FormatRfc3339(now)}));
  if (!rating_changed) return Ok();
  return bus.Publish(c, events::Event{NewId("evt"),
                                      "directory.provider.rated",
                                      region_id,
                                      provider_id,
                                      {"system:directory"},
                                      "{}",
                                      FormatRfc3339(now)});
}

std::string CountsJson(const QualityCounts& q) {
  return boost::json::serialize(boost::json::object{{"ratings", q.ratings},
                                                    {"stars", q.stars},
                                                    {"checked_in", q.checked_in},
                                                    {"punctual", q.punctual},
                                                    {"offers_answered", q.offers_answered},
                                                    {"offers_accepted", q.offers_accepted},
                                                    {"delivered", q.delivered},
                                                    {"upheld_cases", q.upheld_cases}});
}

std::optional<QualityCounts> CountsFromJson(const std::string& text) {
  boost::system::error_code ec;
  auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return std::nullopt;
  const auto& o = doc.as_object();
  auto get = [&](const char* key) -> std::int64_t {
    const auto* v = o.if_contains(key);
    return v && v->is_int64() ? v->as_int64() : 0;
  };
  return QualityCounts{get("ratings"),         get("stars"),           get("checked_in"), get("punctual"),
                       get("offers_answered"), get("offers_accepted"), get("delivered"),  get("upheld_cases")};
}

Result<void> StoreRegion(storage::Connection& c, const std::string& region_id, const QualityCounts& q, Timestamp now) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO region_quality (region_id, counts, computed_at) VALUES ($1, $2, $3) ON CONFLICT "
                "(region_id) DO UPDATE SET counts = excluded.counts, computed_at = excluded.computed_at",
                {region_id, CountsJson(q), FormatRfc3339(now)}));
  return Ok();
}

}  // namespace

Result<void> RecomputeProvider(storage::Connection& c, events::EventBus& bus, const std::string& provider_id,
                               Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto org, c.QueryOne("SELECT region_id FROM organizations WHERE id = $1", {provider_id}));
  if (!org) return Ok();
  const std::string region_id = org->Text(0);
  ALLMENDE_ASSIGN_OR_RETURN(QualityCounts own, Count(c, "provider_id", provider_id, now));
  // The region's prior as the daily job counted it; counted now only the first time.
  ALLMENDE_ASSIGN_OR_RETURN(auto stored,
                            c.QueryOne("SELECT counts FROM region_quality WHERE region_id = $1", {region_id}));
  std::optional<QualityCounts> region;
  if (stored) region = CountsFromJson(stored->Text(0));
  if (!region) {
    ALLMENDE_ASSIGN_OR_RETURN(QualityCounts counted, Count(c, "region_id", region_id, now));
    ALLMENDE_TRY(StoreRegion(c, region_id, counted, now));
    region = counted;
  }
  return Store(c, bus, provider_id, region_id, ScoreOf(own, *region), now);
}

Result<std::int64_t> RecomputeRegion(storage::Connection& c, events::EventBus& bus, const std::string& region_id,
                                     Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(QualityCounts region, Count(c, "region_id", region_id, now));
  ALLMENDE_TRY(StoreRegion(c, region_id, region, now));
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id FROM organizations WHERE region_id = $1 AND kind IN " +
                                                   std::string(kProviderKinds) + " ORDER BY id",
                                               {region_id}));
  for (const auto& r : rows) {
    ALLMENDE_ASSIGN_OR_RETURN(QualityCounts own, Count(c, "provider_id", r.Text(0), now));
    ALLMENDE_TRY(Store(c, bus, r.Text(0), region_id, ScoreOf(own, region), now));
  }
  return static_cast<std::int64_t>(rows.size());
}

Result<std::optional<StoredQuality>> ScoreOfProvider(storage::Connection& c, const std::string& provider_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto org, c.QueryOne("SELECT 1 FROM organizations WHERE id = $1 AND kind IN " + std::string(kProviderKinds),
                           {provider_id}));
  if (!org) return Error::NotFound("There is no such provider.");
  return StoredQualityOf(c, provider_id);
}

Result<std::optional<StoredQuality>> StoredQualityOf(storage::Connection& c, const std::string& provider_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT provider_id, region_id, score_permille, rating_milli, "
                                               "rating_count, components, computed_at FROM provider_quality WHERE "
                                               "provider_id = $1",
                                               {provider_id}));
  if (!r) return std::optional<StoredQuality>();
  StoredQuality q{r->Text(0), r->Text(1), static_cast<int>(r->Int(2)), std::nullopt, r->Int(4), r->Text(5), r->Text(6)};
  if (!r->IsNull(3)) q.rating = static_cast<double>(r->Int(3)) / 1000.0;
  return std::optional<StoredQuality>(std::move(q));
}

Result<std::map<std::string, int>> RegionScores(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT provider_id, score_permille FROM provider_quality WHERE region_id = $1", {region_id}));
  std::map<std::string, int> out;
  for (const auto& r : rows) out[r.Text(0)] = static_cast<int>(r.Int(1));
  return out;
}

}  // namespace allmende::quality
