#include "store/sqlite_connection.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace liftshift {

namespace {

// Writers wait this long for the file's write lock before SQLITE_BUSY; the
// store then retries the whole transaction a few times.
constexpr int kBusyTimeoutMs = 30000;

class SqliteConnection final : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  [[nodiscard]] SqlDialect dialect() const override { return SqlDialect::kSqlite; }

  Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params) override {
    retryable_ = false;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return failure(sqlite3_errcode(db_));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (const auto* n = std::get_if<long long>(&params[i])) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()),
                               SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_null(stmt, index);
      }
      if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return failure(rc);
      }
    }
    SqlRows rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      int columns = sqlite3_column_count(stmt);
      SqlRow row;
      row.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
          continue;
        }
        const auto* text = sqlite3_column_text(stmt, c);
        int bytes = sqlite3_column_bytes(stmt, c);
        row.emplace_back(
            std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes)));
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return failure(rc);
    return rows;
  }

  Result<bool> begin_write() override { return run("BEGIN IMMEDIATE"); }
  // In WAL mode a deferred transaction reads one snapshot from its first read.
  Result<bool> begin_read() override { return run("BEGIN DEFERRED"); }
  Result<bool> commit() override { return run("COMMIT"); }
  void rollback() override {
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  [[nodiscard]] bool last_failure_retryable() const override { return retryable_; }

  Result<bool> run(const char* sql) {
    auto r = query(sql, {});
    if (!r) return r.error();
    return true;
  }

 private:
  Error failure(int rc) {
    int primary = rc & 0xff;
    retryable_ = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    return make_error(path_ + ": " + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  std::string path_;
  bool retryable_ = false;
};

// The results can name servers, accounts and paths: a new store file is
// readable by its owner only (SQLite gives its -wal and -shm files the same mode).
void create_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
}

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_sqlite_connection(const std::string& path) {
  namespace fs = std::filesystem;
  const std::string described = "SQLite " + path;
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent, ec)) {
    fs::create_directories(parent, ec);
    if (ec) return make_error(described + ": cannot create the folder: " + ec.message());
  }
  if (fs::is_directory(path, ec))
    return make_error(described + ": is a folder, not a database file");
  create_private_file(path);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return make_error(described + ": cannot open: " + why);
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  auto conn = std::make_unique<SqliteConnection>(db, described);
  // Processes that open a new store at once race: switching the file to WAL
  // takes an exclusive lock, and SQLite answers SQLITE_BUSY at once, without
  // the busy handler, where waiting could deadlock. Such a statement is tried
  // again until the busy timeout has passed.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  auto run_patiently = [&](const char* sql) -> Result<bool> {
    for (;;) {
      auto r = conn->run(sql);
      if (r || !conn->last_failure_retryable() || std::chrono::steady_clock::now() > deadline)
        return r;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  };
  // WAL: readers never block the writer and one writer at a time commits;
  // foreign keys are off by default in SQLite. Reading the schema proves the
  // file is a SQLite database, not some other file.
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                          "SELECT count(*) FROM sqlite_master"}) {
    auto r = run_patiently(sql);
    if (!r) return make_error(r.error().message);
  }
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

}  // namespace liftshift
