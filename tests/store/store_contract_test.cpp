// The ResultStore contract, the same tests against SQLite and a real
// PostgreSQL server: schema on first use, migrations applied once, round
// trip, replacement of a re-assessed source with the run history kept, tags
// that survive re-assessment, and failures (a constraint error, a process
// killed mid-transaction) that leave the previous result intact.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <future>
#include <set>

#include "child_process.hpp"
#include "emit/report_fixture.hpp"
#include "pg_test_server.hpp"
#include "store/pg_connection.hpp"
#include "store/sqlite_connection.hpp"
#include "store/store.hpp"
#include "store/store_schema.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

Finding finding(const std::string& rule, Severity severity,
                      std::vector<std::string> evidence) {
  return {rule, severity, "title of " + rule, std::move(evidence), "fix " + rule};
}

// The report fixture's application, under the id the store tests look up.
ReportApp app(const ReportSource& source, const std::string& id, Verdict verdict,
              std::vector<Finding> findings) {
  ReportApp a = test::reportfx::app(id.substr(id.rfind('/') + 1), "web", source, verdict,
                                    std::move(findings));
  a.id = id;
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
  for (const char* t : {"schema_migrations", "runs", "machines", "sources", "applications",
                        "findings", "tags_by_key", "problems"}) {
    EXPECT_TRUE(tables.contains(t)) << t;
  }
  EXPECT_EQ(count("schema_migrations"), static_cast<long long>(store_migrations().size()));
}

TEST_P(StoreContract, MigrationsApplyOnce) {
  ASSERT_NE(open(), nullptr);
  ASSERT_NE(open(), nullptr);
  auto conn = raw();
  auto again = migrate(*conn, store_migrations());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, store_migrations().back().version);
  EXPECT_EQ(count("schema_migrations"), static_cast<long long>(store_migrations().size()));

  // A later liftshift's next step is applied once on top, and only it.
  auto steps = store_migrations();
  int next = steps.back().version + 1;
  steps.push_back({next, "test: owners", {"CREATE TABLE owners (id {id}, name TEXT NOT NULL)"}});
  auto upgraded = migrate(*conn, steps);
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_EQ(*upgraded, next);
  ASSERT_TRUE(migrate(*conn, steps).ok());
  EXPECT_EQ(count("schema_migrations"), static_cast<long long>(steps.size()));
  EXPECT_EQ(count("owners"), 0);

  // This liftshift (which does not know that step) refuses the newer store.
  auto refused = open_store(url_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("newer than this liftshift"), std::string::npos)
      << refused.error().message;
}

TEST_P(StoreContract, AStoreOfTheFirstSchemaIsUpgradedWithItsResults) {
  auto conn = raw();
  ASSERT_TRUE(migrate(*conn, {store_migrations().front()}).ok());
  for (const char* sql :
       {"INSERT INTO runs (started_at, host, command, version, shard) "
        "VALUES ('2026-11-01T00:00:00Z', 'h', 'liftshift assess /srv/old', '0.1.0', '')",
        "INSERT INTO sources (identity, path, kind, run_id, assessed_at) "
        "VALUES ('/srv/old', '/srv/old', 'app-folder', 1, '2026-11-01T00:00:00Z')",
        "INSERT INTO applications (source_id, app_id, name, kind, framework_kind, "
        "framework_version, verdict, assessed_at) VALUES (1, 'old/web', 'web', 'web', 'netfx', "
        "'4.8', 'ready', '2026-11-01T00:00:00Z')",
        "INSERT INTO tags (source_identity, app_id, key, value, updated_at) "
        "VALUES ('/srv/old', 'old/web', 'priority', 'high', '2026-11-01T00:00:00Z')"}) {
    auto r = conn->query(sql, {});
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  auto store = open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(count("schema_migrations"), static_cast<long long>(store_migrations().size()));
  auto out = store->load();
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->apps.size(), 1u);
  EXPECT_EQ(out->apps[0].id, "old/web");
  EXPECT_EQ(out->apps[0].tags.at("priority"), "high") << "the tag moved to tags_by_key";
  EXPECT_TRUE(out->problems.empty());

  // The old row learnt its location: a server copied into that folder since
  // (now known by its MachineGuid) replaces it.
  Report copied;
  copied.sources = {source("/srv/old|machine-guid:8e3a", "OLD")};
  ASSERT_TRUE(store->save(copied, run_info()).ok());
  out = store->load();
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->sources.size(), 1u);
  EXPECT_EQ(out->sources[0].identity, "/srv/old|machine-guid:8e3a");
  EXPECT_TRUE(out->apps.empty());
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

