#include "store/sql_store.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/text.hpp"
#include "store/store_schema.hpp"

namespace liftshift {

namespace {

using nlohmann::json;

// Whole transactions retried after a transient conflict (SQLite busy past its
// timeout, PostgreSQL deadlock or serialization failure).
constexpr int kAttempts = 8;

// PostgreSQL text must be valid UTF-8 without NUL; SQLite takes anything, but
// both stores keep the same text. Invalid bytes and NUL become U+FFFD.
std::string valid_utf8(std::string_view s) {
  std::string out = to_valid_utf8(s);
  for (std::size_t at = out.find('\0'); at != std::string::npos; at = out.find('\0', at)) {
    out.replace(at, 1, "\xEF\xBF\xBD");
  }
  return out;
}

SqlValue text(std::string_view s) { return SqlValue(valid_utf8(s)); }

std::string evidence_json(const std::vector<std::string>& evidence) {
  json array = json::array();
  for (const auto& e : evidence) array.push_back(valid_utf8(e));
  return array.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<std::string> evidence_from_json(const std::string& text) {
  std::vector<std::string> out;
  json array = json::parse(text, nullptr, false);
  if (!array.is_array()) return out;
  for (const auto& e : array) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

Severity parse_severity(const std::string& s) {
  if (s == "blocker") return Severity::kBlocker;
  if (s == "change") return Severity::kChange;
  return Severity::kInfo;
}

Verdict parse_verdict(const std::string& s) {
  if (s == "not-a-candidate") return Verdict::kNotACandidate;
  if (s == "ready-with-changes") return Verdict::kReadyWithChanges;
  if (s == "unknown") return Verdict::kUnknown;
  return Verdict::kReady;
}

void backoff(int attempt) {
  static thread_local std::minstd_rand random(std::random_device{}());
  int ceiling = std::min(1000, 20 << attempt);
  std::uniform_int_distribution<int> ms(ceiling / 2, ceiling);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms(random)));
}

class SqlStore final : public ResultStore {
 public:
  SqlStore(std::unique_ptr<SqlConnection> db, std::string described)
      : db_(std::move(db)), described_(std::move(described)) {}

  Result<long long> save(const Report& report, const RunInfo& run) override {
    return with_retries<long long>([&]() -> Result<long long> {
      auto id = insert_run(run, run.finished_at.empty() ? utc_now_iso8601() : run.finished_at);
      if (!id) return id;
      auto written = write_report(*id, report);
      if (!written) return written.error();
      return id;
    });
  }

  Result<long long> begin_run(const RunInfo& run) override {
    return with_retries<long long>([&]() { return insert_run(run, run.finished_at); });
  }

  Result<int> save_sources(long long run_id, const Report& report) override {
    return with_retries<int>([&]() { return write_report(run_id, report); });
  }

  Result<int> finish_run(long long run_id, const std::string& finished_at) override {
    return with_retries<int>([&]() -> Result<int> {
      auto r =
          db_->query("UPDATE runs SET finished_at = ? WHERE id = ?", {text(finished_at), run_id});
      if (!r) return r.error();
      return 1;
    });
  }

  Result<Report> load() override;
  Result<Forgotten> forget(const std::string& location_or_identity) override;
  Result<int> set_tag(const AppSelector& apps, const std::string& key,
                      const std::string& value) override;
  Result<std::vector<StoredRun>> runs() override;

  [[nodiscard]] std::string describe() const override { return described_; }

 private:
  // Runs body in one write transaction; a transient conflict rolls it back
  // and runs it again, any other error rolls it back and is returned.
  template <typename T, typename Body>
  Result<T> with_retries(Body body, bool read_only = false) {
    Error last = make_error("");
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
      if (attempt > 0) backoff(attempt);
      auto begun = read_only ? db_->begin_read() : db_->begin_write();
      if (!begun) {
        last = begun.error();
        db_->rollback();
        if (db_->last_failure_retryable()) continue;
        return last;
      }
      Result<T> r = body();
      if (!r) {
        bool retry = db_->last_failure_retryable();
        db_->rollback();
        last = r.error();
        if (retry) continue;
        return r;
      }
      auto committed = db_->commit();
      if (committed) return r;
      bool retry = db_->last_failure_retryable();
      db_->rollback();
      last = committed.error();
      if (!retry) return last;
    }
    return make_error(last.message + " (gave up after " + std::to_string(kAttempts) + " attempts)");
  }

