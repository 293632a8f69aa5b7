#include "store/sql_connection.hpp"

#include "core/numbers.hpp"

namespace liftshift {

long long column_int(const SqlRow& row, std::size_t i) {
  const std::string& text = column_text(row, i);
  return leading_number<long long>(text).value_or(0);
}

}  // namespace liftshift
