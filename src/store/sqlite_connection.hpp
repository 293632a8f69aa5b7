// Internal to src/store: a SqlConnection over one SQLite file, in WAL mode
// with a busy timeout so several liftshift processes can share it.
#pragma once

#include <memory>
#include <string>

#include "store/sql_connection.hpp"

namespace liftshift {

// Opens (creating it and its folder when missing) the database file.
Result<std::unique_ptr<SqlConnection>> open_sqlite_connection(const std::string& path);

}  // namespace liftshift