TEST_P(StoreContract, TagsFollowAnApplicationWhoseSourceNameChanged) {
  // Assessed with another source named "web", the app was "web#2/Intranet";
  // assessed alone later, it is "web/Intranet". Its tag stays with it.
  auto store = open();
  ASSERT_NE(store, nullptr);
  ReportSource web = source("/srv/b/web");
  Report together;
  together.sources = {web};
  together.apps = {app(web, "web#2/Intranet", Verdict::kReady, {})};
  ASSERT_TRUE(store->save(together, run_info()).ok());
  auto tagged = store->set_tag({"web#2/Intranet"}, "priority", "high");
  ASSERT_TRUE(tagged.ok());
  EXPECT_EQ(*tagged, 1);

  Report alone;
  alone.sources = {web};
  alone.apps = {app(web, "web/Intranet", Verdict::kReady, {})};
  ASSERT_TRUE(store->save(alone, run_info()).ok());
  auto out = store->load();
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->apps.size(), 1u);
  EXPECT_EQ(out->apps[0].id, "web/Intranet");
  EXPECT_EQ(out->apps[0].tags.at("priority"), "high");
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
  auto child = test::run_in_child([&] {
    // What a save does first, then the process dies before COMMIT.
    auto conn =
        GetParam() == "postgres" ? open_pg_connection(url_, "test") : open_sqlite_connection(url_);
    if (!conn || !(*conn)->begin_write()) return 3;
    (*conn)->query("DELETE FROM findings", {});
    (*conn)->query("DELETE FROM applications", {});
    (*conn)->query("UPDATE sources SET path = 'half-written'", {});
    ::kill(::getpid(), SIGKILL);
    return 4;
  });
  ASSERT_EQ(child.signal, SIGKILL) << "the child ended: " << child.describe();

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

TEST_P(StoreContract, KeepsProblemsPerSourceUntilThatSourceIsReadAgain) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  Report first = estate();
  first.problems = {
      {"/srv/apps/Orders", "/srv/apps/Orders", "/srv/apps/Orders/bin/x.dll", "truncated PE", false},
      {"/images/gone.vhdx", "images/gone.vhdx", "", "cannot open: No such file", true}};
  ASSERT_TRUE(store->save(first, run_info()).ok());
  auto out = store->load();
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->sources.size(), 2u) << "an unreadable source is not a source";
  ASSERT_EQ(out->problems.size(), 2u);
  EXPECT_EQ(out->problems[0].source_location, "/images/gone.vhdx");
  EXPECT_EQ(out->problems[0].source_path, "images/gone.vhdx");
  EXPECT_TRUE(out->problems[0].source_unreadable);
  EXPECT_EQ(out->problems[1].path, "/srv/apps/Orders/bin/x.dll");
  EXPECT_EQ(out->problems[1].message, "truncated PE");
  EXPECT_FALSE(out->problems[1].source_unreadable);

  // Orders read again without trouble: its problem goes; the image, not read
  // this time, keeps its own.
  Report again;
  again.sources = {source("/srv/apps/Orders")};
  ASSERT_TRUE(store->save(again, run_info()).ok());
  out = store->load();
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->problems.size(), 1u);
  EXPECT_EQ(out->problems[0].source_location, "/images/gone.vhdx");

  // The image opens at last (its identity now has its disk id): the
  // "could not be read" problem goes too.
  Report opened;
  opened.sources = {source("/images/gone.vhdx|vhdx:5f2c")};
  ASSERT_TRUE(store->save(opened, run_info()).ok());
  out = store->load();
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->problems.empty());
}

