// A strict RFC 4180 reader for the tests: records end with CRLF, fields in
// double quotes may hold commas, CRLF/LF and doubled quotes. Anything else
// (a bare quote inside an unquoted field, a missing CRLF) fails the parse.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace liftshift::test {

using CsvRows = std::vector<std::vector<std::string>>;

inline std::optional<CsvRows> parse_csv(const std::string& text) {
  CsvRows rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= n) return std::nullopt;  // unterminated quoted field
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') return std::nullopt;  // quote inside an unquoted field
        field += text[i++];
      }
    }
    if (i < n && text[i] == ',') {
      row.push_back(std::move(field));
      field.clear();
      ++i;
      continue;
    }
    if (i + 1 < n && text[i] == '\r' && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      i += 2;
      continue;
    }
    return std::nullopt;  // a field must end with a comma or CRLF
  }
  if (!row.empty() || !field.empty()) return std::nullopt;  // last record without CRLF
  return rows;
}

}  // namespace liftshift::test
