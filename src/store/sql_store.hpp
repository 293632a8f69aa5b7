// Internal to src/store: the ResultStore over any SqlConnection (SQLite or
// PostgreSQL), with the schema migrated on open.
#pragma once

#include <memory>
#include <string>

#include "store/sql_connection.hpp"
#include "store/store.hpp"

namespace liftshift {

Result<std::unique_ptr<ResultStore>> open_sql_store(std::unique_ptr<SqlConnection> db,
                                                    std::string described);

}  // namespace liftshift
