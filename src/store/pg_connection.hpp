// Internal to src/store: a SqlConnection over libpq to a PostgreSQL server.
#pragma once

#include <memory>
#include <string>

#include "store/sql_connection.hpp"

namespace liftshift {

// url: a libpq connection URI (postgresql://user:pass@host:port/db?...).
// The error never contains the password.
Result<std::unique_ptr<SqlConnection>> open_pg_connection(const std::string& url,
                                                          const std::string& described);

}  // namespace liftshift
