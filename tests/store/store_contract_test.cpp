// The ResultStore contract, the same tests against SQLite and a real
// PostgreSQL server: schema on first use, migrations applied once, round
// trip, replacement of a re-assessed source with the run history kept, tags
// that survive re-assessment, and failures (a constraint error, a process
// killed mid-transaction) that leave the previous result intact.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <future>
#include <set>

#include "pg_test_server.hpp"
#include "store/pg_connection.hpp"
#include "store/sqlite_connection.hpp"
#include "store/store.hpp"
#include "store/store_schema.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

ReportFinding finding(const std::string& rule, Severity severity,
                      std::vector<std::string> evidence) {
  return {rule, severity, "title of " + rule, std::move(evidence), "fix " + rule};
}

ReportApp app(const ReportSource& source, const std::string& id, Verdict verdict,
              std::vector<ReportFinding> findings) {
  ReportApp a;
  a.id = id;
  a.name = id.substr(id.rfind('/') + 1);
  a.kind = "web";
  a.source_identity = source.identity;
  a.source_path = source.path;
  a.machine = source.machine;
  a.os = source.os;
  a.framework_kind = "netfx";
  a.framework_version = "4.8";
  a.verdict = verdict;
  a.findings = std::move(findings);
  a.assessed_at = "2026-11-27T10:00:00Z";
  return a;
}

ReportSource source(const std::string& identity, const std::string& machine = "") {
  ReportSource s;
  s.identity = identity;
  s.path = identity.substr(0, identity.find('|'));
  s.kind = machine.empty() ? "app-folder" : "system-drive";
  s.machine = machine;
  if (!machine.empty()) {
    s.os = "Windows Server 2012 R2 Standard (6.3.9600)";
    s.machine_findings = {finding("ad-ds-role", Severity::kBlocker, {"role AD-Domain-Services"})};
  }
  return s;
}

// Two sources: a folder with two apps, a server with one.
Report estate() {
  Report r;
  r.generated_at = "2026-11-27T10:00:00Z";
  ReportSource folder = source("/srv/apps/Orders");
  ReportSource server = source("/copies/appsrv01|machine-guid:8e3a", "APPSRV01");
  r.apps.push_back(
      app(folder, "Orders/web", Verdict::kReadyWithChanges,
          {finding("session-inproc", Severity::kChange,
                   {"Web.config: <sessionState mode=\"InProc\"/>", "line 2\n\"quoted\""}),
           finding("eventlog-write", Severity::kInfo, {})}));
  r.apps.push_back(app(folder, "Orders/svc", Verdict::kReady, {}));
  r.apps.push_back(app(server, "appsrv01/Intranet", Verdict::kNotACandidate,
                       {finding("gui-desktop", Severity::kBlocker, {"C:\\Apps\\Ü\\tool.exe"})}));
  r.sources = {folder, server};
  return r;
}

RunInfo run_info(const std::string& shard = "") {
  return {"2026-11-27T10:00:00Z",
          "2026-11-27T10:01:00Z",
          "testhost",
          "liftshift assess X",
          "0.1.0",
          shard};
}

const ReportApp* find_app(const Report& r, const std::string& id) {
  for (const auto& a : r.apps) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      LIFTSHIFT_REQUIRE_PG_SERVER();
      url_ = test::PgTestServer::instance().url(test::PgTestServer::instance().fresh_database());
    } else {
      url_ = (dir_.path() / "results.db").string();
    }
  }

  std::unique_ptr<ResultStore> open() {
    auto store = open_store(url_);
    EXPECT_TRUE(store.ok()) << (store ? "" : store.error().message);
    return store ? std::move(store).value() : nullptr;
  }

  // A plain connection for looking at the tables themselves.
  std::unique_ptr<SqlConnection> raw() {
    auto conn =
        GetParam() == "postgres" ? open_pg_connection(url_, "test") : open_sqlite_connection(url_);
    EXPECT_TRUE(conn.ok()) << (conn ? "" : conn.error().message);
    return conn ? std::move(conn).value() : nullptr;
  }

  long long count(const std::string& table) {
    auto conn = raw();
    auto rows = conn->query("SELECT count(*) FROM " + table, {});
    EXPECT_TRUE(rows.ok()) << (rows ? "" : rows.error().message);
    return rows ? column_int(rows->front(), 0) : -1;
  }

  test::TempDir dir_;
  std::string url_;
};

