#include "storage/idempotency.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::storage {
namespace {

TEST(Idempotency, StoredResponseIsReturnedForTheSameRequestOnly) {
  auto path = std::filesystem::path(::testing::TempDir()) / ("allmende_idem_" + std::to_string(::getpid()) + ".db");
  auto db = std::move(*OpenSqlite({.path = path.string(), .read_connections = 1, .busy_timeout_ms = 1000}));
  ASSERT_TRUE(ApplyMigrations(*db, EmbeddedMigrations("sqlite")));
  std::string digest = RequestDigest(R"({"code":"x"})");
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_NE(digest, RequestDigest(R"({"code":"y"})"));

  ASSERT_TRUE(db->Write([&](Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto found, FindStoredResponse(c, "admin POST /regions", "k1", digest));
    EXPECT_FALSE(found);
    return StoreResponse(c, "admin POST /regions", "k1", digest, {201, "{\"id\":1}"});
  }));
  ASSERT_TRUE(db->Write([&](Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto found, FindStoredResponse(c, "admin POST /regions", "k1", digest));
    EXPECT_TRUE(found);
    EXPECT_EQ(found->status, 201);
    EXPECT_EQ(found->body, "{\"id\":1}");
    auto other = FindStoredResponse(c, "admin POST /regions", "k1", RequestDigest("{}"));
    EXPECT_FALSE(other);
    EXPECT_EQ(other.error().fields.at(0).field, "Idempotency-Key");
    // Another caller's key space is separate.
    ALLMENDE_ASSIGN_OR_RETURN(auto elsewhere, FindStoredResponse(c, "other POST /regions", "k1", digest));
    EXPECT_FALSE(elsewhere);
    return Ok();
  }));
  db.reset();
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(Idempotency, KeysMustBeVisibleAscii) {
  EXPECT_TRUE(IsValidIdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324"));
  EXPECT_FALSE(IsValidIdempotencyKey(""));
  EXPECT_FALSE(IsValidIdempotencyKey("has space"));
  EXPECT_FALSE(IsValidIdempotencyKey(std::string(256, 'a')));
}

}  // namespace
}  // namespace allmende::storage