  Result<long long> insert_run(const RunInfo& run, const std::string& finished_at) {
    SqlValue finished = finished_at.empty() ? SqlValue(nullptr) : text(finished_at);
    auto rows = db_->query(
        "INSERT INTO runs (started_at, finished_at, host, command, version, shard) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {text(run.started_at.empty() ? utc_now_iso8601() : run.started_at), finished,
         text(run.host), text(run.command), text(run.version), text(run.shard)});
    if (!rows) return rows.error();
    if (rows->empty()) return make_error(described_ + ": the new run got no id");
    return column_int(rows->front(), 0);
  }

  Result<bool> insert_findings(const char* owner_column, long long owner,
                               const std::vector<Finding>& findings) {
    std::string sql = std::string("INSERT INTO findings (") + owner_column +
                      ", position, rule, severity, title, evidence, remediation) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)";
    long long position = 0;
    for (const auto& f : findings) {
      auto r = db_->query(sql, {owner, position++, text(f.rule), text(to_string(f.severity)),
                                text(f.title), evidence_json(f.evidence), text(f.remediation)});
      if (!r) return r.error();
    }
    return true;
  }

  // Replaces the source's previous result (its machine, applications and
  // their findings) with this one; returns the source's row id.
  // Deletes what the source row holds (its machine, applications and their
  // findings), leaving the row.
  Result<bool> clear_source(long long id) {
    for (const char* sql :
         {"DELETE FROM findings WHERE application_id IN "
          "(SELECT id FROM applications WHERE source_id = ?)",
          "DELETE FROM findings WHERE machine_id IN (SELECT id FROM machines WHERE source_id = ?)",
          "DELETE FROM applications WHERE source_id = ?",
          "DELETE FROM machines WHERE source_id = ?"}) {
      auto r = db_->query(sql, {id});
      if (!r) return r.error();
    }
    return true;
  }

  // Removes the results of other identities in the source's slot (the same
  // image re-exported, another server copied into the same folder: see
  // identity_slot), moving their tags to the new identity.
  Result<bool> retire_slot(const ReportSource& source) {
    std::string location = identity_location(source.identity);
    std::string slot = identity_slot(source.identity);
    auto rows = db_->query("SELECT id, identity FROM sources WHERE location = ? AND identity <> ?",
                           {text(location), text(source.identity)});
    if (!rows) return rows.error();
    for (const auto& row : *rows) {
      std::string old = column_text(row, 1);
      if (identity_slot(old) != slot) continue;
      auto cleared = clear_source(column_int(row, 0));
      if (!cleared) return cleared;
      auto moved = db_->query(
          "INSERT INTO tags_by_key (source_identity, app_key, key, value, updated_at) "
          "SELECT ?, app_key, key, value, updated_at FROM tags_by_key WHERE source_identity = ? "
          "ON CONFLICT (source_identity, app_key, key) DO NOTHING",
          {text(source.identity), text(old)});
      if (!moved) return moved.error();
      for (const char* sql : {"DELETE FROM tags_by_key WHERE source_identity = ?",
                              "DELETE FROM sources WHERE identity = ?"}) {
        auto r = db_->query(sql, {text(old)});
        if (!r) return r.error();
      }
    }
    return true;
  }

  Result<long long> replace_source(long long run_id, const ReportSource& source,
                                   const std::string& assessed_at) {
    auto retired = retire_slot(source);
    if (!retired) return retired.error();
    auto rows = db_->query(
        "INSERT INTO sources (identity, location, path, kind, run_id, assessed_at) "
        "VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (identity) DO UPDATE SET location = excluded.location, path = excluded.path, "
        "kind = excluded.kind, run_id = excluded.run_id, assessed_at = excluded.assessed_at "
        "RETURNING id",
        {text(source.identity), text(identity_location(source.identity)), text(source.path),
         text(source.kind), run_id, text(assessed_at)});
    if (!rows) return rows.error();
    if (rows->empty()) return make_error(described_ + ": the source row got no id");
    long long id = column_int(rows->front(), 0);
    auto cleared = clear_source(id);
    if (!cleared) return cleared.error();
    if (!source.machine.empty() || !source.os.empty() || !source.machine_findings.empty()) {
      auto machine =
          db_->query("INSERT INTO machines (source_id, name, os) VALUES (?, ?, ?) RETURNING id",
                     {id, text(source.machine), text(source.os)});
      if (!machine) return machine.error();
      if (machine->empty()) return make_error(described_ + ": the machine row got no id");
      auto f =
          insert_findings("machine_id", column_int(machine->front(), 0), source.machine_findings);
      if (!f) return f.error();
    }
    return id;
  }

