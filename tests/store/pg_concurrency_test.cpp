// `liftshift assess` against a real PostgreSQL server (started by the test,
// see pg_test_server.hpp): 8 processes writing at once lose nothing, every
// source's applications and findings are there exactly once, and the
// password of the store URL is never printed nor kept.
#include <gtest/gtest.h>

#include <future>

#include "estate_check.hpp"
#include "pg_test_server.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using test::PgTestServer;
using test::run_liftshift;

class PgAssess : public ::testing::Test {
 protected:
  void SetUp() override {
    LIFTSHIFT_REQUIRE_PG_SERVER();
    url_ = PgTestServer::instance().url(PgTestServer::instance().fresh_database());
  }
  test::TempDir dir_;
  std::string url_;
};

TEST_F(PgAssess, EightConcurrentWritersLoseNothing) {
  constexpr std::size_t kWriters = 8;
  auto copies = test::copy_sample(dir_.path(), "w", 2 * kWriters);
  // Two sources every writer assesses too: the same rows replaced at once.
  auto shared = test::copy_sample(dir_.path() / "shared", "common", 2);
  auto baseline = test::sample_baseline();

  // A tag set before the run survives the concurrent re-assessments.
  ASSERT_EQ(run_liftshift({"assess", "--store", url_, shared[0]}).exit_code, 0);
  std::string tagged = "common00/" + baseline.begin()->first;
  auto tag = run_liftshift({"tag", tagged, "priority=high", "--store", url_});
  ASSERT_EQ(tag.exit_code, 0) << tag.err;

  // Writer i runs shard i/N of its own list, whose positions k with
  // k mod N = i hold its two sources and the two shared ones; the other
  // positions (other shards') hold placeholders it never reads.
  std::vector<std::future<test::RunResult>> writers;
  writers.reserve(kWriters);
  for (std::size_t i = 0; i < kWriters; ++i) {
    std::vector<std::string> mine{copies[2 * i], copies[2 * i + 1], shared[0], shared[1]};
    std::string text;
    for (std::size_t k = 0; k < 4 * kWriters; ++k) {
      text +=
          (k % kWriters == i ? mine[k / kWriters] : "/nonexistent/slot" + std::to_string(k)) + "\n";
    }
    auto file = dir_.write("list" + std::to_string(i) + ".txt", text);
    writers.push_back(std::async(std::launch::async, [this, file, i] {
      return run_liftshift({"assess", "--from-list", file.string(), "--shard",
                            std::to_string(i) + "/" + std::to_string(kWriters), "--store", url_});
    }));
  }
  for (auto& w : writers) {
    auto r = w.get();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.find(PgTestServer::kPassword), std::string::npos);
  }

  auto store = open_store(url_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto estate = (*store)->load();
  ASSERT_TRUE(estate.ok()) << estate.error().message;
  auto sources = copies;
  sources.insert(sources.end(), shared.begin(), shared.end());
  test::expect_estate(*estate, sources, baseline);
  for (const auto& a : estate->apps) {
    if (a.id == tagged) {
      EXPECT_EQ(a.tags.at("priority"), "high");
    }
  }

  auto runs = (*store)->runs();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), kWriters + 1);
  std::set<std::string> shards;
  for (const auto& run : *runs) {
    EXPECT_NE(run.info.finished_at, "");
    EXPECT_EQ(run.info.command.find(PgTestServer::kPassword), std::string::npos)
        << run.info.command;
    if (!run.info.shard.empty()) {
      shards.insert(run.info.shard);
      EXPECT_EQ(run.sources, 4) << run.info.shard;
      EXPECT_NE(run.info.command.find("postgresql://postgres:***@"), std::string::npos)
          << run.info.command;
    }
  }
  EXPECT_EQ(shards.size(), kWriters);
}

TEST_F(PgAssess, AWrongPasswordIsAClearErrorThatDoesNotShowIt) {
  std::string bad = PgTestServer::instance().url("postgres", "Wrong-Pass-0042");
  auto r = run_liftshift({"assess", "--store", bad, test::published_sample().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("liftshift: results store: PostgreSQL postgres@"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("password authentication failed"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Wrong-Pass-0042"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace liftshift
