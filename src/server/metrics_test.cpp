#include "server/metrics.hpp"

#include <gtest/gtest.h>

namespace allmende::http {
namespace {

TEST(Metrics, CountsByRouteAndStatusWithCumulativeBuckets) {
  Metrics m({{"GET", "/healthz"}, {"GET", "/api/v1/regions/{id}"}});
  m.Record(0, 200, 0.0002);
  m.Record(0, 200, 0.003);
  m.Record(1, 404, 20.0);
  m.Record(m.Unmatched(), 404, 0.001);
  m.AddCollector([](std::string& out) { out += "allmende_db_read_connections 4\n"; });
  std::string text = m.Render();
  EXPECT_NE(text.find("allmende_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("route=\"/healthz\",le=\"0.0005\"} 1"), std::string::npos);
  EXPECT_NE(text.find("route=\"/healthz\",le=\"0.005\"} 2"), std::string::npos);
  EXPECT_NE(text.find("route=\"/api/v1/regions/{id}\",le=\"10\"} 0"), std::string::npos);
  EXPECT_NE(text.find("route=\"/api/v1/regions/{id}\",le=\"+Inf\"} 1"), std::string::npos);
  EXPECT_NE(text.find("route=\"unmatched\",status=\"404\"} 1"), std::string::npos);
  EXPECT_NE(text.find("allmende_db_read_connections 4"), std::string::npos);
}

}  // namespace
}  // namespace allmende::http
