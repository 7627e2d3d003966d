#include "storage/dialect.hpp"

#include <gtest/gtest.h>

namespace allmende::storage {
namespace {

TEST(Dialect, OneStatementServesBothBackends) {
  const std::string_view claim = "SELECT id FROM jobs WHERE run_at <= $1 LIMIT 1 {{skip_locked}}";
  EXPECT_EQ(ExpandDialect(claim, Dialect::kPostgres),
            "SELECT id FROM jobs WHERE run_at <= $1 LIMIT 1 FOR UPDATE SKIP LOCKED");
  EXPECT_EQ(ExpandDialect(claim, Dialect::kSqlite), "SELECT id FROM jobs WHERE run_at <= $1 LIMIT 1 ");
  EXPECT_EQ(ExpandDialect("SELECT 1", Dialect::kPostgres), "SELECT 1");
}

}  // namespace
}  // namespace allmende::storage
