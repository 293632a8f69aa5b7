#include "core/text.hpp"

#include <algorithm>
#include <cstdint>

namespace liftshift {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}
}  // namespace

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower_ascii);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (iequals(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto p = s.find(sep, start);
    out.emplace_back(
        s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::string utf16le_to_utf8(Bytes data) {
  std::string out;
  out.reserve(data.size() / 2);
  std::size_t i = 0;
  while (i + 1 < data.size()) {
    std::uint32_t unit = static_cast<std::uint32_t>(data[i] | (data[i + 1] << 8));
    i += 2;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (i + 1 < data.size()) {
        std::uint32_t low = static_cast<std::uint32_t>(data[i] | (data[i + 1] << 8));
        if (low >= 0xDC00 && low <= 0xDFFF) {
          i += 2;
          append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
          continue;
        }
      }
      append_utf8(out, 0xFFFD);
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      append_utf8(out, 0xFFFD);
    } else {
      append_utf8(out, unit);
    }
  }
  return out;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = u[i];
  if (c < 0x80) return 1;
  // The lead byte gives the length and the range the second byte must be in:
  // the narrowed ranges are what exclude overlong forms (E0, F0), surrogates
  // (ED) and code points past U+10FFFF (F4); C0, C1 and F5-FF never lead.
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (u[i + 1] < lo || u[i + 1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if ((u[i + k] & 0xC0) != 0x80) return 0;
  }
  return len;
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out.append(kReplacement);
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned char c = u[i];
    std::size_t len = utf8_sequence_length(s, i);
    if (len == 1) {
      out.push_back(c < 0x20 || c == 0x7F ? '?' : static_cast<char>(c));
    } else if (len == 2 && c == 0xC2 && u[i + 1] < 0xA0) {
      // U+0080-U+009F, the C1 controls: some terminals act on them (U+009B
      // starts an escape sequence, as ESC [ does).
      out.push_back('?');
    } else if (len != 0) {
      out.append(s.substr(i, len));
    } else {
      out.append(kReplacement);
      len = 1;
    }
    i += len;
  }
  return out;
}

std::string to_forward_slashes(std::string_view path) {
  std::string out(path);
  std::replace(out.begin(), out.end(), '\\', '/');
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

bool control_at(std::string_view s, std::size_t i, std::size_t* len) {
  auto c = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (c < 0x20 || c == 0x7F) return true;
  if (c == 0xC2 && i + 1 < s.size()) {
    auto d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0x80 && d < 0xA0) {
      *len = 2;
      return true;
    }
  }
  return false;
}

std::string markup_escape(std::string_view text) {
  std::string safe = printable(text);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::optional<std::string> resolve_dot_segments(std::string_view path) {
  std::vector<std::string> parts;
  for (auto& part : split(to_forward_slashes(path), '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
      continue;
    }
    parts.push_back(std::move(part));
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

}  // namespace liftshift