TEST_P(StoreContract, CreatesTheSchemaOnFirstUse) {
  ASSERT_NE(open(), nullptr);
  auto conn = raw();
  std::string sql = GetParam() == "postgres"
                        ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        : "SELECT name FROM sqlite_master WHERE type = 'table'";
  auto rows = conn->query(sql, {});
  ASSERT_TRUE(rows.ok());
  std::set<std::string> tables;
  for (const auto& r : *rows) tables.insert(column_text(r, 0));
  for (const char* t :
       {"schema_migrations", "runs", "machines", "sources", "applications", "findings", "tags"}) {
    EXPECT_TRUE(tables.contains(t)) << t;
  }
  EXPECT_EQ(count("schema_migrations"), 1);
}

TEST_P(StoreContract, MigrationsApplyOnce) {
  ASSERT_NE(open(), nullptr);
  ASSERT_NE(open(), nullptr);
  auto conn = raw();
  auto again = migrate(*conn, store_migrations());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, store_migrations().back().version);
  EXPECT_EQ(count("schema_migrations"), static_cast<long long>(store_migrations().size()));

  // A later liftshift's step 2 is applied once on top, and only it.
  auto steps = store_migrations();
  steps.push_back({2, "test: owners", {"CREATE TABLE owners (id {id}, name TEXT NOT NULL)"}});
  auto upgraded = migrate(*conn, steps);
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_EQ(*upgraded, 2);
  ASSERT_TRUE(migrate(*conn, steps).ok());
  EXPECT_EQ(count("schema_migrations"), 2);
  EXPECT_EQ(count("owners"), 0);

  // This liftshift (which knows version 1 only) refuses the newer store.
  auto refused = open_store(url_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("newer than this liftshift"), std::string::npos)
      << refused.error().message;
}

TEST_P(StoreContract, ConcurrentFirstUsesCreateTheSchemaOnce) {
  std::vector<std::future<std::string>> openers;
  openers.reserve(8);
  for (int i = 0; i < 8; ++i) {
    openers.push_back(std::async(std::launch::async, [this] {
      auto store = open_store(url_);
      return store ? std::string() : store.error().message;
    }));
  }
  for (auto& o : openers) EXPECT_EQ(o.get(), "");
  EXPECT_EQ(count("schema_migrations"), static_cast<long long>(store_migrations().size()));
}

TEST_P(StoreContract, SavesAndLoadsEverything) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  Report in = estate();
  auto run = store->save(in, run_info());
  ASSERT_TRUE(run.ok()) << run.error().message;

  auto out = store->load();
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->sources.size(), 2u);
  ASSERT_EQ(out->apps.size(), 3u);
  // Sorted by identity: /copies/... before /srv/...
  const ReportSource& server = out->sources[0];
  EXPECT_EQ(server.identity, "/copies/appsrv01|machine-guid:8e3a");
  EXPECT_EQ(server.path, "/copies/appsrv01");
  EXPECT_EQ(server.kind, "system-drive");
  EXPECT_EQ(server.machine, "APPSRV01");
  EXPECT_EQ(server.os, "Windows Server 2012 R2 Standard (6.3.9600)");
  ASSERT_EQ(server.machine_findings.size(), 1u);
  EXPECT_EQ(server.machine_findings[0].rule, "ad-ds-role");
  EXPECT_EQ(server.machine_findings[0].severity, Severity::kBlocker);
  EXPECT_EQ(out->sources[1].machine, "");
  EXPECT_TRUE(out->sources[1].machine_findings.empty());

  const ReportApp* web = find_app(*out, "Orders/web");
  ASSERT_NE(web, nullptr);
  const ReportApp& expected = in.apps[0];
  EXPECT_EQ(web->name, "web");
  EXPECT_EQ(web->kind, "web");
  EXPECT_EQ(web->source_identity, "/srv/apps/Orders");
  EXPECT_EQ(web->source_path, "/srv/apps/Orders");
  EXPECT_EQ(web->framework_kind, "netfx");
  EXPECT_EQ(web->framework_version, "4.8");
  EXPECT_EQ(web->verdict, Verdict::kReadyWithChanges);
  EXPECT_EQ(web->assessed_at, "2026-11-27T10:00:00Z");
  ASSERT_EQ(web->findings.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(web->findings[i].rule, expected.findings[i].rule);
    EXPECT_EQ(web->findings[i].severity, expected.findings[i].severity);
    EXPECT_EQ(web->findings[i].title, expected.findings[i].title);
    EXPECT_EQ(web->findings[i].evidence, expected.findings[i].evidence);
    EXPECT_EQ(web->findings[i].remediation, expected.findings[i].remediation);
  }
  const ReportApp* intranet = find_app(*out, "appsrv01/Intranet");
  ASSERT_NE(intranet, nullptr);
  EXPECT_EQ(intranet->machine, "APPSRV01");
  ASSERT_EQ(intranet->findings.size(), 1u);
  EXPECT_EQ(intranet->findings[0].evidence, std::vector<std::string>{"C:\\Apps\\Ü\\tool.exe"});

  auto runs = store->runs();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].id, *run);
  EXPECT_EQ((*runs)[0].info.host, "testhost");
  EXPECT_EQ((*runs)[0].info.finished_at, "2026-11-27T10:01:00Z");
  EXPECT_EQ((*runs)[0].sources, 2);
  EXPECT_EQ((*runs)[0].apps, 3);
}

