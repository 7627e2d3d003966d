#include "server/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace allmende::http {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::path(::testing::TempDir()) / ("allmende_static_" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>Allmende</title>";
    std::ofstream(root_ / "assets" / "app-1234.js") << "console.log(1)";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  Request Get(std::string path) {
    Request r;
    r.method = "GET";
    r.path = std::move(path);
    return r;
  }
  std::filesystem::path root_;
};

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndIndexIsRevalidated) {
  StaticFiles files(root_.string());
  auto js = files.Serve(Get("/assets/app-1234.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(std::find(js->headers.begin(), js->headers.end(),
                      std::pair<std::string, std::string>{"Cache-Control", "public, max-age=31536000, immutable"}),
            js->headers.end());
  auto index = files.Serve(Get("/"));
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("Allmende"), std::string::npos);
  EXPECT_EQ(index->headers[1].second, "no-cache");
}

TEST_F(StaticFilesTest, DeepLinksFallBackToIndexButMissingFilesDoNot) {
  StaticFiles files(root_.string());
  auto deep = files.Serve(Get("/profile/sessions"));
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(files.Serve(Get("/assets/missing.js")));
}

TEST_F(StaticFilesTest, MatchingEtagGivesNotModified) {
  StaticFiles files(root_.string());
  auto first = files.Serve(Get("/index.html"));
  auto again = Get("/index.html");
  again.headers.emplace_back("if-none-match", first->headers[0].second);
  auto second = files.Serve(again);
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
}

TEST_F(StaticFilesTest, MissingRootServesNothing) {
  StaticFiles files((root_ / "nope").string());
  EXPECT_EQ(files.file_count(), 0u);
  EXPECT_FALSE(files.Serve(Get("/")));
}

}  // namespace
}  // namespace allmende::http