  Result<bool> insert_app(long long source_id, const ReportApp& app,
                          const std::string& assessed_at) {
    auto rows = db_->query(
        "INSERT INTO applications (source_id, app_id, name, kind, framework_kind, "
        "framework_version, verdict, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {source_id, text(app.id), text(app.name), text(app.kind), text(app.framework_kind),
         text(app.framework_version), text(to_string(app.verdict)),
         text(app.assessed_at.empty() ? assessed_at : app.assessed_at)});
    if (!rows) return rows.error();
    if (rows->empty()) return make_error(described_ + ": the application row got no id");
    return insert_findings("application_id", column_int(rows->front(), 0), app.findings);
  }

  // Replaces the problems kept for every location the report read (its
  // sources, and the sources it could not open) with the report's problems.
  // A source with thousands of unreadable files keeps the first
  // kMaxProblemsPerSource and a line that counts the rest.
  Result<bool> replace_problems(long long run_id, const Report& report) {
    constexpr std::size_t kMaxProblemsPerSource = 1000;
    std::map<std::string, std::vector<const ReportProblem*>> by_location;
    for (const auto& s : report.sources) by_location[identity_location(s.identity)];
    for (const auto& p : report.problems) by_location[p.source_location].push_back(&p);
    for (const auto& [location, problems] : by_location) {
      auto cleared = db_->query("DELETE FROM problems WHERE source_location = ?", {text(location)});
      if (!cleared) return cleared.error();
      long long position = 0;
      for (const ReportProblem* p : problems) {
        std::string message = p->message;
        std::string path = p->path;
        if (static_cast<std::size_t>(position) == kMaxProblemsPerSource) {
          path = "";
          message = std::to_string(problems.size() - kMaxProblemsPerSource) +
                    " more problems not kept in the store";
        }
        auto r = db_->query(
            "INSERT INTO problems (source_location, source_path, run_id, position, path, message, "
            "source_unreadable) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {text(location), text(p->source_path), run_id, position, text(path), text(message),
             static_cast<long long>(p->source_unreadable ? 1 : 0)});
        if (!r) return r.error();
        if (position++ == kMaxProblemsPerSource) break;
      }
    }
    return true;
  }

  // The body of save/save_sources, inside the caller's transaction. Sources
  // are written in identity order so concurrent writers lock rows in the
  // same order. Returns how many applications were written.
  Result<int> write_report(long long run_id, const Report& report) {
    std::string now = report.generated_at.empty() ? utc_now_iso8601() : report.generated_at;
    std::map<std::string, const ReportSource*> sources;  // the last of a repeated identity
    for (const auto& s : report.sources) {
      if (s.identity.empty()) return make_error("source " + s.path + " has no identity");
      sources[s.identity] = &s;
    }
    std::map<std::string, std::vector<const ReportApp*>> apps;
    for (const auto& a : report.apps) {
      if (!sources.contains(a.source_identity)) {
        return make_error("application " + a.id + " belongs to no source of the report");
      }
      apps[a.source_identity].push_back(&a);
    }
    auto problems = replace_problems(run_id, report);
    if (!problems) return problems.error();
    int written = 0;
    for (const auto& [identity, source] : sources) {
      auto source_id = replace_source(run_id, *source, now);
      if (!source_id) return source_id.error();
      for (const ReportApp* app : apps[identity]) {
        auto r = insert_app(*source_id, *app, now);
        if (!r) return r.error();
        ++written;
      }
    }
    auto counted = db_->query(
        "UPDATE runs SET sources = sources + ?, apps = apps + ? WHERE id = ?",
        {static_cast<long long>(sources.size()), static_cast<long long>(written), run_id});
    if (!counted) return counted.error();
    return written;
  }

  std::unique_ptr<SqlConnection> db_;
  std::string described_;
};

// Every application row with what selectors match against.
struct AppKey {
  std::string source_identity, app_id, name, machine;
};

