#include "formats/source_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>

#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/entry_point_scan.hpp"
#include "formats/format_util.hpp"

namespace liftshift {

namespace {

namespace cat = source_category;

constexpr std::size_t kMaxLiteral = std::size_t{64} << 10;  // literal bytes kept for matching

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_blank(char c) { return c == ' ' || c == '\t'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t category_index(std::string_view c) {
  for (std::size_t i = 0; i < cat::kAll.size(); ++i) {
    if (cat::kAll[i] == c) return i;
  }
  return cat::kAll.size();
}

// ---- lexing ----

struct Literal {
  std::size_t pos = 0;  // offset of the literal's first character (prefix or quote)
  int line = 0;
  std::string value;  // escapes resolved (C# regular strings), capped at kMaxLiteral
};

struct Lexed {
  std::string code;  // the text with comments and literals blanked (newlines kept)
  // Literals that directly follow '(' (blanks between): the candidate first
  // arguments of calls, in text order. Capped: see kMaxArgLiterals.
  std::vector<Literal> args;
  // Literals that directly follow a single '=' (an assignment): candidate
  // property values such as ServiceName = "...". Capped like args.
  std::vector<Literal> assigned;
};

constexpr std::size_t kMaxArgLiterals = 200000;
constexpr std::size_t kMaxLookback = 256;  // blanks searched between '(' and a literal
constexpr std::size_t kMaxHits = 10000;    // per file

using LiteralSink = std::function<void(const Literal&)>;

class Lexer {
 public:
  Lexer(std::string_view t, bool vb, LiteralSink sink) : t_(t), vb_(vb), sink_(std::move(sink)) {
    out_.code.assign(t.size(), ' ');
  }

  Lexed run() {
    while (i_ < t_.size()) vb_ ? step_vb() : step_cs();
    return std::move(out_);
  }

 private:
  [[nodiscard]] char at(std::size_t k) const { return k < t_.size() ? t_[k] : '\0'; }

  // Blanks [from, to) in the code, keeping newlines and counting lines.
  void blank(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (t_[k] == '\n') {
        out_.code[k] = '\n';
        ++line_;
      }
    }
  }
  void code_char() {
    const char c = t_[i_];
    out_.code[i_] = c;
    if (c == '\n') ++line_;
    ++i_;
  }
  void skip_to_eol() {
    std::size_t e = t_.find('\n', i_);
    if (e == std::string_view::npos) e = t_.size();
    i_ = e;  // the newline itself is code
  }
  static void push(std::string& v, char c) {
    if (v.size() < kMaxLiteral) v.push_back(c);
  }

  void step_cs() {
    const char c = t_[i_];
    if (c == '/' && at(i_ + 1) == '/') return skip_to_eol();
    if (c == '/' && at(i_ + 1) == '*') {
      std::size_t e = t_.find("*/", i_ + 2);
      e = e == std::string_view::npos ? t_.size() : e + 2;
      blank(i_, e);
      i_ = e;
      return;
    }
    if (c == '"' || c == '@' || c == '$') {
      std::size_t j = i_;
      bool verbatim = false;
      bool interpolated = false;
      while (j < t_.size() && j - i_ < 4 && (t_[j] == '@' || t_[j] == '$')) {
        (t_[j] == '@' ? verbatim : interpolated) = true;
        ++j;
      }
      if (at(j) == '"' && (c == '"' || i_ == 0 || !is_ident(t_[i_ - 1]))) {
        return cs_string(j, verbatim, interpolated);
      }
      return code_char();
    }
    if (c == '\'') {
      std::size_t e = std::string_view::npos;
      if (at(i_ + 1) == '\\') {
        for (std::size_t k = i_ + 3; k < t_.size() && k < i_ + 12; ++k) {
          if (t_[k] == '\'') {
            e = k + 1;
            break;
          }
          if (t_[k] == '\n') break;
        }
      } else if (at(i_ + 1) != '\n' && at(i_ + 2) == '\'') {
        e = i_ + 3;
      }
      if (e != std::string_view::npos) {
        blank(i_, e);
        i_ = e;
        return;
      }
    }
    code_char();
  }

  // A C# string whose opening quote is at q (prefixes from i_).
  void cs_string(std::size_t q, bool verbatim, bool interpolated) {
    Literal lit;
    lit.pos = i_;
    lit.line = line_;
    std::size_t quotes = 0;
    while (at(q + quotes) == '"') ++quotes;
    std::size_t k;
    if (quotes >= 3 && !verbatim) {  // raw string literal: ends at a run of as many quotes
      k = q + quotes;
      while (k < t_.size()) {
        if (t_[k] == '"') {
          std::size_t run = 0;
          while (at(k + run) == '"') ++run;
          if (run >= quotes) {
            k += run;
            break;
          }
          for (std::size_t r = 0; r < run; ++r) push(lit.value, '"');
          k += run;
          continue;
        }
        push(lit.value, t_[k]);
        ++k;
      }
    } else if (quotes == 2 && !verbatim) {  // ""
      k = q + 2;
    } else {
      k = q + 1;
      int depth = 0;  // interpolation hole depth
      while (k < t_.size()) {
        const char c = t_[k];
        if (interpolated) {
          if (c == '{') {
            if (depth == 0 && at(k + 1) == '{') {
              push(lit.value, '{');
              k += 2;
              continue;
            }
            ++depth;
          } else if (c == '}' && depth > 0) {
            --depth;
          } else if (c == '"' && depth > 0) {  // a string inside a hole: skip it
            push(lit.value, c);
            ++k;
            while (k < t_.size() && t_[k] != '"' && t_[k] != '\n') {
              if (t_[k] == '\\') push(lit.value, t_[k++]);
              if (k < t_.size()) push(lit.value, t_[k++]);
            }
            if (k < t_.size() && t_[k] == '"') push(lit.value, t_[k++]);
            continue;
          }
        }
        if (verbatim) {
          if (c == '"') {
            if (at(k + 1) == '"') {
              push(lit.value, '"');
              k += 2;
              continue;
            }
            ++k;
            break;
          }
          push(lit.value, c);
          ++k;
          continue;
        }
        if (c == '\n') break;  // unterminated regular string ends at the line
        if (c == '"') {
          ++k;
          break;
        }
        if (c == '\\' && k + 1 < t_.size()) {
          const char e = t_[k + 1];
          switch (e) {
            case 'n':
              push(lit.value, '\n');
              break;
            case 'r':
              push(lit.value, '\r');
              break;
            case 't':
              push(lit.value, '\t');
              break;
            case '0':
              push(lit.value, '\0');
              break;
            case 'u':
            case 'U':
            case 'x':
              push(lit.value, '\\');
              push(lit.value, e);
              break;
            default:
              push(lit.value, e);
              break;
          }
          k += 2;
          continue;
        }
        push(lit.value, c);
        ++k;
      }
    }
    blank(i_, k);
    i_ = k;
    emit(std::move(lit));
  }

  void step_vb() {
    const char c = t_[i_];
    const auto u = static_cast<unsigned char>(c);
    // ' or a typographic quote (U+2018, U+2019) starts a comment.
    if (c == '\'' ||
        (u == 0xE2 && at(i_ + 1) == '\x80' && (at(i_ + 2) == '\x98' || at(i_ + 2) == '\x99')))
      return skip_to_eol();
    if ((c == 'R' || c == 'r') &&
        (i_ == 0 || is_blank(t_[i_ - 1]) || t_[i_ - 1] == ':' || t_[i_ - 1] == '\n') &&
        (lower(at(i_ + 1)) == 'e') && (lower(at(i_ + 2)) == 'm') &&
        (i_ + 3 == t_.size() || is_blank(t_[i_ + 3]) || t_[i_ + 3] == '\r' || t_[i_ + 3] == '\n'))
      return skip_to_eol();
    if (c == '"' || (c == '$' && at(i_ + 1) == '"')) {
      Literal lit;
      lit.pos = i_;
      lit.line = line_;
      const bool interpolated = c == '$';
      std::size_t k = i_ + (interpolated ? 2 : 1);
      int depth = 0;
      while (k < t_.size()) {
        const char d = t_[k];
        if (interpolated && d == '{') ++depth;
        if (interpolated && d == '}' && depth > 0) --depth;
        if (d == '"' && depth == 0) {
          if (at(k + 1) == '"') {
            push(lit.value, '"');
            k += 2;
            continue;
          }
          ++k;
          break;
        }
        push(lit.value, d);
        ++k;
      }
      blank(i_, k);
      i_ = k;
      emit(std::move(lit));
      return;
    }
    code_char();
  }

  // Hands a literal to the sink; keeps it as a call argument when '(' comes
  // just before it.
  void emit(Literal lit) {
    sink_(lit);
    std::size_t k = lit.pos;
    while (k > 0 && lit.pos - k < kMaxLookback && is_blank(out_.code[k - 1])) --k;
    if (k > 0 && out_.code[k - 1] == '(' && out_.args.size() < kMaxArgLiterals) {
      out_.args.push_back(std::move(lit));
    } else if (k > 0 && out_.code[k - 1] == '=' &&
               (k < 2 ||
                std::string_view("=!<>").find(out_.code[k - 2]) == std::string_view::npos) &&
               out_.assigned.size() < kMaxArgLiterals) {
      out_.assigned.push_back(std::move(lit));
    }
  }

  std::string_view t_;
  bool vb_;
  LiteralSink sink_;
  std::size_t i_ = 0;
  int line_ = 1;
  Lexed out_;
};

// ---- token patterns ----

enum Flags : std::uint8_t {
  kWordStart = 1,  // the character before the match is not an identifier character
  kWordEnd = 2,    // the character after the match is not an identifier character
  kNoCase = 4,     // case-insensitive in C# too
  kCsOnly = 8,
  kVbOnly = 16,
  kNotMember = 32,  // not preceded by '.' (a free function, not obj.Method)
};

enum class Special : std::uint8_t {
  kNone,
  kQueueArg,        // the string argument is a queue path (msmq-queue)
  kCreateQueueArg,  // ... and a public queue (no private$) needs AD (msmq-auth)
};

struct Pattern {
  std::string_view text;  // ' ' = one or more blanks, '~' = zero or more blanks
  std::string_view category;
  std::uint8_t flags;
  Special special = Special::kNone;
};

constexpr std::uint8_t WS = kWordStart;
constexpr std::uint8_t WSE = kWordStart | kWordEnd;

// clang-format off
constexpr Pattern kPatterns[] = {
    {"System.Windows.Forms", cat::kWinForms, WS},
    {"Application.Run~(", cat::kWinForms, WS},
    {":~Form", cat::kWinForms, kWordEnd | kCsOnly},
    {"Inherits Form", cat::kWinForms, WSE | kVbOnly},
    {"System.Windows.Controls", cat::kWpf, WS},
    {"PresentationFramework", cat::kWpf, WS},
    {":~Window", cat::kWpf, kWordEnd | kCsOnly},
    {"Inherits Window", cat::kWpf, WSE | kVbOnly},
    {"System.Drawing", cat::kGdi, WS},
    {"new Font~(", cat::kGdi, WS},
    {"Bitmap", cat::kGdi, WSE},
    {"Graphics.", cat::kGdi, WS},
    {"WTSEnumerateSessions", cat::kWts, WS},
    {"WTSQuerySessionInformation", cat::kWts, WS},
    {"wtsapi32", cat::kWts, WS | kNoCase},
    {"Cassia", cat::kWts, WSE},
    {"RemoteApp", cat::kWts, WS},
    {"System.Messaging", cat::kMessaging, WS},
    {"MessageQueue", cat::kMessaging, WS},
    {"MessageQueue.Create~(", cat::kMsmqQueue, WS, Special::kCreateQueueArg},
    {"new MessageQueue~(", cat::kMsmqQueue, WS, Special::kQueueArg},
    {"MessageQueue.Exists~(", cat::kMsmqQueue, WS, Special::kQueueArg},
    {"MessageQueue.Delete~(", cat::kMsmqQueue, WS, Special::kQueueArg},
    {"Authenticate~=~true", cat::kMsmqAuth, WSE},
    {"UseAuthentication~=~true", cat::kMsmqAuth, WSE},
    {"UseActiveDirectory", cat::kMsmqAuth, WSE},
    {"EventLog.WriteEntry", cat::kEventLog, 0},
    {"EventLog.CreateEventSource", cat::kEventLog, 0},
    {"EventLog.SourceExists", cat::kEventLog, 0},
    {"new EventLog", cat::kEventLog, WSE},
    {"EventLogTraceListener", cat::kEventLog, WS},
    // An EventSource is ETW only when a class derives from it; a field named
    // EventSource (common for event-log source names) is not.
    {":~EventSource", cat::kEtw, kWordEnd | kCsOnly},
    {"Inherits EventSource", cat::kEtw, WSE | kVbOnly},
    {"EventSource.SendCommand", cat::kEtw, WS},
    {"EventProvider", cat::kEtw, WSE},
    {"System.Diagnostics.Tracing", cat::kEtw, WS},
    {"System.DirectoryServices", cat::kDirectoryServices, WS},
    {"DirectoryEntry", cat::kDirectoryServices, WS},
    {"DirectorySearcher", cat::kDirectoryServices, WS},
    {"PrincipalContext", cat::kDirectoryServices, WS},
    {"WindowsIdentity", cat::kWindowsIdentity, WS},
    {"WindowsPrincipal", cat::kWindowsIdentity, WS},
    {"WindowsImpersonationContext", cat::kWindowsIdentity, WS},
    {"TransactionScope", cat::kTransactions, WS},
    {"CommittableTransaction", cat::kTransactions, WS},
    {"System.EnterpriseServices", cat::kEnterpriseServices, WS},
    {"ServicedComponent", cat::kEnterpriseServices, WS},
    {"ContextUtil", cat::kEnterpriseServices, WS},
    {"Microsoft.Win32.Registry", cat::kRegistry, WS},
    {"RegistryKey", cat::kRegistry, WS},
    {"Registry.LocalMachine", cat::kRegistry, WS},
    {"Registry.CurrentUser", cat::kRegistry, WS},
    {"Registry.ClassesRoot", cat::kRegistry, WS},
    {"Registry.Users", cat::kRegistry, WSE},
    {"Registry.GetValue", cat::kRegistry, WS},
    {"Registry.SetValue", cat::kRegistry, WS},
    {"GetSetting~(", cat::kRegistry, WS | kNotMember},
    {"SaveSetting~(", cat::kRegistry, WS | kNotMember},
    {"File.WriteAllText", cat::kFileWrite, WS},
    {"File.WriteAllLines", cat::kFileWrite, WS},
    {"File.WriteAllBytes", cat::kFileWrite, WS},
    {"File.AppendAllText", cat::kFileWrite, WS},
    {"File.AppendAllLines", cat::kFileWrite, WS},
    {"File.AppendText", cat::kFileWrite, WS},
    {"File.Create", cat::kFileWrite, WS},
    {"File.Copy", cat::kFileWrite, WS},
    {"File.Move", cat::kFileWrite, WS},
    {"File.OpenWrite", cat::kFileWrite, WS},
    {"File.Replace", cat::kFileWrite, WS},
    {"new FileStream~(", cat::kFileWrite, WS},
    {"new StreamWriter~(", cat::kFileWrite, WS},
    {".SaveAs~(", cat::kFileWrite, 0},
    {"Directory.CreateDirectory", cat::kFileWrite, WS},
    {"FileSystem.WriteAllText", cat::kFileWrite, WS},
    {"FileSystem.WriteAllBytes", cat::kFileWrite, WS},
    {"FileSystem.CopyFile", cat::kFileWrite, WS},
    {"FileSystem.MoveFile", cat::kFileWrite, WS},
    {"ServiceBase", cat::kServiceBase, WS},
    {"System.ServiceProcess", cat::kServiceBase, WS},
    {"ServiceHost", cat::kWcfHost, WS},
    {"[~ServiceContract", cat::kWcfHost, kWordEnd | kCsOnly},
    {"<~ServiceContract", cat::kWcfHost, kWordEnd | kVbOnly},
    {"System.Data.SQLite", cat::kEmbeddedDb, WS},
    {"Microsoft.Data.Sqlite", cat::kEmbeddedDb, WS},
    {"SqlServerCe", cat::kEmbeddedDb, WS},
    {"SqlCeConnection", cat::kEmbeddedDb, WS},
    {"LiteDB", cat::kEmbeddedDb, WS},
    {"LiteDatabase", cat::kEmbeddedDb, WSE},
    {"Esent", cat::kEmbeddedDb, WS},
    {"Quartz", cat::kScheduler, WS},
    {"Hangfire", cat::kScheduler, WS},
    {"FluentScheduler", cat::kScheduler, WS},
    {"schtasks", cat::kScheduler, WS | kNoCase},
    {"Microsoft.Win32.TaskScheduler", cat::kScheduler, WS},
};
// clang-format on

constexpr std::size_t kPatternCount = sizeof(kPatterns) / sizeof(kPatterns[0]);

// Literal contents that reveal a category (case-insensitive substring).
struct LiteralMark {
  std::string_view needle;
  std::string_view category;
};
constexpr LiteralMark kLiteralMarks[] = {
    {"private$", cat::kMsmqQueue},
    {"FormatName:", cat::kMsmqQueue},
    {"LDAP://", cat::kDirectoryServices},
    {"LDAPS://", cat::kDirectoryServices},
    {"GC://", cat::kDirectoryServices},
    {"(localdb)", cat::kEmbeddedDb},
    {"wtsapi32", cat::kWts},
    {"schtasks", cat::kScheduler},
    {"HKEY_LOCAL_MACHINE", cat::kRegistry},
    {"HKEY_CURRENT_USER", cat::kRegistry},
};

// First-character dispatch: pattern indexes by (lower-cased for VB) byte.
struct Dispatch {
  std::array<std::vector<std::uint16_t>, 256> cs;
  std::array<std::vector<std::uint16_t>, 256> vb;
  Dispatch() {
    for (std::size_t p = 0; p < kPatternCount; ++p) {
      const Pattern& pat = kPatterns[p];
      const auto first = static_cast<unsigned char>(pat.text[0]);
      if (!(pat.flags & kVbOnly)) {
        if (pat.flags & kNoCase) {
          cs[static_cast<unsigned char>(lower(static_cast<char>(first)))].push_back(
              static_cast<std::uint16_t>(p));
          const auto up =
              static_cast<unsigned char>(first >= 'a' && first <= 'z' ? first - 32 : first);
          if (up != static_cast<unsigned char>(lower(static_cast<char>(first))))
            cs[up].push_back(static_cast<std::uint16_t>(p));
        } else {
          cs[first].push_back(static_cast<std::uint16_t>(p));
        }
      }
      if (!(pat.flags & kCsOnly))
        vb[static_cast<unsigned char>(lower(static_cast<char>(first)))].push_back(
            static_cast<std::uint16_t>(p));
    }
  }
};

const Dispatch& dispatch() {
  static const Dispatch d;
  return d;
}

// End of the match of pat at code[i], or npos.
std::size_t match_at(std::string_view code, std::size_t i, std::string_view pat, bool nocase) {
  std::size_t k = i;
  for (char p : pat) {
    if (p == ' ' || p == '~') {
      const std::size_t start = k;
      while (k < code.size() && is_blank(code[k])) ++k;
      if (p == ' ' && k == start) return std::string_view::npos;
      continue;
    }
    if (k >= code.size()) return std::string_view::npos;
    const char c = code[k];
    if (nocase ? lower(c) != lower(p) : c != p) return std::string_view::npos;
    ++k;
  }
  return k;
}

std::string hit_text(std::string_view raw) {
  std::string t = printable(mask_secret_text(raw.substr(0, 4 * kMaxHitText)));
  if (t.size() > kMaxHitText) {
    std::size_t cut = kMaxHitText;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t.resize(cut);
  }
  return t;
}

// A literal a server listens on: net.tcp://HOST..., or http(s):// on a local
// or wildcard host ("http://*:8088/", "http://localhost:5000").
bool is_listen_url(std::string_view v) {
  if (v.size() > 512) return false;
  if (istarts_with(v, "net.tcp://")) return v.size() > 10;
  std::string_view rest;
  if (istarts_with(v, "http://"))
    rest = v.substr(7);
  else if (istarts_with(v, "https://"))
    rest = v.substr(8);
  else
    return false;
  for (std::string_view host : {"localhost", "127.0.0.1", "*", "+", "0.0.0.0", "[::]"}) {
    if (istarts_with(rest, host) &&
        (rest.size() == host.size() || rest[host.size()] == ':' || rest[host.size()] == '/'))
      return true;
  }
  return false;
}

// True when the '=' before the literal at pos assigns a ServiceName property
// (`this.installer.ServiceName = "..."`, VB `.ServiceName = "..."`).
bool assigns_service_name(std::string_view code, std::size_t pos) {
  std::size_t k = pos;
  while (k > 0 && is_blank(code[k - 1])) --k;
  if (k == 0 || code[k - 1] != '=') return false;
  --k;
  while (k > 0 && is_blank(code[k - 1])) --k;
  constexpr std::string_view kName = "ServiceName";
  if (k < kName.size()) return false;
  std::size_t start = k - kName.size();
  for (std::size_t i = 0; i < kName.size(); ++i) {
    if (lower(code[start + i]) != lower(kName[i])) return false;
  }
  return start == 0 || !is_ident(code[start - 1]);
}

// Collects hits: one per (category, line), the leftmost match on the line.
class Scanner {
 public:
  explicit Scanner(const std::string& path) : path_(path) {}

