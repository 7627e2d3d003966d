#include "common/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace allmende {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  std::string WriteToml(const std::string& text) {
    // One file per test process: CTest runs these tests in parallel.
    path_ = ::testing::TempDir() + "/allmende_config_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml";
    std::ofstream(path_) << text;
    return path_;
  }
  void TearDown() override {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  std::string path_;
};

TEST_F(ConfigTest, DefaultsWithoutAnySource) {
  auto c = LoadConfig("", {}, {});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->server.port, 8080);
  EXPECT_EQ(c->server.body_limit, 1024 * 1024);
}

TEST_F(ConfigTest, FlagsBeatEnvironmentWhichBeatsFile) {
  auto path = WriteToml("[server]\nport = 9001\nhost = \"0.0.0.0\"\nidle_timeout_ms = 5000\n");
  auto c = LoadConfig(path, {{"ALLMENDE_SERVER_PORT", "9002"}, {"ALLMENDE_SERVER_IDLE_TIMEOUT_MS", "7000"}},
                      {{"server.port", "9003"}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->server.port, 9003);
  EXPECT_EQ(c->server.idle_timeout_ms, 7000);
  EXPECT_EQ(c->server.host, "0.0.0.0");
}

TEST_F(ConfigTest, InvalidValueNamesKeyAndSource) {
  auto c = LoadConfig("", {{"ALLMENDE_SERVER_PORT", "eighty"}}, {});
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("server.port"), std::string::npos);
  EXPECT_NE(c.error().message.find("ALLMENDE_SERVER_PORT"), std::string::npos);
}

TEST_F(ConfigTest, UnknownKeyInFileIsAnError) {
  auto c = LoadConfig(WriteToml("[server]\nprot = 1\n"), {}, {});
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("server.prot"), std::string::npos);
}

TEST_F(ConfigTest, TomlSyntaxErrorNamesLine) {
  auto c = LoadConfig(WriteToml("[server]\nport = = 1\n"), {}, {});
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("line 2"), std::string::npos) << c.error().message;
}

TEST_F(ConfigTest, EnumeratedValuesAreChecked) {
  auto c = LoadConfig("", {}, {{"log.level", "loud"}});
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("log.level"), std::string::npos);
}

}  // namespace
}  // namespace allmende
