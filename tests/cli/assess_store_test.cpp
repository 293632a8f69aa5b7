// `liftshift assess` with the results store: the default store, --store,
// --no-store, re-assessment, --from-list and --shard, several processes on
// one SQLite file, source identities, `liftshift tag`, and store failures.
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "store/estate_check.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::run_liftshift;

std::unique_ptr<ResultStore> open(const fs::path& path) {
  auto store = open_store(path.string());
  EXPECT_TRUE(store.ok()) << (store ? "" : store.error().message);
  return store ? std::move(store).value() : nullptr;
}

std::set<std::string> json_sources(const std::string& out) {
  std::set<std::string> paths;
  auto report = nlohmann::json::parse(out);
  for (const auto& s : report["sources"]) paths.insert(s["path"]);
  return paths;
}

TEST(AssessStore, WritesTheDefaultStoreInTheUsersDataFolder) {
  test::TempDir dir;
  auto data = dir.path() / "data";
  auto r = run_liftshift({"assess", test::published_sample().string()},
                         {"XDG_DATA_HOME=" + data.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto db = data / "liftshift" / "results.db";
  ASSERT_TRUE(fs::exists(db));
  auto store = open(db);
  auto estate = store->load();
  ASSERT_TRUE(estate.ok());
  ASSERT_EQ(estate->sources.size(), 1u);
  EXPECT_EQ(estate->sources[0].identity, fs::canonical(test::published_sample()).string());
  EXPECT_EQ(estate->apps.size(), test::sample_baseline().size());
  auto runs = store->runs();
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_NE((*runs)[0].info.finished_at, "");
  EXPECT_EQ((*runs)[0].info.version, "0.1.0");
}

TEST(AssessStore, NoStoreWritesNothing) {
  test::TempDir dir;
  auto data = dir.path() / "data";
  auto r = run_liftshift({"assess", "--no-store", test::published_sample().string()},
                         {"XDG_DATA_HOME=" + data.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(data));
  EXPECT_EQ(run_liftshift({"assess", "--no-store", "--store", "x.db", "y"}).exit_code, 2);
}

TEST(AssessStore, ReassessingASourceReplacesItsResultAndKeepsTheHistory) {
  test::TempDir dir;
  auto db = dir.path() / "estate.db";
  auto copies = test::copy_sample(dir.path(), "c", 2);
  for (int i = 0; i < 2; ++i) {
    auto r = run_liftshift({"assess", "--store", db.string(), copies[0], copies[1]});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // The first copy changes: one application's folder goes away.
  auto baseline = test::sample_baseline();
  fs::remove_all(fs::path(copies[0]) / "InventoryTool");
  auto r = run_liftshift({"assess", "--store", db.string(), copies[0]});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  auto store = open(db);
  auto estate = store->load();
  ASSERT_TRUE(estate.ok());
  Report untouched;  // the second copy, as it was
  for (const auto& src : estate->sources) {
    if (src.identity == copies[1]) untouched.sources.push_back(src);
  }
  for (const auto& a : estate->apps) {
    if (a.source_identity == copies[1]) untouched.apps.push_back(a);
  }
  test::expect_estate(untouched, {copies[1]}, baseline);
  EXPECT_EQ(estate->sources.size(), 2u);
  std::size_t in_first = 0;
  for (const auto& a : estate->apps) {
    if (a.source_identity == copies[0]) {
      ++in_first;
      EXPECT_EQ(a.id.find("InventoryTool"), std::string::npos) << a.id;
    }
  }
  EXPECT_EQ(in_first, baseline.size() - 1);
  EXPECT_EQ(store->runs()->size(), 3u);
}

TEST(AssessStore, AnUnreadableSourceIsKeptAsAProblemNotAsASource) {
  test::TempDir dir;
  auto db = dir.path() / "estate.db";
  auto missing = dir.path() / "gone" / "appsrv09.vhdx";
  auto r = run_liftshift(
      {"assess", "--store", db.string(), test::published_sample().string(), missing.string()});
  EXPECT_EQ(r.exit_code, 2) << "a source that cannot be read fails the run";
  EXPECT_NE(r.err.find(missing.string()), std::string::npos) << r.err;

  auto store = open(db);
  auto estate = store->load();
  ASSERT_TRUE(estate.ok());
  ASSERT_EQ(estate->sources.size(), 1u);
  bool kept = false;
  for (const auto& p : estate->problems) {
    if (p.source_unreadable && p.source_path == missing.string()) kept = true;
  }
  EXPECT_TRUE(kept) << "the unreadable source is not among the stored problems";

  auto table = run_liftshift({"portfolio", "--store", db.string()});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("1 source (1 more could not be read)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find(missing.string() + ": could not be read: "), std::string::npos)
      << table.out;

  // Once the path holds a readable source, the problem goes.
  fs::create_directories(missing.parent_path());
  fs::copy(test::published_sample(), missing, fs::copy_options::recursive);
  r = run_liftshift({"assess", "--store", db.string(), missing.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  estate = store->load();
  ASSERT_TRUE(estate.ok());
  EXPECT_EQ(estate->sources.size(), 2u);
  for (const auto& p : estate->problems) EXPECT_FALSE(p.source_unreadable) << p.source_path;
}

TEST(AssessStore, ForgetRemovesASourceGoneForGood) {
  test::TempDir dir;
  auto db = dir.path() / "estate.db";
  auto copies = test::copy_sample(dir.path(), "c", 2);
  ASSERT_EQ(run_liftshift({"assess", "--store", db.string(), copies[0], copies[1]}).exit_code, 0);
  fs::remove_all(copies[0]);  // the server is decommissioned

  auto r = run_liftshift({"forget", "--store", db.string(), copies[0]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("forgot " + copies[0] + ": 1 source, " +
                       std::to_string(test::sample_baseline().size()) + " applications"),
            std::string::npos)
      << r.out;
  auto estate = open(db)->load();
  ASSERT_TRUE(estate.ok());
  ASSERT_EQ(estate->sources.size(), 1u);
  EXPECT_EQ(estate->sources[0].identity, copies[1]);

  // Nothing stored: said, exit 2, and the other sources given are still forgotten.
  r = run_liftshift({"forget", "--store", db.string(), copies[0], copies[1]});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nothing stored for " + copies[0]), std::string::npos) << r.err;
  EXPECT_TRUE(open(db)->load()->sources.empty());
}

TEST(AssessStore, FromListAndShardsSplitTheListDeterministically) {
  test::TempDir dir;
  auto copies = test::copy_sample(dir.path(), "s", 7);
  std::string list = "# wave 1\n";
  for (const auto& c : copies) list += c + "\n\n";
  auto list_file = dir.write("list.txt", list);
  auto db = dir.path() / "estate.db";

  std::set<std::string> all;
  for (int i = 0; i < 3; ++i) {
    std::string shard = std::to_string(i) + "/3";
    auto r = run_liftshift({"assess", "--from-list", list_file.string(), "--shard", shard,
                            "--store", db.string(), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto mine = json_sources(r.out);
    // Source k (0-based, in list order) goes to shard k mod 3.
    std::set<std::string> expected;
    for (std::size_t k = i; k < copies.size(); k += 3) expected.insert(copies[k]);
    EXPECT_EQ(mine, expected) << shard;
    for (const auto& s : mine) EXPECT_TRUE(all.insert(s).second) << s << " in two shards";
    auto again = run_liftshift({"assess", "--from-list", list_file.string(), "--shard", shard,
                                "--no-store", "--format", "json"});
    EXPECT_EQ(json_sources(again.out), mine) << "same shard, same sources";
  }
  EXPECT_EQ(all.size(), copies.size());
  auto estate = open(db)->load();
  ASSERT_TRUE(estate.ok());
  test::expect_estate(*estate, copies, test::sample_baseline());

  // A PATH and a list combine, a source listed twice is assessed once.
  auto both = run_liftshift(
      {"assess", "--no-store", "--format", "json", "--from-list", list_file.string(), copies[0]});
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(nlohmann::json::parse(both.out)["sources"].size(), copies.size());
  // "-" reads the list from stdin.
  auto from_stdin = test::run_child(
      {test::exe().string(), "assess", "--no-store", "--format", "json", "--from-list", "-"},
      {.stdin_text = "# from a pipe\n" + copies[0] + "\n" + copies[1] + "\n"});
  ASSERT_EQ(from_stdin.status(), 0) << from_stdin.err;
  EXPECT_EQ(nlohmann::json::parse(from_stdin.out)["sources"].size(), 2u);
}

TEST(AssessStore, BadListsAndShardsAreUsageErrors) {
  test::TempDir dir;
  auto empty = dir.write("empty.txt", "# nothing\n\n");
  auto r = run_liftshift({"assess", "--no-store", "--from-list", empty.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("names no source"), std::string::npos) << r.err;
  r = run_liftshift({"assess", "--no-store", "--from-list", (dir.path() / "missing").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot read the source list"), std::string::npos) << r.err;
  r = run_liftshift({"assess", "--no-store"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("give a PATH"), std::string::npos) << r.err;
  // The one source-list parser (core/source_list.hpp) refuses a control
  // character, naming the file and the line, and prints it harmlessly.
  auto control = dir.write("control.txt", "/srv/a\n/srv/b\x1b]2;owned\x07\n");
  r = run_liftshift({"assess", "--no-store", "--from-list", control.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("control.txt: line 2: invalid UTF-8 or a control character"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  for (const char* bad : {"3/3", "0/0", "x", "1/2/3"}) {
    r = run_liftshift({"assess", "--no-store", "--shard", bad, test::published_sample().string()});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--shard"), std::string::npos) << r.err;
  }
  // A shard with no source of its own is a valid, empty run.
  r = run_liftshift({"assess", "--no-store", "--shard", "1/2", "--format", "json",
                     test::published_sample().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(json_sources(r.out).empty());
}

TEST(AssessStore, SeveralProcessesWriteOneSqliteFileWithoutLosingAnything) {
  test::TempDir dir;
  auto copies = test::copy_sample(dir.path(), "p", 8);
  auto shared = test::copy_sample(dir.path() / "shared", "common", 1);
  auto db = dir.path() / "estate.db";
  constexpr std::size_t kWriters = 4;
  std::vector<std::future<test::RunResult>> writers;
  writers.reserve(kWriters);
  for (std::size_t i = 0; i < kWriters; ++i) {
    // Each writer: two sources of its own, and the one source all of them assess.
    auto list = dir.write("list" + std::to_string(i) + ".txt",
                          copies[2 * i] + "\n" + copies[2 * i + 1] + "\n" + shared[0] + "\n");
    writers.push_back(std::async(std::launch::async, [&db, list] {
      return run_liftshift({"assess", "--from-list", list.string(), "--store", db.string()});
    }));
  }
  for (auto& w : writers) {
    auto r = w.get();
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  auto store = open(db);
  auto estate = store->load();
  ASSERT_TRUE(estate.ok()) << estate.error().message;
  auto sources = copies;
  sources.push_back(shared[0]);
  test::expect_estate(*estate, sources, test::sample_baseline());
  auto runs = store->runs();
  ASSERT_EQ(runs->size(), kWriters);
  for (const auto& run : *runs) {
    EXPECT_EQ(run.sources, 3) << run.info.command;
    EXPECT_NE(run.info.finished_at, "");
  }
}

TEST(AssessStore, ServersAreKnownByMachineGuidAndImagesByTheirOwnIdentifier) {
  test::TempDir dir;
  // A copy of APPSRV01 whose SOFTWARE hive gets a MachineGuid, with hivexsh.
  auto drive = dir.path() / "appsrv01";
  fs::copy(test::fixtures() / "servers" / "appsrv01", drive, fs::copy_options::recursive);
  auto hive = drive / "Windows" / "System32" / "config" / "SOFTWARE";
  auto script = dir.write("guid.hivexsh",
                          "cd \\Microsoft\nadd Cryptography\ncd Cryptography\nsetval 1\n"
                          "MachineGuid\nstring:8E3A1C2B-55D4-4F0E-9C61-0B7D2A9E4F13\ncommit\n");
  auto hivexsh = test::run_child({"hivexsh", "-w", "-f", script.string(), hive.string()},
                                 {.merge_output = true});
  ASSERT_EQ(hivexsh.status(), 0) << hivexsh.out;

  auto db = dir.path() / "estate.db";
  auto vhdx = test::fixtures() / "servers" / "appsrv01.vhdx";
  auto raw = test::fixtures() / "servers" / "appsrv01.raw";
  auto vmdk = test::fixtures() / "servers" / "appsrv01.vmdk";
  auto r = run_liftshift({"assess", "--store", db.string(), drive.string(), vhdx.string(),
                          raw.string(), vmdk.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto estate = open(db)->load();
  ASSERT_TRUE(estate.ok());
  std::map<std::string, std::string> identity;  // path -> identity
  for (const auto& s : estate->sources) identity[s.path] = s.identity;
  EXPECT_EQ(identity[drive.string()],
            fs::canonical(drive).string() + "|machine-guid:8e3a1c2b-55d4-4f0e-9c61-0b7d2a9e4f13");
  EXPECT_TRUE(identity[vhdx.string()].starts_with(fs::canonical(vhdx).string() + "|vhdx:"))
      << identity[vhdx.string()];
  EXPECT_TRUE(identity[vmdk.string()].starts_with(fs::canonical(vmdk).string() + "|vmdk-cid:"))
      << identity[vmdk.string()];
  EXPECT_TRUE(identity[raw.string()].starts_with(fs::canonical(raw).string() + "|sha256-1mib:"))
      << identity[raw.string()];
  for (const auto& [path, id] : identity) {
    if (path != drive.string()) {
      EXPECT_TRUE(id.find("|partition ") != std::string::npos) << id;
    }
  }

  // Assessed again, from another spelling of the same paths: nothing new.
  auto again = run_liftshift({"assess", "--store", db.string(),
                              (dir.path() / "." / "appsrv01" / "").string(), vhdx.string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(open(db)->load()->sources.size(), 4u);
}

TEST(AssessStore, TagCommandSetsAndRemovesHintsThatSurviveReassessment) {
  test::TempDir dir;
  auto db = dir.path() / "estate.db";
  auto sample = test::published_sample().string();
  ASSERT_EQ(run_liftshift({"assess", "--store", db.string(), sample}).exit_code, 0);
  auto estate = open(db)->load();
  ASSERT_TRUE(estate.ok());
  ASSERT_FALSE(estate->apps.empty());
  std::string id = estate->apps[0].id;

  auto r = run_liftshift({"tag", id, "priority=high", "--store", db.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "tagged 1 application priority=high\n");
  ASSERT_EQ(run_liftshift({"assess", "--store", db.string(), sample}).exit_code, 0);
  auto tagged = open(db)->load();
  ASSERT_TRUE(tagged.ok());
  for (const auto& a : tagged->apps) {
    if (a.id == id) {
      EXPECT_EQ(a.tags.at("priority"), "high");
    } else {
      EXPECT_TRUE(a.tags.empty()) << a.id;
    }
  }
  r = run_liftshift({"tag", id, "priority=", "--store", db.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "removed priority from 1 application\n");
  auto untagged = open(db)->load();
  ASSERT_TRUE(untagged.ok());
  for (const auto& a : untagged->apps) EXPECT_TRUE(a.tags.empty()) << a.id;

  r = run_liftshift({"tag", "no-such-app", "priority=high", "--store", db.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no application 'no-such-app'"), std::string::npos) << r.err;
  r = run_liftshift({"tag", id, "priority", "--store", db.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("KEY=VALUE"), std::string::npos) << r.err;
}

TEST(AssessStore, StoreFailuresAreClearMessagesWithExitCode2AndNoPassword) {
  test::TempDir dir;
  auto sample = test::published_sample().string();
  auto not_db = dir.write("notes.txt", std::string(8192, 'n'));
  auto r = run_liftshift({"assess", "--store", not_db.string(), sample});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("liftshift: results store: SQLite " + not_db.string()), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "") << "nothing assessed when the store cannot be opened";

  // Nobody listens on this socket folder; the password never shows.
  std::string url =
      "postgresql://fleet:Mail!Pass42@/estate?host=" + dir.path().string() + "&connect_timeout=2";
  for (auto args : {std::vector<std::string>{"assess", "--store", url, sample},
                    std::vector<std::string>{"tag", "x", "a=b", "--store", url}}) {
    r = run_liftshift(args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_NE(r.err.find("liftshift: results store: PostgreSQL estate@"), std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("Mail!Pass42"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("Mail!Pass42"), std::string::npos) << r.out;
  }
}

TEST(AssessStore, OutputCoversEverySourceAsOneRunWould) {
  // Sources are assessed one at a time; the report still covers all of them
  // and two folders with one name still get distinct application ids.
  test::TempDir dir;
  auto a = dir.path() / "a" / "published";
  auto b = dir.path() / "b" / "published";
  fs::create_directories(a.parent_path());
  fs::create_directories(b.parent_path());
  fs::copy(test::published_sample(), a, fs::copy_options::recursive);
  fs::copy(test::published_sample(), b, fs::copy_options::recursive);
  auto r = run_liftshift({"assess", "--no-store", "--format", "json", a.string(), b.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  auto baseline = test::sample_baseline();
  EXPECT_EQ(j["sources"].size(), 2u);
  EXPECT_EQ(j["apps"].size(), 2 * baseline.size());
  EXPECT_EQ(j["summary"]["apps"], 2 * baseline.size());
  std::set<std::string> ids;
  for (const auto& app : j["apps"]) ids.insert(app["id"].get<std::string>());
  EXPECT_EQ(ids.size(), 2 * baseline.size());
  EXPECT_TRUE(ids.contains("published#2/" + baseline.begin()->first));
  EXPECT_EQ(r.err, "") << "no progress when stderr is not a terminal";

  auto text = run_liftshift({"assess", "--no-store", a.string(), b.string()});
  EXPECT_NE(text.out.find(std::to_string(2 * baseline.size()) + " applications in 2 sources"),
            std::string::npos)
      << text.out;
}

}  // namespace
}  // namespace liftshift
