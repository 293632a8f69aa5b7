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
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Lower-case, alphanumerics only: "Account Key" -> "accountkey".
std::string squash_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (is_alnum(c)) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
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

bool is_secret_key(std::string_view key) {
  const std::string k = squash_key(key);
  if (k.empty()) return false;
  // Names of, or facts about, a secret are not secrets: SharedAccessKeyName,
  // passwordFormat, clientCredentialType, TokenEndpoint...
  static constexpr std::array<std::string_view, 14> kNotSecretSuffix = {
      "name",     "type",   "mode",   "format",     "endpoint", "url",    "uri",
      "required", "policy", "expiry", "expiration", "enabled",  "length", "provider"};
  for (std::string_view suffix : kNotSecretSuffix) {
    if (k.size() > suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0)
      return false;
  }
  static constexpr std::array<std::string_view, 10> kContains = {
      "password",  "passwd", "secret",       "token",      "accountkey",
      "accesskey", "apikey", "sharedaccess", "privatekey", "connectionpassword"};
  for (std::string_view c : kContains) {
    if (k.find(c) != std::string::npos) return true;
  }
  if (k.size() >= 3 && k.compare(k.size() - 3, 3, "pwd") == 0) return true;
  return k == "pass" || k == "sig" || k == "pw";
}

std::string mask_secret_text(std::string_view s) {
  std::string out;
  std::size_t copied = 0;
  const std::size_t n = s.size();
  auto emit_mask = [&](std::size_t begin, std::size_t end) {
    out.append(s.substr(copied, begin - copied));
    out.append(kMask);
    copied = end;
  };
  std::size_t i = 0;
  while (i < n) {
    const char c = s[i];
    if (c == '-' && s.compare(i, 11, "-----BEGIN ") == 0) {
      // A PEM private key ("-----BEGIN RSA PRIVATE KEY-----" ... "-----END"):
      // the body goes, the armour lines stay to say what it was.
      const std::size_t label_end = s.find("-----", i + 11);
      if (label_end != std::string_view::npos && label_end - i < 80 &&
          s.substr(i + 11, label_end - i - 11).ends_with("PRIVATE KEY")) {
        const std::size_t body = label_end + 5;
        const std::size_t end = std::min(s.find("-----END", body), n);
        if (end > body) emit_mask(body, end);
        i = end;
        continue;
      }
    }
    if (c == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') {
      // URL user info: scheme://user:password@host
      std::size_t k = i + 3;
      std::size_t colon = std::string_view::npos;
      while (k < n) {
        const char d = s[k];
        if (d == '/' || d == '?' || d == '#' || d == '@' || is_space(d) || d == '"' || d == '\'' ||
            d == '<' || d == '>')
          break;
        if (d == ':' && colon == std::string_view::npos) colon = k;
        ++k;
      }
      if (k < n && s[k] == '@' && colon != std::string_view::npos && colon + 1 < k &&
          s.substr(colon + 1, k - colon - 1) != kMask) {
        emit_mask(colon + 1, k);
        i = k;
        continue;
      }
      i += 3;
      continue;
    }
    if (c != '=' && c != ':') {
      ++i;
      continue;
    }
    // The key before the separator: optional quote, then [A-Za-z0-9 _.-]{1,64}.
    std::size_t j = i;
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t')) --j;
    if (j > 0 && (s[j - 1] == '"' || s[j - 1] == '\'')) --j;
    const std::size_t key_end = j;
    while (j > 0 && key_end - j < 64) {
      const char d = s[j - 1];
      if (!(is_alnum(d) || d == '_' || d == '-' || d == '.' || d == ' ')) break;
      --j;
    }
    if (!is_secret_key(s.substr(j, key_end - j))) {
      ++i;
      continue;
    }
    std::size_t v = i + 1;
    while (v < n && (s[v] == ' ' || s[v] == '\t')) ++v;
    std::size_t begin = v;
    std::size_t end = v;
    if (v < n && (s[v] == '"' || s[v] == '\'' || s[v] == '{')) {
      const char close = s[v] == '{' ? '}' : s[v];
      begin = v + 1;
      end = begin;
      while (end < n) {
        if (s[end] == close) {
          if (end + 1 < n && s[end + 1] == close) {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
    } else {
      while (end < n) {
        const char d = s[end];
        if (is_space(d) || d == ';' || d == ',' || d == '&' || d == '"' || d == '\'' || d == '<' ||
            d == '>' || d == ')' || d == ']' || d == '}')
          break;
        ++end;
      }
    }
    if (end > begin && s.substr(begin, end - begin) != kMask) {
      emit_mask(begin, end);
      i = end;
    } else {
      i = v > i ? v : i + 1;
    }
  }
  if (copied == 0) return std::string(s);
  out.append(s.substr(copied));
  return out;
}

std::string mask_command_line(std::string_view command_line) {
  std::string s = mask_secret_text(command_line);
  const std::size_t n = s.size();
  std::string out;
  std::size_t copied = 0;
  std::size_t i = 0;
  while (i < n) {
    // A switch at the start of a word: "-Password", "--api-key", "/pwd".
    if ((s[i] != '-' && s[i] != '/') || (i > 0 && !is_space(s[i - 1]) && s[i - 1] != '"')) {
      ++i;
      continue;
    }
    std::size_t k = i;
    while (k < n && (s[k] == '-' || s[k] == '/')) ++k;
    const std::size_t key = k;
    while (k < n && (is_alnum(s[k]) || s[k] == '_' || s[k] == '-' || s[k] == '.')) ++k;
    std::size_t v = k;
    while (v < n && is_space(s[v])) ++v;
    // Its value follows after spaces, unless what follows is the next switch.
    if (k == key || v == k || v == n || s[v] == '-' || s[v] == '/' ||
        !is_secret_key(std::string_view(s).substr(key, k - key))) {
      i = k > i ? k : i + 1;
      continue;
    }
    std::size_t begin = v;
    std::size_t end = v;
    if (s[v] == '"' || s[v] == '\'') {
      begin = v + 1;
      end = std::min(s.find(s[v], begin), n);
    } else {
      while (end < n && !is_space(s[end])) ++end;
    }
    if (end > begin && std::string_view(s).substr(begin, end - begin) != kMask) {
      out.append(s, copied, begin - copied);
      out.append(kMask);
      copied = end;
    }
    i = end;
  }
  if (copied == 0) return s;
  out.append(s, copied, std::string::npos);
  return out;
}

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
