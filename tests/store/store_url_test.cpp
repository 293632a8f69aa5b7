#include "store/store_url.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "store/store.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(StoreUrl, PostgresSchemes) {
  EXPECT_TRUE(is_postgres_url("postgresql://db.example.com/liftshift"));
  EXPECT_TRUE(is_postgres_url("postgres://u@h/d"));
  EXPECT_FALSE(is_postgres_url("/var/lib/liftshift/results.db"));
  EXPECT_FALSE(is_postgres_url("results.db"));
}

TEST(StoreUrl, MasksThePassword) {
  EXPECT_EQ(mask_store_url("postgresql://fleet:Ord3rs!Pwd@db.example.com:5432/liftshift"),
            "postgresql://fleet:***@db.example.com:5432/liftshift");
  EXPECT_EQ(mask_store_url("postgres://fleet:p%40ss@db/x?sslmode=require"),
            "postgres://fleet:***@db/x?sslmode=require");
  EXPECT_EQ(mask_store_url("postgresql://fleet@db/x?password=Exp0rt!Pwd&sslmode=require"),
            "postgresql://fleet@db/x?password=***&sslmode=require");
  EXPECT_EQ(mask_store_url("postgresql://db.example.com/x"), "postgresql://db.example.com/x");
  EXPECT_EQ(mask_store_url("/home/u/results.db"), "/home/u/results.db");
  // An unencoded '@' in the password: everything up to the last '@' is hidden.
  EXPECT_EQ(mask_store_url("postgresql://u:Mail@Pass42@h/d"), "postgresql://u:***@h/d");
}

TEST(StoreUrl, ScrubsThePasswordFromLibraryMessages) {
  std::string url = "postgresql://u:Mail!Pass42@h/d";
  EXPECT_EQ(scrub_password("failed for Mail!Pass42 and " + url, url),
            "failed for *** and postgresql://u:***@h/d");
}

TEST(StoreUrl, DescribesWithoutThePassword) {
  EXPECT_EQ(describe_postgres_url("postgresql://fleet:S3cr3t!Pass@db.example.com:6543/estate"),
            "PostgreSQL estate@db.example.com:6543");
  EXPECT_EQ(describe_postgres_url("postgresql://fleet@db/estate"), "PostgreSQL estate@db");
  std::string socket = describe_postgres_url("postgresql://u:pw@/estate?host=/run/pg");
  EXPECT_EQ(socket, "PostgreSQL estate@/run/pg");
}

TEST(StoreUrl, DefaultPathFollowsXdgDataHome) {
  const char* saved_xdg = std::getenv("XDG_DATA_HOME");
  std::string restore = saved_xdg != nullptr ? saved_xdg : "";
  ::setenv("XDG_DATA_HOME", "/data/u", 1);
  EXPECT_EQ(default_store_path(), "/data/u/liftshift/results.db");
  ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
  std::string home = std::getenv("HOME") != nullptr ? std::getenv("HOME") : "";
  if (!home.empty()) {
    EXPECT_EQ(default_store_path(), home + "/.local/share/liftshift/results.db");
  }
  if (saved_xdg != nullptr) {
    ::setenv("XDG_DATA_HOME", restore.c_str(), 1);
  } else {
    ::unsetenv("XDG_DATA_HOME");
  }
}

TEST(StoreUrl, SqliteStoreIsDescribedByItsPathAndCreatedWithItsFolder) {
  test::TempDir dir;
  std::string path = (dir.path() / "new" / "folder" / "results.db").string();
  auto store = open_store(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ((*store)->describe(), "SQLite " + path);
  EXPECT_TRUE(std::filesystem::exists(path));
  auto perms = std::filesystem::status(path).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);
}

TEST(StoreUrl, NotADatabaseIsAClearError) {
  test::TempDir dir;
  auto text = dir.write("notes.txt", std::string(4096, 'x'));
  auto r = open_store(text.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a database"), std::string::npos) << r.error().message;
  auto folder = open_store(dir.path().string());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message.find("is a folder"), std::string::npos);
}

}  // namespace
}  // namespace liftshift