TEST_P(StoreContract, AReExportedImageReplacesItsOldResultAndKeepsItsTags) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  ReportSource p2 = source("/images/app.vhdx|vhdx:1111|partition 2", "APP");
  ReportSource p3 = source("/images/app.vhdx|vhdx:1111|partition 3", "APP");
  ReportSource other = source("/images/app.vhdx.bak|vhdx:1111|partition 2", "APP");
  Report first;
  first.sources = {p2, p3, other};
  first.apps = {app(p2, "app/Intranet", Verdict::kReady, {}),
                app(p3, "app/Data", Verdict::kReady, {}),
                app(other, "app/Intranet", Verdict::kReady, {})};
  ASSERT_TRUE(store->save(first, run_info()).ok());
  ASSERT_TRUE(store->set_tag({"app/Intranet"}, "priority", "high").ok());

  // The same path now holds a new export of the disk: partition 2 is read again.
  ReportSource p2_new = source("/images/app.vhdx|vhdx:2222|partition 2", "APP");
  Report second;
  second.sources = {p2_new};
  second.apps = {app(p2_new, "app/Intranet", Verdict::kNotACandidate, {})};
  ASSERT_TRUE(store->save(second, run_info()).ok());

  auto out = store->load();
  ASSERT_TRUE(out.ok()) << out.error().message;
  std::set<std::string> identities;
  for (const auto& src : out->sources) identities.insert(src.identity);
  EXPECT_EQ(identities, (std::set<std::string>{"/images/app.vhdx.bak|vhdx:1111|partition 2",
                                               "/images/app.vhdx|vhdx:1111|partition 3",
                                               "/images/app.vhdx|vhdx:2222|partition 2"}));
  ASSERT_EQ(out->apps.size(), 3u);
  int tagged = 0;
  for (const auto& a : out->apps) {
    if (a.source_identity == p2_new.identity) {
      EXPECT_EQ(a.verdict, Verdict::kNotACandidate);
      EXPECT_EQ(a.tags.at("priority"), "high") << "the tag follows the re-exported image";
    }
    tagged += a.tags.contains("priority") ? 1 : 0;
  }
  EXPECT_EQ(tagged, 2) << "the copy's tag is its own";
  EXPECT_EQ(count("tags_by_key"), 2);
  EXPECT_EQ(count("findings"), 3) << "one machine finding per source: the old result's is gone";
  EXPECT_EQ(count("machines"), 3);
}

TEST_P(StoreContract, ForgetRemovesWhatIsKeptForALocationAndKeepsTheHistory) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  ReportSource p2 = source("/images/app.vhdx|vhdx:1111|partition 2", "APP");
  ReportSource p3 = source("/images/app.vhdx|vhdx:1111|partition 3", "APP");
  ReportSource other = source("/images/app.vhdx.bak|vhdx:1111|partition 2", "APP");
  Report r;
  r.sources = {p2, p3, other};
  r.apps = {app(p2, "app/Intranet", Verdict::kReady, {}), app(p3, "app/Data", Verdict::kReady, {}),
            app(other, "app/Intranet", Verdict::kReady, {})};
  r.problems = {{"/images/app.vhdx", "/images/app.vhdx", "/images/app.vhdx: x", "damaged", false}};
  ASSERT_TRUE(store->save(r, run_info()).ok());
  ASSERT_TRUE(store->set_tag({"app/Intranet"}, "priority", "high").ok());

  // One partition by its identity: that source only.
  auto one = store->forget("/images/app.vhdx|vhdx:1111|partition 3");
  ASSERT_TRUE(one.ok()) << one.error().message;
  EXPECT_EQ(one->sources, 1);
  EXPECT_EQ(one->apps, 1);
  EXPECT_EQ(one->problems, 0);

  // The location: every source at that path and its problems; not the .bak copy.
  auto all = store->forget("/images/app.vhdx");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->sources, 1);
  EXPECT_EQ(all->apps, 1);
  EXPECT_EQ(all->problems, 1);
  auto out = store->load();
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->sources.size(), 1u);
  EXPECT_EQ(out->sources[0].identity, other.identity);
  ASSERT_EQ(out->apps.size(), 1u);
  EXPECT_EQ(out->apps[0].tags.at("priority"), "high");
  EXPECT_TRUE(out->problems.empty());
  EXPECT_EQ(count("tags_by_key"), 1);
  EXPECT_EQ(count("findings"), 1) << "the .bak copy's machine finding";
  EXPECT_EQ(store->runs()->size(), 1u) << "the history stays";

  auto nothing = store->forget("/images/never-there.vhdx");
  ASSERT_TRUE(nothing.ok());
  EXPECT_EQ(nothing->sources + nothing->apps + nothing->problems, 0);
}

TEST_P(StoreContract, KeepsAThousandProblemsPerSourceAndCountsTheRest) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  Report r;
  r.sources = {source("/srv/huge")};
  for (int i = 0; i < 1500; ++i) {
    r.problems.push_back(
        {"/srv/huge", "/srv/huge", "/srv/huge/f" + std::to_string(i), "unreadable", false});
  }
  ASSERT_TRUE(store->save(r, run_info()).ok());
  auto out = store->load();
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->problems.size(), 1001u);
  EXPECT_EQ(out->problems[999].path, "/srv/huge/f999");
  EXPECT_EQ(out->problems[1000].message, "500 more problems not kept in the store");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace liftshift
