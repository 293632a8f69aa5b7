// Internal to src/store: the schema as numbered migrations, one text for both
// dialects with small substitutions, applied in order on first use and
// recorded in schema_migrations.
#pragma once

#include <string>
#include <vector>

#include "store/sql_connection.hpp"

namespace liftshift {

struct Migration {
  int version = 0;
  std::string description;
  // Statements in dialect-neutral SQL; "{id}" is an auto-increment primary
  // key and "{bigint}" a 64-bit integer column in either dialect.
  std::vector<std::string> statements;
};

// Every migration of this version of liftshift, oldest first.
const std::vector<Migration>& store_migrations();

// The statement in the connection's dialect.
std::string in_dialect(const std::string& sql, SqlDialect dialect);

// Brings the schema up to the last of migrations, each missing step in one
// transaction with the others (PostgreSQL: under an advisory lock, SQLite:
// under the write lock), so concurrent first uses apply each step once.
// Returns the schema version; an error when the store is newer than
// migrations know (a newer liftshift wrote it).
Result<int> migrate(SqlConnection& db, const std::vector<Migration>& migrations);

}  // namespace liftshift
