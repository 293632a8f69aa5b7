#include "core/secret_mask.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace liftshift {

namespace {

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

}  // namespace

bool is_secret_key(std::string_view key) {
  const std::string k = squash_key(key);
  if (k.empty()) return false;
  // Names of, or facts about, a secret are not secrets: SharedAccessKeyName,
  // passwordFormat, clientCredentialType, TokenEndpoint...
  // A field, tag, prefix, label, title or placeholder holds a name or a
  // caption (PasswordField, TOKEN_BEACON_TAG, SecretPrefix, PasswordLabel).
  static constexpr std::array<std::string_view, 20> kNotSecretSuffix = {
      "name",     "type",   "mode",   "format",     "endpoint", "url",        "uri",
      "required", "policy", "expiry", "expiration", "enabled",  "length",     "provider",
      "field",    "tag",    "prefix", "label",      "title",    "placeholder"};
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

}  // namespace liftshift