TEST_P(StoreContract, ReassessmentReplacesTheSourceAndKeepsTheRunHistory) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->save(estate(), run_info()).ok());

  // The Orders folder again: the service is gone, the web app now ready.
  Report again;
  ReportSource folder = source("/srv/apps/Orders");
  again.sources = {folder};
  again.apps = {
      app(folder, "Orders/web", Verdict::kReady, {finding("x-new", Severity::kInfo, {"e"})})};
  ASSERT_TRUE(store->save(again, run_info("1/2")).ok());

  auto out = store->load();
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->sources.size(), 2u);
  EXPECT_EQ(find_app(*out, "Orders/svc"), nullptr);
  const ReportApp* web = find_app(*out, "Orders/web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->verdict, Verdict::kReady);
  ASSERT_EQ(web->findings.size(), 1u);
  EXPECT_EQ(web->findings[0].rule, "x-new");
  EXPECT_NE(find_app(*out, "appsrv01/Intranet"), nullptr);  // the other source is untouched
  EXPECT_EQ(out->apps.size(), 2u);
  // No orphan rows: the replaced apps' findings went with them.
  EXPECT_EQ(count("applications"), 2);
  EXPECT_EQ(count("findings"), 3);  // x-new, gui-desktop, ad-ds-role

  auto runs = store->runs();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].apps, 3);
  EXPECT_EQ((*runs)[1].apps, 1);
  EXPECT_EQ((*runs)[1].info.shard, "1/2");
}

TEST_P(StoreContract, TagsSurviveReassessment) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->save(estate(), run_info()).ok());

  auto by_id = store->set_tag({"ORDERS/WEB"}, "priority", "high");  // case-insensitive
  ASSERT_TRUE(by_id.ok()) << by_id.error().message;
  EXPECT_EQ(*by_id, 1);
  auto by_machine = store->set_tag({"appsrv01/intranet"}, "owner", "intranet team");
  ASSERT_TRUE(by_machine.ok());
  EXPECT_EQ(*by_machine, 1);
  auto none = store->set_tag({"no-such-app"}, "priority", "low");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
  EXPECT_FALSE(store->set_tag({"web"}, "", "x").ok());

  ASSERT_TRUE(store->save(estate(), run_info()).ok());  // re-assessed: rows replaced
  auto out = store->load();
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(find_app(*out, "Orders/web")->tags,
            (std::map<std::string, std::string>{{"priority", "high"}}));
  EXPECT_EQ(find_app(*out, "appsrv01/Intranet")->tags.at("owner"), "intranet team");
  EXPECT_TRUE(find_app(*out, "Orders/svc")->tags.empty());

  ASSERT_TRUE(store->set_tag({"web"}, "priority", "low").ok());  // by name, replaces
  EXPECT_EQ(find_app(*store->load(), "Orders/web")->tags.at("priority"), "low");
  auto removed = store->set_tag({"Orders/web"}, "priority", "");
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 1);
  EXPECT_TRUE(find_app(*store->load(), "Orders/web")->tags.empty());
}

