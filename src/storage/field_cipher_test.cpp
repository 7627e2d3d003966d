#include "storage/field_cipher.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::storage {
namespace {

class FieldCipherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    dir_ =
        std::filesystem::path(::testing::TempDir()) / ("allmende_keys_" + std::to_string(::getpid()) + "_" +
                                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(FieldCipherTest, ASealedValueOpensAndShowsNothingOfItsText) {
  auto cipher = *FieldCipher::LoadOrCreate((dir_ / "keys").string());
  std::string secret = "JBSWY3DPEHPK3PXP";
  std::string sealed = cipher.Seal(secret);
  EXPECT_TRUE(sealed.starts_with("enc1:"));
  EXPECT_EQ(sealed.find(secret), std::string::npos);
  EXPECT_NE(sealed, cipher.Seal(secret)) << "a fresh nonce each time";
  EXPECT_EQ(*cipher.Open(sealed), secret);
  EXPECT_EQ(*cipher.Open("stored before encryption"), "stored before encryption");
  EXPECT_EQ(::access((dir_ / "keys").c_str(), F_OK), 0);
  struct stat st {};
  ::stat((dir_ / "keys").c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "the key file is the owner's only";
}

TEST_F(FieldCipherTest, AnAlteredValueOrAnotherKeysValueDoesNotOpen) {
  auto a = *FieldCipher::LoadOrCreate((dir_ / "a").string());
  auto b = *FieldCipher::LoadOrCreate((dir_ / "b").string());
  std::string sealed = a.Seal("secret");
  EXPECT_FALSE(b.Open(sealed).ok());
  std::string altered = sealed;
  altered[altered.size() - 3] = altered[altered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(a.Open(altered).ok());
}

TEST_F(FieldCipherTest, TwoProcessesStartingTogetherShareOneKey) {
  const std::string path = (dir_ / "keys").string();
  std::vector<std::string> sealed(8);
  std::vector<std::thread> starts;
  for (int i = 0; i < 8; ++i) {
    starts.emplace_back([&, i] { sealed[static_cast<std::size_t>(i)] = FieldCipher::LoadOrCreate(path)->Seal("x"); });
  }
  for (auto& t : starts) t.join();
  auto cipher = *FieldCipher::LoadOrCreate(path);
  for (const auto& s : sealed) EXPECT_EQ(*cipher.Open(s), "x");
}

TEST_F(FieldCipherTest, RotationReSealsOldAndClearValuesWithTheNewKey) {
  const std::string path = (dir_ / "keys").string();
  auto old_cipher = *FieldCipher::LoadOrCreate(path);
  auto db = std::move(*OpenSqlite({.path = (dir_ / "t.db").string(), .read_connections = 1}));
  ASSERT_TRUE(db->Write([&](Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.ExecuteScript("CREATE TABLE users (id TEXT PRIMARY KEY, totp_secret TEXT)"));
    ALLMENDE_TRY(c.Execute("INSERT INTO users VALUES ('a', $1), ('b', 'clear from before'), ('c', NULL)",
                           {old_cipher.Seal("secret a")}));
    return Ok();
  }));
  auto id = FieldCipher::AddKey(path);
  ASSERT_TRUE(id.ok());
  auto cipher = *FieldCipher::LoadOrCreate(path);
  auto n = Reseal(*db, cipher, {"users", "id", "totp_secret"});
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 2);
  auto rows = *db->ReadValue<std::vector<Row>>(
      [](Connection& c) { return c.Query("SELECT totp_secret FROM users WHERE totp_secret IS NOT NULL ORDER BY id"); });
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& r : rows) EXPECT_TRUE(r.Text(0).starts_with("enc1:" + *id + ":")) << r.Text(0);
  EXPECT_EQ(*cipher.Open(rows[0].Text(0)), "secret a");
  EXPECT_EQ(*cipher.Open(rows[1].Text(0)), "clear from before");
  EXPECT_EQ(*Reseal(*db, cipher, {"users", "id", "totp_secret"}), 0) << "a second run has nothing to do";
}

}  // namespace
}  // namespace allmende::storage
