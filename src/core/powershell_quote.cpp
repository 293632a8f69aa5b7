#include "core/powershell_quote.hpp"

#include <algorithm>
#include <vector>

#include "core/text.hpp"

namespace liftshift {

namespace {

bool is_single_quote(std::string_view piece) {
  return piece == "'" || piece == "\xE2\x80\x98" || piece == "\xE2\x80\x99" ||
         piece == "\xE2\x80\x9A" || piece == "\xE2\x80\x9B";
}

}  // namespace

bool ps_plain_word(std::string_view s) {
  if (s.empty() || s.front() == '-') return false;
  for (char c : s) {
    bool word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '.' || c == '\\' || c == '/' || c == ':' || c == '-';
    if (!word) return false;
  }
  return true;
}

std::string ps_literal(std::string_view s) {
  std::vector<std::string> parts;
  std::string cur;
  bool open = false;
  std::string valid = to_valid_utf8(s);
  std::string_view v(valid);
  for (std::size_t i = 0; i < v.size();) {
    std::size_t len = 1;
    if (control_at(v, i, &len)) {
      unsigned code = static_cast<unsigned char>(v[i + len - 1]);
      if (open) parts.push_back(cur + "'");
      cur.clear();
      open = false;
      parts.push_back("[char]" + std::to_string(code));
      i += len;
      continue;
    }
    len = std::max<std::size_t>(1, utf8_sequence_length(v, i));
    std::string_view piece = v.substr(i, len);
    if (!open) {
      cur = "'";
      open = true;
    }
    cur.append(piece);
    if (is_single_quote(piece)) cur.append(piece);
    i += len;
  }
  if (open) parts.push_back(cur + "'");
  if (parts.empty()) return "''";
  if (parts.size() == 1 && parts[0].front() == '\'') return parts[0];
  // [char] first would make `+` an addition of numbers: start with a string.
  std::string out = parts[0].front() == '\'' ? "(" : "('' + ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += " + ";
    out += parts[i];
  }
  return out + ")";
}

std::string ps_argument(std::string_view s) {
  return ps_plain_word(s) ? std::string(s) : ps_literal(s);
}

}  // namespace liftshift
