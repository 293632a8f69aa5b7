#include "formats/service_settings_scan.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"
#include "formats/source_scan.hpp"

namespace liftshift {

namespace {

using source_lexer::is_ident;
using source_lexer::literal_after;
using source_lexer::lower;

bool same_word(std::string_view a, std::string_view b, bool vb) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (vb ? lower(a[i]) != lower(b[i]) : a[i] != b[i]) return false;
  }
  return true;
}

// The member a property is set to: after `=` (VB `:=` too, not `==`), the
// last identifier of the dotted chain that follows, when the chain goes
// through `type` ("System.ServiceProcess.ServiceAccount.LocalService" ->
// "LocalService"); "" otherwise.
std::string enum_member_assigned(std::string_view code, std::size_t after, std::string_view type,
                                 bool vb) {
  std::size_t k = source_lexer::skip_blanks(code, after);
  if (k < code.size() && code[k] == ':') ++k;
  if (k >= code.size() || code[k] != '=' || (k + 1 < code.size() && code[k + 1] == '=')) return {};
  k = source_lexer::skip_blanks(code, k + 1);
  std::string_view last;
  bool through_type = false;
  while (k < code.size() && is_ident(code[k])) {
    const std::size_t start = k;
    while (k < code.size() && is_ident(code[k])) ++k;
    if (!last.empty() && same_word(last, type, vb)) through_type = true;
    last = code.substr(start, k - start);
    if (k >= code.size() || code[k] != '.') break;
    ++k;
  }
  return through_type ? std::string(last) : std::string();
}

// The quoted names inside the braces of `X = new string[] { "A", "B" }`
// (VB `New String() {"A", "B"}`), read from the text: the code has them
// blanked. Bounded: the braces must close within 1 KiB.
std::vector<std::pair<std::size_t, std::string>> braced_names(std::string_view text,
                                                              std::string_view code,
                                                              std::size_t after) {
  std::vector<std::pair<std::size_t, std::string>> out;
  // Assigned (`= new string[] {`), not read (`foreach (var d in X) {`).
  const std::size_t eq = source_lexer::skip_blanks(code, after);
  if (eq >= code.size() || code[eq] != '=' || (eq + 1 < code.size() && code[eq + 1] == '='))
    return out;
  const std::size_t open = code.find('{', eq);
  if (open == std::string_view::npos || open - eq > 64 ||
      code.substr(eq, open - eq).find(';') != std::string_view::npos)
    return out;
  const std::size_t close = code.find('}', open);
  if (close == std::string_view::npos || close - open > 1024) return out;
  for (std::size_t q = text.find('"', open); q != std::string_view::npos && q < close;) {
    const std::size_t end = text.find('"', q + 1);
    if (end == std::string_view::npos || end > close) break;
    out.emplace_back(q, std::string(text.substr(q + 1, end - q - 1)));
    q = text.find('"', end + 1);
  }
  return out;
}

struct CallSetting {
  std::string_view call;  // Topshelf's HostConfigurator method
  std::string_view key;
  std::string_view value;
};

constexpr std::array<CallSetting, 11> kTopshelfCalls{{
    {"RunAsLocalService", "account", "NT AUTHORITY\\LocalService"},
    {"RunAsNetworkService", "account", "NT AUTHORITY\\NetworkService"},
    {"RunAsLocalSystem", "account", "LocalSystem"},
    {"RunAsPrompt", "account", "User"},
    {"StartAutomatically", "start", "Automatic"},
    {"StartAutomaticallyDelayed", "start", "Automatic"},
    {"StartManually", "start", "Manual"},
    {"DependsOnMsmq", "depends-on", "MSMQ"},
    {"DependsOnMsSql", "depends-on", "MSSQLSERVER"},
    {"DependsOnEventLog", "depends-on", "EventLog"},
    {"DependsOnIis", "depends-on", "W3SVC"},
}};

// ServiceAccount's members (VB may write them in any case).
std::string account_of(std::string_view member) {
  if (iequals(member, "LocalService")) return "NT AUTHORITY\\LocalService";
  if (iequals(member, "NetworkService")) return "NT AUTHORITY\\NetworkService";
  if (iequals(member, "LocalSystem")) return "LocalSystem";
  if (iequals(member, "User")) return "User";
  return {};
}

// ServiceStartMode's members that an installer sets.
std::string start_of(std::string_view member) {
  for (const char* mode : {"Automatic", "Manual", "Disabled"}) {
    if (iequals(member, mode)) return mode;
  }
  return {};
}

bool names_a_host(std::string_view code, bool vb) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!is_ident(code[i]) || (i > 0 && is_ident(code[i - 1]))) continue;
    for (std::string_view w : {"ServiceInstaller", "ServiceProcessInstaller", "HostFactory"}) {
      if (source_lexer::word_at(code, i, w, vb)) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<ServiceSetting> service_settings(std::string_view text,
                                             const source_lexer::Lexed& lexed, bool vb) {
  std::vector<ServiceSetting> out;
  const std::string_view code = lexed.code;
  if (!names_a_host(code, vb)) return out;
  auto add = [&](std::size_t pos, std::string_view key, std::string value) {
    // The hit's text is "key: value" and is cut at kMaxHitText: a value that
    // would be cut is left out rather than kept cut.
    if (out.size() < kMaxServiceSettings && !value.empty() &&
        key.size() + 2 + value.size() <= kMaxHitText)
      out.push_back({pos, std::string(key), std::move(value)});
  };
  for (std::size_t i = 0; i < code.size();) {
    const std::string_view word = source_lexer::next_word(code, i);
    if (word.empty()) break;
    const std::size_t start = i - word.size();
    if (same_word(word, "Account", vb)) {
      add(start, "account", account_of(enum_member_assigned(code, i, "ServiceAccount", vb)));
    } else if (same_word(word, "StartType", vb)) {
      add(start, "start", start_of(enum_member_assigned(code, i, "ServiceStartMode", vb)));
    } else if (same_word(word, "ServicesDependedOn", vb)) {
      // One setting for the list: a source hit is one per line.
      std::string names;
      for (auto& [pos, name] : braced_names(text, code, i))
        names += (names.empty() ? "" : "/") + name;
      add(start, "depends-on", std::move(names));
    } else {
      std::size_t k = source_lexer::skip_blanks(code, i);
      if (k >= code.size() || code[k] != '(') continue;
      for (const CallSetting& c : kTopshelfCalls) {
        if (same_word(word, c.call, vb)) add(start, c.key, std::string(c.value));
      }
    }
  }
  for (const source_lexer::Literal& lit : lexed.assigned) {
    if (literal_after(code, lit.pos, '=', "DisplayName", vb))
      add(lit.pos, "display-name", lit.value);
    if (literal_after(code, lit.pos, '=', "Username", vb)) add(lit.pos, "account", lit.value);
  }
  for (const source_lexer::Literal& lit : lexed.args) {
    if (literal_after(code, lit.pos, '(', "SetDisplayName", vb))
      add(lit.pos, "display-name", lit.value);
    if (literal_after(code, lit.pos, '(', "DependsOn", vb)) add(lit.pos, "depends-on", lit.value);
    if (literal_after(code, lit.pos, '(', "RunAs", vb)) add(lit.pos, "account", lit.value);
  }
  return out;
}

}  // namespace liftshift
