#include "core/command_line.hpp"

#include "core/text.hpp"

namespace liftshift {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

std::string without_leading_blanks(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && blank(s[i])) ++i;
  return std::string(s.substr(i));
}

bool has_extension(std::string_view path) {
  auto slash = path.find_last_of("\\/");
  auto dot = path.rfind('.');
  return dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash);
}

}  // namespace

CommandLine split_command_line(std::string_view line, const ProgramExists& exists,
                               bool whole_when_unsure) {
  std::string s = trim(line);
  if (s.empty()) return {};
  if (s[0] == '"') {
    auto end = s.find('"', 1);
    if (end == std::string::npos) return {s.substr(1), ""};
    return {s.substr(1, end - 1), without_leading_blanks(std::string_view(s).substr(end + 1))};
  }
  if (exists) {
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && !blank(s[i])) continue;
      std::string candidate = s.substr(0, i);
      std::string rest = i < s.size() ? without_leading_blanks(std::string_view(s).substr(i)) : "";
      if (exists(candidate)) return {candidate, rest};
      if (!has_extension(candidate) && exists(candidate + ".exe"))
        return {candidate + ".exe", rest};
    }
  }
  std::string lower = to_lower(s);
  for (auto pos = lower.find(".exe"); pos != std::string::npos; pos = lower.find(".exe", pos + 1)) {
    std::size_t end = pos + 4;
    if (end == s.size() || blank(s[end]))
      return {s.substr(0, end), without_leading_blanks(std::string_view(s).substr(end))};
  }
  if (whole_when_unsure) return {s, ""};
  std::size_t i = 0;
  while (i < s.size() && !blank(s[i])) ++i;
  return {s.substr(0, i), without_leading_blanks(std::string_view(s).substr(i))};
}

std::vector<std::string> split_arguments(std::string_view arguments) {
  std::vector<std::string> out;
  std::string cur;
  bool in_arg = false;
  bool quoted = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    char c = arguments[i];
    if (c == '\\') {
      std::size_t n = 0;
      while (i < arguments.size() && arguments[i] == '\\') {
        ++n;
        ++i;
      }
      in_arg = true;
      if (i < arguments.size() && arguments[i] == '"') {
        cur.append(n / 2, '\\');
        if (n % 2 == 1) {
          cur.push_back('"');
        } else {
          quoted = !quoted;
        }
      } else {
        cur.append(n, '\\');
        --i;
      }
      continue;
    }
    if (c == '"') {
      in_arg = true;
      // Inside quotes, "" is a literal quote (as the Microsoft C runtime reads it).
      if (quoted && i + 1 < arguments.size() && arguments[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else {
        quoted = !quoted;
      }
      continue;
    }
    if (blank(c) && !quoted) {
      if (in_arg) out.push_back(cur);
      cur.clear();
      in_arg = false;
      continue;
    }
    cur.push_back(c);
    in_arg = true;
  }
  if (in_arg) out.push_back(cur);
  return out;
}

}  // namespace liftshift
