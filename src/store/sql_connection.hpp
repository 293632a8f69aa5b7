// Internal to src/store: the little the store needs from a SQL database,
// implemented once for SQLite (sqlite3 C API) and once for PostgreSQL
// (libpq), so the schema, the save/load logic and the tests are shared.
// Statements use "?" placeholders; the PostgreSQL side numbers them ($1...).
// Values are always bound, never spliced into the SQL text.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

enum class SqlDialect { kSqlite, kPostgres };

using SqlValue = std::variant<std::nullptr_t, long long, std::string>;
using SqlRow = std::vector<std::optional<std::string>>;  // every column as text, nullopt = NULL
using SqlRows = std::vector<SqlRow>;

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  SqlConnection() = default;
  SqlConnection(const SqlConnection&) = delete;
  SqlConnection& operator=(const SqlConnection&) = delete;

  [[nodiscard]] virtual SqlDialect dialect() const = 0;

  // Runs one statement; the rows it returns (none for most writes).
  virtual Result<SqlRows> query(const std::string& sql, const std::vector<SqlValue>& params) = 0;

  // Starts a transaction that will write: BEGIN IMMEDIATE on SQLite (takes
  // the write lock now, so two writers wait instead of deadlocking), BEGIN on
  // PostgreSQL.
  virtual Result<bool> begin_write() = 0;
  // Starts a read-only transaction that sees one consistent snapshot.
  virtual Result<bool> begin_read() = 0;
  virtual Result<bool> commit() = 0;
  // Never fails visibly: used on error paths.
  virtual void rollback() = 0;

  // True when the last failure was a transient conflict that a retry of the
  // whole transaction can resolve: SQLITE_BUSY/LOCKED after the busy timeout,
  // PostgreSQL serialization failure (40001) or deadlock (40P01).
  [[nodiscard]] virtual bool last_failure_retryable() const = 0;
};

// Text of a column that is never NULL ("" when it is).
inline const std::string& column_text(const SqlRow& row, std::size_t i) {
  static const std::string kEmpty;
  return i < row.size() && row[i] ? *row[i] : kEmpty;
}

long long column_int(const SqlRow& row, std::size_t i);

}  // namespace liftshift