bool selector_matches(const AppSelector& selector, const AppKey& app) {
  const std::string& t = selector.text;
  return iequals(t, app.app_id) || iequals(t, app.name) ||
         (!app.machine.empty() && iequals(t, app.machine + "/" + app.name));
}

Result<Report> SqlStore::load() {
  return with_retries<Report>(
      [&]() -> Result<Report> {
        Report report;
        report.title = "liftshift results store";
        report.generated_at = utc_now_iso8601();
        auto sources = db_->query(
            "SELECT s.id, s.identity, s.path, s.kind, m.id, m.name, m.os FROM sources s "
            "LEFT JOIN machines m ON m.source_id = s.id ORDER BY s.identity",
            {});
        if (!sources) return sources.error();
        std::unordered_map<long long, std::size_t> source_at;   // source row id -> index
        std::unordered_map<long long, std::size_t> machine_at;  // machine row id -> source index
        for (const auto& row : *sources) {
          ReportSource s;
          s.identity = column_text(row, 1);
          s.path = column_text(row, 2);
          s.kind = column_text(row, 3);
          s.machine = column_text(row, 5);
          s.os = column_text(row, 6);
          source_at[column_int(row, 0)] = report.sources.size();
          if (row[4]) machine_at[column_int(row, 4)] = report.sources.size();
          report.sources.push_back(std::move(s));
        }
        auto apps = db_->query(
            "SELECT a.id, a.source_id, a.app_id, a.name, a.kind, a.framework_kind, "
            "a.framework_version, a.verdict, a.assessed_at FROM applications a "
            "JOIN sources s ON s.id = a.source_id ORDER BY s.identity, a.app_id",
            {});
        if (!apps) return apps.error();
        std::unordered_map<long long, std::size_t> app_at;
        std::map<std::pair<std::string, std::string>, std::size_t> app_by_key;
        for (const auto& row : *apps) {
          auto source = source_at.find(column_int(row, 1));
          if (source == source_at.end()) continue;
          const ReportSource& s = report.sources[source->second];
          ReportApp a;
          a.id = column_text(row, 2);
          a.name = column_text(row, 3);
          a.kind = column_text(row, 4);
          a.framework_kind = column_text(row, 5);
          a.framework_version = column_text(row, 6);
          a.verdict = parse_verdict(column_text(row, 7));
          a.assessed_at = column_text(row, 8);
          a.source_identity = s.identity;
          a.source_path = s.path;
          a.machine = s.machine;
          a.os = s.os;
          app_at[column_int(row, 0)] = report.apps.size();
          app_by_key[{a.source_identity, app_key(a.id)}] = report.apps.size();
          report.apps.push_back(std::move(a));
        }
        auto findings = db_->query(
            "SELECT application_id, machine_id, rule, severity, title, evidence, remediation "
            "FROM findings ORDER BY application_id, machine_id, position",
            {});
        if (!findings) return findings.error();
        for (const auto& row : *findings) {
          Finding f{column_text(row, 2), parse_severity(column_text(row, 3)),
                          column_text(row, 4), evidence_from_json(column_text(row, 5)),
                          column_text(row, 6)};
          if (row[0]) {
            auto a = app_at.find(column_int(row, 0));
            if (a != app_at.end()) report.apps[a->second].findings.push_back(std::move(f));
          } else if (row[1]) {
            auto m = machine_at.find(column_int(row, 1));
            if (m != machine_at.end())
              report.sources[m->second].machine_findings.push_back(std::move(f));
          }
        }
        auto problems = db_->query(
            "SELECT source_location, source_path, path, message, source_unreadable "
            "FROM problems ORDER BY source_location, position",
            {});
        if (!problems) return problems.error();
        for (const auto& row : *problems) {
          report.problems.push_back({column_text(row, 0), column_text(row, 1), column_text(row, 2),
                                     column_text(row, 3), column_int(row, 4) != 0});
        }
        auto tags = db_->query("SELECT source_identity, app_key, key, value FROM tags_by_key", {});
        if (!tags) return tags.error();
        for (const auto& row : *tags) {
          auto a = app_by_key.find({column_text(row, 0), column_text(row, 1)});
          if (a != app_by_key.end())
            report.apps[a->second].tags[column_text(row, 2)] = column_text(row, 3);
        }
        return report;
      },
      /*read_only=*/true);
}

