// docs/scale.md classifies every table for distribution over Citus. This test reads that table
// and the real PostgreSQL schema and fails when they disagree, so the document cannot go stale.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "server_harness.hpp"

namespace allmende::testing {
namespace {

TEST(SchemaDocs, ScaleDocumentClassifiesEveryTableOfTheSchema) {
  ASSERT_EQ(TestBackend(), "postgresql");
  TestDatabase db("schema_docs");
  std::vector<std::string> migrate{"migrate"};
  for (const auto& a : db.Args()) migrate.push_back(a);
  auto [code, output] = RunBinary(migrate);
  ASSERT_EQ(code, 0) << output;

  std::ifstream in(std::string(ALLMENDE_SOURCE_DIR) + "/docs/scale.md");
  std::stringstream text;
  text << in.rdbuf();
  std::regex row(R"(\|\s*`([a-z_]+)`\s*\|\s*(local \(coordinator\)|reference|distributed)[^|]*\|)");
  std::map<std::string, std::string> documented;
  std::string doc = text.str();
  for (std::sregex_iterator it(doc.begin(), doc.end(), row), end; it != end; ++it) {
    documented[(*it)[1]] = (*it)[2];
  }
  ASSERT_FALSE(documented.empty());

  std::string tables = db.Execute(
      "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables "
      "WHERE table_schema = 'public'");
  std::set<std::string> actual;
  std::stringstream list(tables);
  for (std::string t; std::getline(list, t, ',');) actual.insert(t);
  for (const auto& t : actual) {
    EXPECT_TRUE(documented.count(t)) << "table " << t << " is not classified in docs/scale.md";
  }
  for (const auto& [t, placement] : documented) {
    EXPECT_TRUE(actual.count(t)) << "docs/scale.md lists " << t << ", which the schema does not have";
  }
}

}  // namespace
}  // namespace allmende::testing
