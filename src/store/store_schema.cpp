#include "store/store_schema.hpp"

#include <algorithm>

#include "core/report.hpp"

namespace liftshift {

namespace {

// pg_advisory_xact_lock key for migrations: "lsft" in ASCII.
constexpr long long kMigrationLock = 0x6c736674;

void replace_all(std::string& text, const std::string& what, const std::string& with) {
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
}

Result<int> current_version(SqlConnection& db) {
  auto rows = db.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {});
  if (!rows) return rows.error();
  return rows->empty() ? 0 : static_cast<int>(column_int(rows->front(), 0));
}

Result<int> migrate_locked(SqlConnection& db, const std::vector<Migration>& migrations) {
  if (db.dialect() == SqlDialect::kPostgres) {
    auto lock = db.query("SELECT pg_advisory_xact_lock(?)", {kMigrationLock});
    if (!lock) return lock.error();
  }
  auto created = db.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "description TEXT NOT NULL, applied_at TEXT NOT NULL)",
      {});
  if (!created) return created.error();
  auto version = current_version(db);
  if (!version) return version;
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (*version > latest) {
    return make_error("the store's schema is version " + std::to_string(*version) +
                      ", newer than this liftshift knows (" + std::to_string(latest) +
                      "): use a newer liftshift");
  }
  for (const auto& m : migrations) {
    if (m.version <= *version) continue;
    for (const auto& statement : m.statements) {
      auto r = db.query(in_dialect(statement, db.dialect()), {});
      if (!r) {
        return make_error("migration " + std::to_string(m.version) + " (" + m.description +
                          "): " + r.error().message);
      }
    }
    auto recorded = db.query(
        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
        {static_cast<long long>(m.version), m.description, utc_now_iso8601()});
    if (!recorded) return recorded.error();
  }
  return latest;
}

}  // namespace

const std::vector<Migration>& store_migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "runs, sources, machines, applications, findings, tags",
       {
           R"(CREATE TABLE runs (
                id {id},
                started_at TEXT NOT NULL,
                finished_at TEXT,
                host TEXT NOT NULL,
                command TEXT NOT NULL,
                version TEXT NOT NULL,
                shard TEXT NOT NULL,
                sources INTEGER NOT NULL DEFAULT 0,
                apps INTEGER NOT NULL DEFAULT 0))",
           // One row per source currently in the store, keyed by its identity;
           // run_id names the run that wrote its current result.
           R"(CREATE TABLE sources (
                id {id},
                identity TEXT NOT NULL UNIQUE,
                path TEXT NOT NULL,
                kind TEXT NOT NULL,
                run_id {bigint} NOT NULL REFERENCES runs (id),
                assessed_at TEXT NOT NULL))",
           "CREATE INDEX sources_run ON sources (run_id)",
           // The server a source is (system drives and disk images).
           R"(CREATE TABLE machines (
                id {id},
                source_id {bigint} NOT NULL UNIQUE REFERENCES sources (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                os TEXT NOT NULL))",
           R"(CREATE TABLE applications (
                id {id},
                source_id {bigint} NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                app_id TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                framework_kind TEXT NOT NULL,
                framework_version TEXT NOT NULL,
                verdict TEXT NOT NULL,
                assessed_at TEXT NOT NULL,
                UNIQUE (source_id, app_id)))",
           // A finding belongs to an application or to a machine; evidence is
           // a JSON array of strings.
           R"(CREATE TABLE findings (
                id {id},
                application_id {bigint} REFERENCES applications (id) ON DELETE CASCADE,
                machine_id {bigint} REFERENCES machines (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                rule TEXT NOT NULL,
                severity TEXT NOT NULL,
                title TEXT NOT NULL,
                evidence TEXT NOT NULL,
                remediation TEXT NOT NULL,
                CHECK ((application_id IS NULL) <> (machine_id IS NULL))))",
           "CREATE INDEX findings_application ON findings (application_id)",
           "CREATE INDEX findings_machine ON findings (machine_id)",
           // Keyed by what the application is, not by a row id, so tags
           // survive the replacement of the application's rows.
           R"(CREATE TABLE tags (
                source_identity TEXT NOT NULL,
                app_id TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (source_identity, app_id, key)))",
       }},
      {2,
       "problems per source location, sources' locations, tags by app key",
       {
           // Keyed by the source's location (its absolute path), not by a
           // source row: a source that could not be opened has no row, and a
           // disk image that changed gets a new identity at the same place.
           R"(CREATE TABLE problems (
                id {id},
                source_location TEXT NOT NULL,
                source_path TEXT NOT NULL,
                run_id {bigint} NOT NULL REFERENCES runs (id),
                position INTEGER NOT NULL,
                path TEXT NOT NULL,
                message TEXT NOT NULL,
                source_unreadable INTEGER NOT NULL))",
           "CREATE INDEX problems_location ON problems (source_location)",
           // The location of each source (identity_location), so a new
           // identity at the same place finds the result it replaces.
           "ALTER TABLE sources ADD COLUMN location TEXT NOT NULL DEFAULT ''",
           R"(UPDATE sources SET location = CASE WHEN {strpos}(identity, '|') > 0
                THEN substr(identity, 1, {strpos}(identity, '|') - 1) ELSE identity END)",
           "CREATE INDEX sources_location ON sources (location)",
           // Tags move to tags_by_key, kept by app_key: the application id
           // without its source-name prefix, which depends on what else the
           // run held ("web#2/..." when it held two sources named "web").
           R"(CREATE TABLE tags_by_key (
                source_identity TEXT NOT NULL,
                app_key TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (source_identity, app_key, key)))",
           R"(INSERT INTO tags_by_key (source_identity, app_key, key, value, updated_at)
                SELECT source_identity, CASE WHEN {strpos}(app_id, '/') > 0
                THEN substr(app_id, {strpos}(app_id, '/') + 1) ELSE app_id END,
                key, value, updated_at FROM tags WHERE true ON CONFLICT DO NOTHING)",
           "DROP TABLE tags",
       }},
  };
  return kMigrations;
}

std::string in_dialect(const std::string& sql, SqlDialect dialect) {
  std::string out = sql;
  bool pg = dialect == SqlDialect::kPostgres;
  replace_all(out, "{id}",
              pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                 : "INTEGER PRIMARY KEY AUTOINCREMENT");
  replace_all(out, "{bigint}", pg ? "BIGINT" : "INTEGER");
  // strpos(text, part) and instr(text, part): the same arguments, in order.
  replace_all(out, "{strpos}", pg ? "strpos" : "instr");
  return out;
}

Result<int> migrate(SqlConnection& db, const std::vector<Migration>& migrations) {
  int latest = migrations.empty() ? 0 : migrations.back().version;
  // Fast path without the write lock: a store already up to date, as it is
  // for every run but the first, lets concurrent writers start at once.
  auto version = current_version(db);
  if (version && *version == latest) return latest;
  auto begun = db.begin_write();
  if (!begun) return begun.error();
  auto r = migrate_locked(db, migrations);
  if (!r) {
    db.rollback();
    return r;
  }
  auto committed = db.commit();
  if (!committed) {
    db.rollback();
    return committed.error();
  }
  return r;
}

}  // namespace liftshift