Result<int> SqlStore::set_tag(const AppSelector& apps, const std::string& key,
                              const std::string& value) {
  if (trim(apps.text).empty()) return make_error("no application given to tag");
  if (trim(key).empty()) return make_error("a tag needs a key (key=value)");
  return with_retries<int>([&]() -> Result<int> {
    auto rows = db_->query(
        "SELECT s.identity, a.app_id, a.name, m.name FROM applications a "
        "JOIN sources s ON s.id = a.source_id LEFT JOIN machines m ON m.source_id = s.id",
        {});
    if (!rows) return rows.error();
    int matched = 0;
    std::string now = utc_now_iso8601();
    for (const auto& row : *rows) {
      AppKey app{column_text(row, 0), column_text(row, 1), column_text(row, 2),
                 column_text(row, 3)};
      if (!selector_matches(apps, app)) continue;
      ++matched;
      auto r =
          value.empty()
              ? db_->query(
                    "DELETE FROM tags_by_key WHERE source_identity = ? AND app_key = ? AND key = ?",
                    {app.source_identity, app_key(app.app_id), text(key)})
              : db_->query(
                    "INSERT INTO tags_by_key (source_identity, app_key, key, value, updated_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_identity, app_key, key) "
                    "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    {app.source_identity, app_key(app.app_id), text(key), text(value), now});
      if (!r) return r.error();
    }
    return matched;
  });
}

Result<Forgotten> SqlStore::forget(const std::string& location_or_identity) {
  bool whole_location = location_or_identity.find('|') == std::string::npos;
  return with_retries<Forgotten>([&]() -> Result<Forgotten> {
    Forgotten gone;
    auto rows = db_->query(whole_location ? "SELECT id, identity FROM sources WHERE location = ?"
                                          : "SELECT id, identity FROM sources WHERE identity = ?",
                           {text(location_or_identity)});
    if (!rows) return rows.error();
    for (const auto& row : *rows) {
      long long id = column_int(row, 0);
      auto apps = db_->query("SELECT count(*) FROM applications WHERE source_id = ?", {id});
      if (!apps) return apps.error();
      gone.apps += static_cast<int>(column_int(apps->front(), 0));
      auto cleared = clear_source(id);
      if (!cleared) return cleared.error();
      for (const char* sql : {"DELETE FROM tags_by_key WHERE source_identity = ?",
                              "DELETE FROM sources WHERE identity = ?"}) {
        auto r = db_->query(sql, {text(column_text(row, 1))});
        if (!r) return r.error();
      }
      ++gone.sources;
    }
    if (whole_location) {
      auto problems = db_->query("SELECT count(*) FROM problems WHERE source_location = ?",
                                 {text(location_or_identity)});
      if (!problems) return problems.error();
      gone.problems = static_cast<int>(column_int(problems->front(), 0));
      auto r = db_->query("DELETE FROM problems WHERE source_location = ?",
                          {text(location_or_identity)});
      if (!r) return r.error();
    }
    return gone;
  });
}

Result<std::vector<StoredRun>> SqlStore::runs() {
  auto rows = db_->query(
      "SELECT id, started_at, finished_at, host, command, version, shard, sources, apps "
      "FROM runs ORDER BY id",
      {});
  if (!rows) return rows.error();
  std::vector<StoredRun> out;
  for (const auto& row : *rows) {
    StoredRun r;
    r.id = column_int(row, 0);
    r.info = {column_text(row, 1), column_text(row, 2), column_text(row, 3),
              column_text(row, 4), column_text(row, 5), column_text(row, 6)};
    r.sources = static_cast<int>(column_int(row, 7));
    r.apps = static_cast<int>(column_int(row, 8));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<ResultStore>> open_sql_store(std::unique_ptr<SqlConnection> db,
                                                    std::string described) {
  for (int attempt = 0;; ++attempt) {
    auto version = migrate(*db, store_migrations());
    if (version) break;
    if (!db->last_failure_retryable() || attempt + 1 >= kAttempts) {
      return make_error(described + ": cannot prepare the schema: " + version.error().message);
    }
    backoff(attempt + 1);
  }
  return std::unique_ptr<ResultStore>(new SqlStore(std::move(db), std::move(described)));
}

}  // namespace liftshift
