#include "emit/quoting.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr char kDockerEscape = '`';

// Calls f(piece, is_control, code) for each UTF-8 sequence of s (invalid
// bytes as U+FFFD, not control). code is the control's code point.
template <typename F>
void for_each_char(std::string_view s, F f) {
  std::string valid = to_valid_utf8(s);
  std::string_view v(valid);
  std::size_t i = 0;
  while (i < v.size()) {
    std::size_t len = 1;
    bool control = control_at(v, i, &len);
    if (!control) len = std::max<std::size_t>(1, utf8_sequence_length(v, i));
    unsigned code = static_cast<unsigned char>(v[i]);
    if (control && len == 2) code = static_cast<unsigned char>(v[i + 1]);
    f(v.substr(i, len), control, code);
    i += len;
  }
}

std::string hex(unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*X", digits, value);
  return buf;
}

// Replaces control characters with `with`.
std::string replace_controls(std::string_view s, std::string_view with) {
  std::string out;
  for_each_char(s, [&](std::string_view piece, bool control, unsigned) {
    if (control) {
      out.append(with);
    } else {
      out.append(piece);
    }
  });
  return out;
}

// A word cmd and PowerShell both read as itself (core/powershell_quote.hpp).
bool plain_word(std::string_view s) { return ps_plain_word(s); }

bool ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool ascii_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

// --- Dockerfile ---

std::string dockerfile_json_string(std::string_view s) {
  std::string out = "\"";
  for_each_char(s, [&](std::string_view piece, bool control, unsigned code) {
    if (control) {
      out += "\\u" + hex(code, 4);
    } else if (piece == "\"" || piece == "\\") {
      out += "\\" + std::string(piece);
    } else {
      out.append(piece);
    }
  });
  return out + "\"";
}

std::string dockerfile_json_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += dockerfile_json_string(items[i]);
  }
  return out + "]";
}

std::string dockerfile_path_word(std::string_view s) {
  std::string out;
  for_each_char(s, [&](std::string_view piece, bool control, unsigned) {
    if (control) {
      out.push_back('_');
      return;
    }
    if (piece == "$" || piece == "'" || piece == "\"" || piece == "`") out.push_back(kDockerEscape);
    out.append(piece);
  });
  return out;
}

std::string dockerfile_copy(std::string_view instruction, const std::vector<std::string>& sources,
                            std::string_view dest) {
  std::vector<std::string> words;
  bool spaced = false;
  for (const auto& s : sources) words.push_back(dockerfile_path_word(s));
  words.push_back(dockerfile_path_word(dest));
  for (const auto& w : words) spaced = spaced || w.find_first_of(" \t") != std::string::npos;
  std::string out(instruction);
  if (spaced) return out + " " + dockerfile_json_array(words);
  for (const auto& w : words) out += " " + w;
  return out;
}

std::string dockerfile_line(std::string_view s) {
  std::string out = replace_controls(s, " ");
  for (;;) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty() || out.back() != kDockerEscape) break;
    out.pop_back();  // a trailing escape character continues the instruction
  }
  return out;
}

std::string dockerfile_comment(std::string_view text) { return "# " + dockerfile_line(text); }

// --- PowerShell ---

std::string ps_command(std::string_view program, const std::vector<std::string>& args) {
  bool bare = plain_word(program) && ascii_alnum(program.front());
  std::string out = bare ? std::string(program) : "& " + ps_literal(program);
  for (const auto& a : args) out += " " + ps_argument(a);
  return out;
}

// --- cmd.exe ---

std::string cmd_argument(std::string_view s) {
  if (plain_word(s)) return std::string(s);
  std::string out;
  // A `"` that follows backslashes is read by the C runtime as an escaped
  // quote unless the backslashes are doubled.
  auto quote = [&out] {
    std::size_t n = 0;
    while (n < out.size() && out[out.size() - 1 - n] == '\\') ++n;
    out.append(n, '\\');
    out.push_back('"');
  };
  out.push_back('"');
  for_each_char(s, [&](std::string_view piece, bool control, unsigned) {
    if (control || piece == "\"") {
      out.push_back('_');
    } else if (piece == "%") {
      quote();
      out += "^%\"";
    } else {
      out.append(piece);
    }
  });
  quote();
  return out;
}

std::string cmd_command(std::string_view program, const std::vector<std::string>& args) {
  std::string out = cmd_argument(program);
  for (const auto& a : args) out += " " + cmd_argument(a);
  return out;
}

// --- Markdown ---

std::string md_code(std::string_view text) {
  std::string body = replace_controls(text, " ");
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' ||
                               (body.front() == ' ' && body.back() == ' ' &&
                                body.find_first_not_of(' ') != std::string::npos));
  return pad ? fence + " " + body + " " + fence : fence + body + fence;
}

std::string md_text(std::string_view text) {
  std::string body = replace_controls(text, " ");
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    char prev = i ? body[i - 1] : ' ';
    char next = i + 1 < body.size() ? body[i + 1] : ' ';
    bool escape = false;
    switch (c) {
      case '*':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '`':
        escape = true;
        break;
      case '_':
        escape = !(ascii_alnum(prev) && ascii_alnum(next));
        break;
      case '&':
        escape = ascii_alnum(next) || next == '#';
        break;
      case '\\':
        escape = ascii_punct(next);
        break;
      default:
        break;
    }
    if (escape) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// --- Terminal ---

std::string terminal_text(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(s[i]);
    if (control_at(s, i, &len)) {
      if (len == 2) {
        out += "\\u" + hex(static_cast<unsigned char>(s[i + 1]), 4);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else {
        out += "\\x" + hex(c, 2);
      }
    } else if (std::size_t n = utf8_sequence_length(s, i); n != 0) {
      len = n;
      out.append(s.substr(i, n));
    } else {
      out += "\\x" + hex(c, 2);
    }
    i += len;
  }
  return out;
}

std::string compose_value(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

}  // namespace liftshift
