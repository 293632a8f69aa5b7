#include "core/secret_values.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/secret_mask.hpp"
#include "core/text.hpp"

namespace liftshift {

bool masked_values(std::string_view text, std::string_view masked,
                   std::vector<std::pair<std::string_view, std::string_view>>& out) {
  std::size_t li = 0;
  std::size_t mi = 0;
  while (true) {
    // Up to the next mask: a value of mask characters ("********") would
    // otherwise pass for the mask itself.
    while (li < text.size() && mi < masked.size() && masked.compare(mi, kMask.size(), kMask) != 0 &&
           text[li] == masked[mi])
      ++li, ++mi;
    if (mi >= masked.size()) return li == text.size();
    if (masked.substr(mi, kMask.size()) != kMask) return false;
    mi += kMask.size();
    const std::size_t next = masked.find(kMask, mi);
    const std::string_view segment =
        masked.substr(mi, next == std::string_view::npos ? std::string_view::npos : next - mi);
    std::size_t value_end = 0;
    if (next == std::string_view::npos) {
      if (segment.size() > text.size() - li || text.substr(text.size() - segment.size()) != segment)
        return false;
      value_end = text.size() - segment.size();
    } else {
      if (segment.empty()) return false;
      value_end = text.find(segment, li);
      if (value_end == std::string_view::npos) return false;
    }
    out.emplace_back(text.substr(0, li), text.substr(li, value_end - li));
    li = value_end;
  }
}

bool harmless_value(std::string_view value) {
  std::string v = trim(value);
  for (const char* h : {"", "null", "nothing", "string.empty", "true", "false", "none"}) {
    if (iequals(v, h)) return true;
  }
  return false;
}

bool repeated_placeholder(std::string_view value) {
  std::string distinct;
  std::size_t letters = 0;
  for (char c : value) {
    if (c == '-') continue;
    if (std::string_view("*xX#?.").find(c) == std::string_view::npos) return false;
    ++letters;
    if (distinct.find(c) == std::string::npos) distinct += c;
  }
  return letters >= 6 && distinct.size() <= 2;
}

bool filled_in_later(std::string_view before, std::string_view value) {
  // Masking stops at a brace: "Password={p}" hides "p" after "{".
  if (!before.empty() && before.back() == '{' && !value.empty()) return true;
  std::string_view v = value;
  while (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
  if (v.size() > 2 && v.front() == '%') {
    // %NAME%, an environment variable: not any text that starts with '%'.
    const std::size_t end = v.find('%', 1);
    return end != std::string_view::npos && end > 1 &&
           std::all_of(v.begin() + 1, v.begin() + static_cast<std::ptrdiff_t>(end), [](char c) {
             return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '(' ||
                    c == ')';
           });
  }
  return v.starts_with("{") || v.starts_with("${") || v.starts_with("$(");
}

namespace {

// What code writes after a secret's key that is no value: a SQL parameter
// ("Password=@pwd", "pwd = ?", "pwd=:pwd", a name and nothing else, outside a
// connection string's "a=b;" list), a pattern that matches one
// ("Password=[^;]*", "(.*)"), a name to fill in ("YOUR_PASSWORD",
// "<password>", "your-password-here", "DB_PASSWORD") or a run of asterisks.
bool no_value_in_code(std::string_view before, std::string_view v) {
  if (v.empty()) return false;
  auto word = [](std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
  };
  const bool in_list = before.find(';') != std::string_view::npos;
  if (v == "?" || (!in_list && (v.front() == '@' || v.front() == ':') && word(v.substr(1))))
    return true;
  for (std::string_view pattern : {"[^", "(.*", "(.+", "\\d", "\\s*", "\\s+", "\\w+", "\\w*"}) {
    if (v.find(pattern) != std::string_view::npos) return true;
  }
  if (v == ".*" || v == ".+") return true;
  if (v.front() == '<' && v.back() == '>') return true;
  if (istarts_with(v, "your") &&
      (v.size() == 4 || v[4] == '-' || v[4] == '_' || icontains(v, "pass") ||
       icontains(v, "secret") || icontains(v, "key") || icontains(v, "token")))
    return true;
  if (std::all_of(v.begin(), v.end(), [](char c) { return c == '*'; })) return true;
  // A constant's name that says what it names, not its value.
  const bool upper_snake =
      v.find('_') != std::string_view::npos && std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      });
  return upper_snake && (icontains(v, "PASSWORD") || icontains(v, "PWD") ||
                         icontains(v, "SECRET") || icontains(v, "TOKEN") || icontains(v, "KEY"));
}

// "Password: too short": a message naming a secret, key and a blank after a
// colon, with no quote before the colon (as JSON's "password": "..." has),
// and a value of lower-case letters only (a header's "X-API-Key: 4f9c..." or
// "password: hunter2" is none).
bool prose_after_key(std::string_view before, std::string_view v) {
  return before.size() >= 3 && before.back() == ' ' && before[before.size() - 2] == ':' &&
         std::isalpha(static_cast<unsigned char>(before[before.size() - 3])) != 0 && !v.empty() &&
         std::all_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

bool literal_holds_credential(std::string_view literal) {
  const std::string masked = mask_secret_text(literal);
  if (masked == literal) return false;
  std::vector<std::pair<std::string_view, std::string_view>> values;
  if (!masked_values(literal, masked, values)) return true;
  return std::any_of(values.begin(), values.end(), [](const auto& bv) {
    const auto& [before, value] = bv;
    std::string_view v = value;
    while (!v.empty() && (v.back() == ';' || v.back() == '"' || v.back() == '\''))
      v.remove_suffix(1);
    // An assembly's PublicKeyToken is public: "token" names no secret there.
    return !harmless_value(v) && !repeated_placeholder(v) && !filled_in_later(before, v) &&
           !no_value_in_code(before, trim(v)) && !prose_after_key(before, trim(v)) &&
           !iends_with(before, "publickeytoken=");
  });
}

}  // namespace liftshift
