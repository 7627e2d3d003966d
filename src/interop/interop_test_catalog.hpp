// The reference data interop's unit tests map with: the categories and places of the migrations,
// loaded once from a fresh SQLite database into a CatalogIndex.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "directory/catalog_index.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::interop {

inline const directory::CatalogIndex& TestCatalog() {
  static const std::unique_ptr<directory::CatalogIndex> catalog = [] {
    auto path =
        std::filesystem::path(::testing::TempDir()) / ("allmende_interop_" + std::to_string(::getpid()) + ".db");
    auto db = std::move(*storage::OpenSqlite({.path = path.string(), .read_connections = 1, .busy_timeout_ms = 5000}));
    EXPECT_TRUE(storage::ApplyMigrations(*db, storage::EmbeddedMigrations("sqlite")).ok());
    auto loaded = std::make_unique<directory::CatalogIndex>();
    EXPECT_TRUE(loaded->Load(*db).ok());
    db->Close();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
    return loaded;
  }();
  return *catalog;
}

}  // namespace allmende::interop
