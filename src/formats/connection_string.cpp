#include "formats/connection_string.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr int kMaxNesting = 4;  // nested connection strings (EF) read through

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Lower-case, trimmed, inner whitespace collapsed: " Data   Source " -> "data source".
std::string normalize_key(std::string_view key) {
  std::string out;
  bool pending_space = false;
  for (char c : key) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

struct Pair {
  std::string key;              // normalized (see normalize_key)
  std::string value;            // unquoted, unescaped
  std::size_t value_begin = 0;  // span of the value as written (quotes included)
  std::size_t value_end = 0;
  char quote = 0;  // '\'', '"', '{' or 0
};

// Splits a connection string into pairs the way DbConnectionStringBuilder
// (and the ODBC driver manager for {braces}) reads it. Never fails: garbage
// yields fewer pairs.
std::vector<Pair> tokenize(std::string_view s) {
  std::vector<Pair> pairs;
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    while (i < n && (is_space(s[i]) || s[i] == ';')) ++i;
    if (i >= n) break;
    std::string raw_key;
    bool have_eq = false;
    while (i < n) {
      if (s[i] == '=') {
        if (i + 1 < n && s[i + 1] == '=') {  // "==" is a literal '=' in a key
          raw_key.push_back('=');
          i += 2;
          continue;
        }
        have_eq = true;
        ++i;
        break;
      }
      if (s[i] == ';') break;
      raw_key.push_back(s[i]);
      ++i;
    }
    if (!have_eq) continue;  // "key;" without a value: skip it
    Pair p;
    p.key = normalize_key(raw_key);
    while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
    p.value_begin = i;
    if (i < n && (s[i] == '\'' || s[i] == '"')) {
      const char q = s[i];
      p.quote = q;
      ++i;
      while (i < n) {
        if (s[i] == q) {
          if (i + 1 < n && s[i + 1] == q) {
            p.value.push_back(q);
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        p.value.push_back(s[i]);
        ++i;
      }
      p.value_end = i;
      while (i < n && s[i] != ';') ++i;  // anything after the closing quote is ignored
    } else if (i < n && s[i] == '{') {
      p.quote = '{';
      ++i;
      while (i < n) {
        if (s[i] == '}') {
          if (i + 1 < n && s[i + 1] == '}') {
            p.value.push_back('}');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        p.value.push_back(s[i]);
        ++i;
      }
      p.value_end = i;
      while (i < n && s[i] != ';') ++i;
    } else {
      const std::size_t start = i;
      while (i < n && s[i] != ';') ++i;
      std::size_t end = i;
      while (end > start && is_space(s[end - 1])) --end;
      p.value.assign(s.substr(start, end - start));
      p.value_end = end;
    }
    if (!p.key.empty()) pairs.push_back(std::move(p));
  }
  return pairs;
}

std::string requote(std::string_view inner, char quote) {
  if (quote == 0) return std::string(inner);
  const char close = quote == '{' ? '}' : quote;
  std::string out(1, quote);
  for (char c : inner) {
    out.push_back(c);
    if (c == close) out.push_back(c);
  }
  out.push_back(close);
  return out;
}

// Structured masking; `had` is set when a secret value was replaced.
std::string mask_structured(std::string_view s, int depth, bool& had) {
  const std::vector<Pair> pairs = tokenize(s);
  std::string out;
  out.reserve(s.size());
  std::size_t copied = 0;
  for (const Pair& p : pairs) {
    std::string replacement;
    bool replace = false;
    if (is_secret_key(p.key)) {
      if (!p.value.empty() && p.value != kMask) {
        replacement = std::string(kMask);
        replace = true;
        had = true;
      }
    } else if (depth < kMaxNesting && p.value.find('=') != std::string::npos) {
      // A nested connection string: EF "provider connection string", OLE DB
      // "Extended Properties", ... Mask inside and quote it back as it was.
      bool inner_had = false;
      std::string inner = mask_structured(p.value, depth + 1, inner_had);
      if (inner_had) {
        replacement = requote(inner, p.quote);
        replace = true;
        had = true;
      }
    }
    if (replace && p.value_begin >= copied && p.value_end >= p.value_begin) {
      out.append(s.substr(copied, p.value_begin - copied));
      out.append(replacement);
      copied = p.value_end;
    }
  }
  out.append(s.substr(copied));
  return out;
}

bool value_is_true(std::string_view v) {
  const std::string t = trim(v);
  return iequals(t, "true") || iequals(t, "yes") || iequals(t, "sspi");
}

bool names_local_db_file(std::string_view v) {
  static constexpr std::array<std::string_view, 9> kExt = {
      ".mdf", ".sdf", ".db", ".sqlite", ".sqlite3", ".db3", ".s3db", ".mdb", ".accdb"};
  std::string t = trim(v);
  if (icontains(t, "|DataDirectory|")) return true;
  for (std::string_view ext : kExt) {
    if (iends_with(t, ext)) return true;
  }
  return false;
}

bool is_server_key(std::string_view k) {
  return k == "data source" || k == "server" || k == "address" || k == "addr" ||
         k == "network address" || k == "host" || k == "hostname" || k == "datasource";
}

bool is_file_key(std::string_view k) {
  return k == "dbq" || k == "database" || k == "filename" || k == "initial file name" ||
         k == "data source" || k == "datasource";
}

}  // namespace

std::string mask_secrets(std::string_view connection_string) {
  bool had = false;
  return mask_secret_text(mask_structured(connection_string, 0, had));
}

ConnectionStringFacts parse_connection_string(std::string_view name, std::string_view provider,
                                              std::string_view value) {
  ConnectionStringFacts f;
  f.name = std::string(name);
  f.provider = std::string(provider);
  bool had = false;
  const std::string structured = mask_structured(value, 0, had);
  f.masked = mask_secret_text(structured);
  f.had_secret = had || f.masked != structured;

  // Pairs of the string and of nested strings (EF provider connection string).
  std::vector<Pair> pairs = tokenize(value);
  const std::size_t outer = pairs.size();
  for (std::size_t idx = 0; idx < outer; ++idx) {
    if (pairs[idx].key == "provider connection string") {
      std::vector<Pair> inner = tokenize(pairs[idx].value);
      for (Pair& p : inner) {
        p.value_begin = p.value_end = 0;  // spans refer to the inner string
        pairs.push_back(std::move(p));
      }
    }
  }

  for (const Pair& p : pairs) {
    const std::string v = trim(p.value);
    if (is_secret_key(p.key)) continue;
    if (p.key == "attachdbfilename" && !v.empty()) {
      f.local_file = true;
      f.local_file_path = v;
      continue;
    }
    if (is_server_key(p.key) && f.server.empty() && !v.empty()) {
      if (!names_local_db_file(v)) f.server = v;
      if (icontains(v, "(localdb)")) f.local_file = true;
    }
    bool local_file =
        (is_file_key(p.key) && names_local_db_file(v)) || icontains(v, "|DataDirectory|");
    if (!v.empty() && local_file) {
      f.local_file = true;
      if (f.local_file_path.empty()) f.local_file_path = v;
    }
    if (p.key == "integrated security" && value_is_true(v)) f.integrated_security = true;
    if ((p.key == "trusted_connection" || p.key == "trusted connection") &&
        (iequals(v, "yes") || iequals(v, "true")))
      f.integrated_security = true;
    if (p.key == "authentication" && iequals(v, "Active Directory Integrated"))
      f.integrated_security = true;
  }
  if (f.local_file && !f.local_file_path.empty())
    f.local_file_path = mask_secret_text(f.local_file_path);
  f.server = mask_secret_text(f.server);
  return f;
}

// A value shaped like a secret: a connection string with a password, or a
// long run of key characters (hex, base64, token alphabets) with letters and
// digits mixed, such as an API key or a machine key.
bool secret_shaped_value(std::string_view raw) {
  const std::string v = trim(raw);
  if (v.find('=') != std::string::npos && v.find(';') != std::string::npos)
    return parse_connection_string("", "", v).had_secret;
  if (v.size() < 32) return false;
  bool letter = false;
  bool digit = false;
  for (char c : v) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      letter = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '+' && c != '/' && c != '=' && c != '-' && c != '_') {
      return false;  // a sentence, a path or a URL
    }
  }
  return letter && digit;
}

}  // namespace liftshift