TEST_P(StoreContract, AFailedSaveLeavesThePreviousResultIntact) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->save(estate(), run_info()).ok());

  // The source's old rows are deleted inside the transaction before the
  // duplicate application id violates UNIQUE (source_id, app_id).
  Report bad;
  ReportSource folder = source("/srv/apps/Orders");
  bad.sources = {folder};
  bad.apps = {app(folder, "Orders/new", Verdict::kReady, {}),
              app(folder, "Orders/dup", Verdict::kReady, {}),
              app(folder, "Orders/dup", Verdict::kReady, {})};
  auto failed = store->save(bad, run_info());
  ASSERT_FALSE(failed.ok());

  auto out = store->load();
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->apps.size(), 3u);
  EXPECT_NE(find_app(*out, "Orders/svc"), nullptr);
  EXPECT_EQ(find_app(*out, "Orders/new"), nullptr);
  EXPECT_EQ(find_app(*out, "Orders/web")->findings.size(), 2u);
  EXPECT_EQ(store->runs()->size(), 1u);  // the failed run left no trace

  // An application of no source in the report is refused before any write.
  Report orphan;
  orphan.sources = {folder};
  orphan.apps = {app(source("/elsewhere"), "x/y", Verdict::kReady, {})};
  EXPECT_FALSE(store->save(orphan, run_info()).ok());

  // The store still works after the failures.
  EXPECT_TRUE(store->save(estate(), run_info()).ok());
}

TEST_P(StoreContract, AProcessKilledMidTransactionLeavesThePreviousResultIntact) {
  {
    auto store = open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->save(estate(), run_info()).ok());
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    // What a save does first, then the process dies before COMMIT.
    auto conn =
        GetParam() == "postgres" ? open_pg_connection(url_, "test") : open_sqlite_connection(url_);
    if (!conn || !(*conn)->begin_write()) ::_exit(3);
    (*conn)->query("DELETE FROM findings", {});
    (*conn)->query("DELETE FROM applications", {});
    (*conn)->query("UPDATE sources SET path = 'half-written'", {});
    ::kill(::getpid(), SIGKILL);
    ::_exit(4);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status);

  auto store = open();
  ASSERT_NE(store, nullptr);
  auto out = store->load();
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->apps.size(), 3u);
  EXPECT_EQ(find_app(*out, "Orders/web")->findings.size(), 2u);
  for (const auto& s : out->sources) EXPECT_NE(s.path, "half-written");
  EXPECT_TRUE(store->save(estate(), run_info()).ok());  // and the store is writable
}

TEST_P(StoreContract, RunsSavedSourceBySourceAreFinishedOrShowAsInterrupted) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  RunInfo info = run_info("0/4");
  info.finished_at.clear();
  auto run = store->begin_run(info);
  ASSERT_TRUE(run.ok()) << run.error().message;
  Report all = estate();
  Report first;
  first.sources = {all.sources[0]};
  first.apps = {all.apps[0], all.apps[1]};
  Report second;
  second.sources = {all.sources[1]};
  second.apps = {all.apps[2]};
  ASSERT_TRUE(store->save_sources(*run, first).ok());
  EXPECT_EQ(store->runs()->back().info.finished_at, "");  // interrupted so far
  ASSERT_TRUE(store->save_sources(*run, second).ok());
  ASSERT_TRUE(store->finish_run(*run, "2026-11-27T11:00:00Z").ok());
  auto runs = store->runs();
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ(runs->back().info.finished_at, "2026-11-27T11:00:00Z");
  EXPECT_EQ(runs->back().sources, 2);
  EXPECT_EQ(runs->back().apps, 3);
  EXPECT_EQ(store->load()->apps.size(), 3u);
}

TEST_P(StoreContract, KeepsTextThatIsNotValidUtf8) {
  // Names come from file systems and registries; PostgreSQL rejects invalid
  // UTF-8 and NUL, so both stores keep U+FFFD in their place.
  auto store = open();
  ASSERT_NE(store, nullptr);
  Report r;
  ReportSource s = source(std::string("/srv/odd\xff"));
  r.sources = {s};
  r.apps = {app(s, std::string("odd/na\xffme\0x", 11), Verdict::kReady,
                {finding("r", Severity::kInfo, {std::string("ev\xc3", 3)})})};
  auto saved = store->save(r, run_info());
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  auto out = store->load();
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->apps.size(), 1u);
  EXPECT_EQ(out->apps[0].id, "odd/na\xEF\xBF\xBDme\xEF\xBF\xBDx");
  EXPECT_EQ(out->apps[0].findings[0].evidence[0], "ev\xEF\xBF\xBD");
  EXPECT_EQ(out->sources[0].identity, "/srv/odd\xEF\xBF\xBD");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace liftshift