  void add(std::string_view category, int line, std::size_t pos, std::string_view raw) {
    const std::size_t ci = category_index(category);
    const std::uint64_t key =
        (static_cast<std::uint64_t>(static_cast<std::uint32_t>(line)) << 8) | ci;
    const auto found = seen_.find(key);
    if (found != seen_.end()) {
      Entry& e = entries_[found->second];
      if (pos < e.pos) {
        e.pos = pos;
        e.hit.text = hit_text(raw);
      }
      return;
    }
    if (entries_.size() >= kMaxHits) return;
    seen_.emplace(key, entries_.size());
    Entry e;
    e.pos = pos;
    e.hit.category = std::string(category);
    e.hit.file = path_;
    e.hit.line = line;
    e.hit.text = hit_text(raw);
    entries_.push_back(std::move(e));
  }

  std::vector<SourceHit> take() {
    std::vector<SourceHit> hits;
    hits.reserve(entries_.size());
    for (Entry& e : entries_) hits.push_back(std::move(e.hit));
    std::stable_sort(hits.begin(), hits.end(), [](const SourceHit& a, const SourceHit& b) {
      if (a.line != b.line) return a.line < b.line;
      return category_index(a.category) < category_index(b.category);
    });
    return hits;
  }

 private:
  struct Entry {
    SourceHit hit;
    std::size_t pos = 0;
  };
  const std::string& path_;
  std::unordered_map<std::uint64_t, std::size_t> seen_;
  std::vector<Entry> entries_;
};

}  // namespace

std::vector<SourceHit> scan_source(std::string_view text, const std::string& path) {
  const bool vb = iends_with(path, ".vb");
  Scanner out(path);

  // Literal contents: categories by substring, and drive/UNC paths.
  std::vector<std::string> needles;
  for (const LiteralMark& m : kLiteralMarks) needles.push_back(to_lower(m.needle));
  std::vector<std::string> paths;
  auto on_literal = [&](const Literal& lit) {
    const std::string folded = to_lower(lit.value);
    for (std::size_t m = 0; m < needles.size(); ++m) {
      if (folded.find(needles[m]) != std::string::npos)
        out.add(kLiteralMarks[m].category, lit.line, lit.pos, lit.value);
    }
    if (is_listen_url(lit.value)) out.add(cat::kListenUrl, lit.line, lit.pos, lit.value);
    paths.clear();
    fmt_util::find_foreign_paths(lit.value, paths, 1);
    if (!paths.empty()) out.add(cat::kDrivePath, lit.line, lit.pos, lit.value);
  };
  const Lexed lx = Lexer(text, vb, on_literal).run();
  const std::string_view code = lx.code;
  const Dispatch& d = dispatch();

  int line = 1;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    const auto& candidates = (vb ? d.vb : d.cs)[static_cast<unsigned char>(vb ? lower(c) : c)];
    if (candidates.empty()) continue;
    const bool word_start = i == 0 || !is_ident(code[i - 1]);
    for (std::uint16_t p : candidates) {
      const Pattern& pat = kPatterns[p];
      if ((pat.flags & kWordStart) && !word_start) continue;
      if ((pat.flags & kNotMember) && i > 0 && code[i - 1] == '.') continue;
      const std::size_t end = match_at(code, i, pat.text, vb || (pat.flags & kNoCase));
      if (end == std::string_view::npos) continue;
      if ((pat.flags & kWordEnd) && end < code.size() && is_ident(code[end])) continue;
      if (pat.special == Special::kNone) {
        out.add(pat.category, line, i, text.substr(i, end - i));
        continue;
      }
      // The call's first argument must be a string literal (only blanks between).
      auto it = std::lower_bound(lx.args.begin(), lx.args.end(), end,
                                 [](const Literal& l, std::size_t pos) { return l.pos < pos; });
      if (it == lx.args.end() || it->pos - end > kMaxLookback) continue;
      bool adjacent = true;
      for (std::size_t k = end; k < it->pos && adjacent; ++k) adjacent = is_blank(code[k]);
      if (!adjacent || it->value.empty()) continue;
      out.add(cat::kMsmqQueue, it->line, it->pos, it->value);
      if (pat.special == Special::kCreateQueueArg && !icontains(it->value, "private$")) {
        out.add(cat::kMsmqAuth, it->line, it->pos, it->value);
      }
    }
  }
  // Few hits (capped by scan_entry_point), each located by counting newlines.
  scan_entry_point(
      code, vb, [&](std::string_view category, std::size_t pos, std::string_view token) {
        const auto before = code.substr(0, pos);
        const int at_line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        out.add(category, at_line, pos, token);
      });
  for (const Literal& lit : lx.assigned) {
    if (assigns_service_name(code, lit.pos))
      out.add(cat::kServiceName, lit.line, lit.pos, lit.value);
  }
  return out.take();
}

}  // namespace liftshift
