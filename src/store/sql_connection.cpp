#include "store/sql_connection.hpp"

#include <charconv>

namespace liftshift {

long long column_int(const SqlRow& row, std::size_t i) {
  const std::string& text = column_text(row, i);
  long long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace liftshift
