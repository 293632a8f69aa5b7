#include "formats/source_scan.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>

#include "core/secret_mask.hpp"
#include "core/secret_values.hpp"
#include "core/text.hpp"
#include "formats/entry_point_scan.hpp"
#include "formats/format_util.hpp"
#include "formats/service_name_ref.hpp"
#include "formats/service_settings_scan.hpp"
#include "formats/source_lexer.hpp"

namespace liftshift {

namespace {

using cat = SourceCategory;

using source_lexer::is_blank;
using source_lexer::is_ident;
using source_lexer::kMaxLookback;
using source_lexer::Lexed;
using source_lexer::Literal;
using source_lexer::literal_after;
using source_lexer::lower;
using source_lexer::word_at;
using source_lexer::word_ends_at;
constexpr std::size_t kMaxHits = 10000;  // per file

std::size_t category_index(SourceCategory c) { return static_cast<std::size_t>(c); }

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
  kQueueArg,          // the string argument is a queue path (msmq-queue)
  kCreateQueueArg,    // ... and a public queue (no private$) needs AD (msmq-auth);
                      // a last argument `true` makes it transactional
  kInMain,            // counts only inside the body of a program's Main
  kUnlessReadOnly,    // a file open whose arguments say FileAccess.Read is no write
  kUnlessOverStream,  // a writer over a stream (network, memory, response) writes no file
  kConnection,        // a connection opened: counted inside TransactionScope blocks, no hit
  kTxScope,           // new TransactionScope(...): its block is checked for escalation
  kDefaultSecurity,   // a WCF binding built in code: reported when it keeps Windows security
};

struct Pattern {
  std::string_view text;  // ' ' = one or more blanks, '~' = zero or more blanks
  SourceCategory category;
  std::uint8_t flags;
  Special special = Special::kNone;
  // When set, the pattern names a framework type (its first identifier after
  // `new `) that counts only as that framework's: qualified by one of these
  // '|'-separated prefixes, or unqualified in a file that imports the first
  // one and declares no type (or VB procedure) of that name itself.
  std::string_view ns = {};
};

constexpr std::uint8_t WS = kWordStart;
constexpr std::uint8_t WSE = kWordStart | kWordEnd;

// Qualifiers of the framework types the patterns name (see Pattern::ns).
constexpr std::string_view kDiagnostics = "System.Diagnostics";
constexpr std::string_view kWin32 = "Microsoft.Win32|My.Computer";  // VB's My.Computer.Registry
constexpr std::string_view kVisualBasic = "Microsoft.VisualBasic";

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
    // A `using System.Messaging;` alone is no MSMQ use: the types are.
    {"MessageQueue", cat::kMessaging, WS},
    {"NetMsmqBinding", cat::kMessaging, WSE},
    {"MsmqIntegrationBinding", cat::kMessaging, WSE},
    {"MsmqTransport", cat::kMessaging, WSE},  // NServiceBus.Transport.Msmq
    {"UseMsmq", cat::kMessaging, WSE},        // MassTransit, Rebus
    {"MessageQueueTransaction", cat::kMsmqTransactional, WS},
    {"MessageQueue.Create~(", cat::kMsmqQueue, WS, Special::kCreateQueueArg},
    {"new MessageQueue~(", cat::kMsmqQueue, WS, Special::kQueueArg},
    {"MessageQueue.Exists~(", cat::kMsmqQueue, WS, Special::kQueueArg},
    {"MessageQueue.Delete~(", cat::kMsmqQueue, WS, Special::kQueueArg},
    // Built in code with default security: Windows credentials (netTcp, WS), and
    // for MSMQ msmqAuthenticationMode WindowsDomain, both Active Directory.
    {"new NetMsmqBinding~(", cat::kMsmqAuth, WS, Special::kDefaultSecurity},
    {"new NetTcpBinding~(", cat::kWindowsIdentity, WS, Special::kDefaultSecurity},
    {"new WSHttpBinding~(", cat::kWindowsIdentity, WS, Special::kDefaultSecurity},
    {"new WS2007HttpBinding~(", cat::kWindowsIdentity, WS, Special::kDefaultSecurity},
    {"new WSDualHttpBinding~(", cat::kWindowsIdentity, WS, Special::kDefaultSecurity},
    {"Authenticate~=~true", cat::kMsmqAuth, WSE},
    {"UseAuthentication~=~true", cat::kMsmqAuth, WSE},
    {"UseActiveDirectory", cat::kMsmqAuth, WSE},
    {"System.Diagnostics.EventLog", cat::kEventLog, WSE},
    {"EventLog.WriteEntry", cat::kEventLog, 0, Special::kNone, kDiagnostics},
    {"EventLog.CreateEventSource", cat::kEventLog, 0, Special::kNone, kDiagnostics},
    {"EventLog.SourceExists", cat::kEventLog, 0, Special::kNone, kDiagnostics},
    {"new EventLog", cat::kEventLog, WSE, Special::kNone, kDiagnostics},
    {"EventLogTraceListener", cat::kEventLog, WS, Special::kNone, kDiagnostics},
    // An EventSource is ETW only when a class derives from it; a field named
    // EventSource (common for event-log source names) is not.
    {":~EventSource", cat::kEtw, kWordEnd | kCsOnly},
    {"Inherits EventSource", cat::kEtw, WSE | kVbOnly},
    {"EventSource.SendCommand", cat::kEtw, WS},
    {"EventProvider", cat::kEtw, WSE},
    {"System.Diagnostics.Tracing", cat::kEtw, WS},
    // The namespace alone (a using) is no directory use; the types are.
    {"DirectoryEntry", cat::kDirectoryServices, WS},
    {"DirectorySearcher", cat::kDirectoryServices, WS},
    {"PrincipalContext", cat::kDirectoryServices, WS},
    // Reading or showing the current WindowsIdentity needs no domain;
    // impersonating one, or building one from a user name (S4U), does.
    {"WindowsImpersonationContext", cat::kWindowsIdentity, WS},
    {"RunImpersonated", cat::kWindowsIdentity, WSE},
    {".Impersonate~(", cat::kWindowsIdentity, 0},
    {"new WindowsIdentity~(", cat::kWindowsIdentity, WS},
    {"TransactionScope", cat::kTransactions, WS},
    {"CommittableTransaction", cat::kTransactions, WS},
    {"System.EnterpriseServices", cat::kEnterpriseServices, WS},
    {"ServicedComponent", cat::kEnterpriseServices, WS},
    {"ContextUtil", cat::kEnterpriseServices, WS},
    {"Microsoft.Win32.Registry", cat::kRegistry, WS},
    {"RegistryKey", cat::kRegistry, WSE, Special::kNone, kWin32},
    {"Registry.LocalMachine", cat::kRegistry, WS, Special::kNone, kWin32},
    {"Registry.CurrentUser", cat::kRegistry, WS, Special::kNone, kWin32},
    {"Registry.ClassesRoot", cat::kRegistry, WS, Special::kNone, kWin32},
    {"Registry.Users", cat::kRegistry, WSE, Special::kNone, kWin32},
    {"Registry.GetValue", cat::kRegistry, WS, Special::kNone, kWin32},
    {"Registry.SetValue", cat::kRegistry, WS, Special::kNone, kWin32},
    // Visual Basic's own registry functions (Microsoft.VisualBasic.Interaction,
    // imported by every VB project); in C# only through Interaction. A method
    // of the application's own called GetSetting is none of them.
    {"GetSetting~(", cat::kRegistry, WS | kNotMember | kVbOnly, Special::kNone, kVisualBasic},
    {"SaveSetting~(", cat::kRegistry, WS | kNotMember | kVbOnly, Special::kNone, kVisualBasic},
    {"Interaction.GetSetting~(", cat::kRegistry, WS, Special::kNone, kVisualBasic},
    {"Interaction.SaveSetting~(", cat::kRegistry, WS, Special::kNone, kVisualBasic},
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
    {"new FileStream~(", cat::kFileWrite, WS, Special::kUnlessReadOnly},
    {"new StreamWriter~(", cat::kFileWrite, WS, Special::kUnlessOverStream},
    {"new BinaryWriter~(", cat::kFileWrite, WS, Special::kUnlessOverStream},
    {".SaveAs~(", cat::kFileWrite, 0},
    {"Directory.CreateDirectory", cat::kFileWrite, WS},
    {"FileSystem.WriteAllText", cat::kFileWrite, WS},
    {"FileSystem.WriteAllBytes", cat::kFileWrite, WS},
    {"FileSystem.CopyFile", cat::kFileWrite, WS},
    {"FileSystem.MoveFile", cat::kFileWrite, WS},
    {"System.ServiceProcess.ServiceBase", cat::kServiceBase, WSE},
    {"ServiceBase", cat::kServiceBase, WSE, Special::kNone, "System.ServiceProcess"},
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
    {"Console.ReadLine~(", cat::kConsoleWait, WS, Special::kInMain},
    {"Console.ReadKey~(", cat::kConsoleWait, WS, Special::kInMain},
    {"Console.Read~(", cat::kConsoleWait, WS, Special::kInMain},
    {"new TransactionScope~(", cat::kTransactions, WS, Special::kTxScope},
    {"new SqlConnection~(", cat::kTransactionEscalation, WS, Special::kConnection},
    {"new OracleConnection~(", cat::kTransactionEscalation, WS, Special::kConnection},
    {"new OleDbConnection~(", cat::kTransactionEscalation, WS, Special::kConnection},
    {"new OdbcConnection~(", cat::kTransactionEscalation, WS, Special::kConnection},
    {".CreateConnection~(", cat::kTransactionEscalation, 0, Special::kConnection},
    // State one machine keeps for a user: the session (InProc by default), and
    // what the machineKey signs: forms-authentication tickets, view state,
    // anti-forgery tokens.
    {"Session~[", cat::kServerState, WS},
    {"Session.Add~(", cat::kServerState, WS},
    {"Session.Abandon", cat::kServerState, WS},
    {"Session.Remove", cat::kServerState, WS},
    {"Session.Clear~(", cat::kServerState, WS},
    {"Session.SessionID", cat::kServerState, WS},
    {"IRequiresSessionState", cat::kServerState, WSE},
    {"SessionStateBehavior.Required", cat::kServerState, WS},
    {"FormsAuthentication.SetAuthCookie", cat::kServerState, WS},
    {"FormsAuthentication.RedirectFromLoginPage", cat::kServerState, WS},
    {"FormsAuthentication.GetAuthCookie", cat::kServerState, WS},
    {"FormsAuthentication.Encrypt", cat::kServerState, WS},
    {"new FormsAuthenticationTicket", cat::kServerState, WS},
    {"ValidateAntiForgeryToken", cat::kServerState, WSE},
    {"AntiForgery.Validate", cat::kServerState, WS},
    {"AntiForgery.GetHtml", cat::kServerState, WS},
    {"AntiForgery.GetTokens", cat::kServerState, WS},
    {"ViewState~[", cat::kServerState, WS},
    {"System.Web.UI.Page", cat::kServerState, WSE},
    {":~Page", cat::kServerState, kWordEnd | kCsOnly, Special::kNone, "System.Web.UI"},
    {"Inherits Page", cat::kServerState, WSE | kVbOnly, Special::kNone, "System.Web.UI"},
};
// clang-format on

constexpr std::size_t kPatternCount = sizeof(kPatterns) / sizeof(kPatterns[0]);

// Literal contents that reveal a category (case-insensitive substring).
struct LiteralMark {
  std::string_view needle;
  SourceCategory category;
};
constexpr LiteralMark kLiteralMarks[] = {
    {"private$", cat::kMsmqQueue},         {"FormatName:", cat::kMsmqQueue},
    {"net.msmq://", cat::kMsmqQueue},      {"IIS://", cat::kIisMetabase},
    {"~/App_Data", cat::kAppData},         {"LDAP://", cat::kDirectoryServices},
    {"LDAPS://", cat::kDirectoryServices}, {"GC://", cat::kDirectoryServices},
    {"(localdb)", cat::kEmbeddedDb},       {"wtsapi32", cat::kWts},
    {"schtasks", cat::kScheduler},         {"HKEY_LOCAL_MACHINE", cat::kRegistry},
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

// ---- which type a name is ----

// What a file says about the names it uses: the namespaces it imports
// (`using NS;`, `global using NS;`, VB `Imports NS` and the imports every VB
// project has) and the types (and VB procedures) it declares itself.
// (Views into the code, or of static text.)
struct FileNames {
  std::vector<std::string_view> imports;
  std::vector<std::string_view> global_imports;  // C# `global using NS;`: every file's
  std::vector<std::string_view> declared;
};

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

FileNames file_names(std::string_view code, bool vb) {
  FileNames out;
  if (vb) {
    for (std::string_view ns :
         {"System", "System.Diagnostics", "Microsoft.VisualBasic", "System.Collections",
          "System.Collections.Generic", "System.Data", "System.Linq", "System.Threading.Tasks"})
      out.imports.emplace_back(ns);
  }
  constexpr std::size_t kMaxNames = 4096;
  std::size_t bol = 0;
  while (bol < code.size() && out.imports.size() < kMaxNames) {
    std::size_t eol = code.find('\n', bol);
    if (eol == std::string_view::npos) eol = code.size();
    std::string_view line = trim_view(code.substr(bol, eol - bol));
    bol = eol + 1;
    const bool global = !vb && line.starts_with("global ");
    if (global) line = trim_view(line.substr(7));
    const std::string_view keyword = vb ? "imports" : "using";
    if (line.size() <= keyword.size() || !word_at(line, 0, keyword, vb)) continue;
    std::string_view rest = trim_view(line.substr(keyword.size()));
    if (!vb) {
      const std::size_t semi = rest.find(';');
      if (semi == std::string_view::npos) continue;
      rest = trim_view(rest.substr(0, semi));
    }
    if (rest.empty() || rest.find_first_of("=( ") != std::string_view::npos) continue;
    out.imports.emplace_back(rest);
    if (global) out.global_imports.emplace_back(rest);
  }
  static constexpr std::string_view kVbKinds[] = {"Class",  "Structure", "Interface", "Enum",
                                                  "Module", "Function",  "Sub"};
  static constexpr std::string_view kCsKinds[] = {"class", "struct", "interface", "enum", "record"};
  const std::span<const std::string_view> kinds = vb ? std::span<const std::string_view>(kVbKinds)
                                                     : std::span<const std::string_view>(kCsKinds);
  for (std::size_t i = 0; i < code.size() && out.declared.size() < kMaxNames; ++i) {
    if (!is_ident(code[i]) || (i > 0 && is_ident(code[i - 1]))) continue;
    for (std::string_view kind : kinds) {
      if (!word_at(code, i, kind, vb)) continue;
      std::size_t k = i + kind.size();
      while (k < code.size() && is_blank(code[k])) ++k;
      const std::size_t start = k;
      while (k < code.size() && is_ident(code[k])) ++k;
      if (k > start) out.declared.emplace_back(code.substr(start, k - start));
      break;
    }
  }
  return out;
}

// Whether the file declares a class deriving from System.ServiceProcess's
// ServiceBase (`: ServiceBase`, `Inherits ServiceBase`, or qualified).
bool scan_service_base(std::string_view code, const FileNames& names, bool vb) {
  auto same = [vb](std::string_view a, std::string_view b) { return vb ? iequals(a, b) : a == b; };
  bool imported = false;
  for (const auto& ns : names.imports) imported = imported || same(ns, "System.ServiceProcess");
  for (const auto& d : names.declared) {
    if (same(d, "ServiceBase")) return false;  // the application's own ServiceBase
  }
  constexpr std::string_view kQualified = "System.ServiceProcess.ServiceBase";
  for (std::size_t at = code.find("ServiceBase"); at != std::string_view::npos;
       at = code.find("ServiceBase", at + 1)) {
    const std::size_t after = at + 11;
    if (after < code.size() && is_ident(code[after])) continue;
    std::size_t b = at;
    const bool qualified =
        b >= kQualified.size() - 11 &&
        code.substr(b - (kQualified.size() - 11), kQualified.size()) == kQualified;
    if (qualified)
      b -= kQualified.size() - 11;
    else if (!imported || (b > 0 && (is_ident(code[b - 1]) || code[b - 1] == '.')))
      continue;
    while (b > 0 && is_blank(code[b - 1])) --b;
    if (b > 0 && code[b - 1] == ':') return true;
    if (vb && b >= 8 && iequals(code.substr(b - 8, 8), "Inherits")) return true;
  }
  return false;
}

// A file's names and whether it derives from ServiceBase, each worked out on
// first need and kept: only a namespaced pattern that matches unqualified
// asks, which most files never do.
class LazyNames {
 public:
  LazyNames(std::string_view code, bool vb) : code_(code), vb_(vb) {}
  bool vb() const { return vb_; }
  const FileNames& names() {
    if (!names_) names_ = file_names(code_, vb_);
    return *names_;
  }
  bool derives_from_service_base() {
    if (!service_) service_ = scan_service_base(code_, names(), vb_);
    return *service_;
  }

 private:
  std::string_view code_;
  bool vb_;
  std::optional<FileNames> names_;
  std::optional<bool> service_;
};

// Whether the match of a type-naming pattern at code[i, end) names the
// framework's type (Pattern::ns): `NS.Type` qualified, or `Type` in a file
// that imports NS and declares no Type of its own. A generic `Type<...>` is
// never one of them (the framework types matched are not generic). An
// unqualified Type in a file that does not import NS is the framework's if
// the project imports NS for every file: kIfImported, decided in collect.
enum class TypeMatch : std::uint8_t { kNo, kYes, kIfImported };

TypeMatch names_framework_type(std::string_view code, std::size_t i, std::size_t end,
                               const Pattern& pat, LazyNames& lazy) {
  constexpr TypeMatch kNo = TypeMatch::kNo;
  constexpr TypeMatch kYes = TypeMatch::kYes;
  const bool vb = lazy.vb();
  std::string_view type = pat.text;
  if (type.starts_with("new ")) type.remove_prefix(4);
  if (type.starts_with("Inherits ")) type.remove_prefix(9);
  while (!type.empty() && !is_ident(type.front())) type.remove_prefix(1);
  std::size_t n = 0;
  while (n < type.size() && is_ident(type[n])) ++n;
  type = type.substr(0, n);
  const std::size_t at = code.find(type, i);
  if (type.empty() || at == std::string_view::npos || at >= end) return kNo;
  std::size_t after = at + type.size();
  while (after < code.size() && is_blank(code[after])) ++after;
  if (after < code.size() && code[after] == '<') return kNo;
  std::string_view qualifiers = pat.ns;
  const std::string_view imported = qualifiers.substr(0, qualifiers.find('|'));
  if (at > 0 && code[at - 1] == '.') {
    for (std::size_t from = 0; from <= qualifiers.size();) {
      std::size_t bar = qualifiers.find('|', from);
      if (bar == std::string_view::npos) bar = qualifiers.size();
      const std::string_view q = qualifiers.substr(from, bar - from);
      from = bar + 1;
      if (at < q.size() + 1) continue;
      const std::size_t qs = at - 1 - q.size();
      if ((qs == 0 || (!is_ident(code[qs - 1]) && code[qs - 1] != '.')) &&
          (vb ? iequals(code.substr(qs, q.size()), q) : code.substr(qs, q.size()) == q))
        return kYes;
    }
    return kNo;
  }
  auto same = [vb](std::string_view a, std::string_view b) { return vb ? iequals(a, b) : a == b; };
  const FileNames& names = lazy.names();
  for (const auto& d : names.declared) {
    if (same(d, type)) return kNo;
  }
  for (const auto& ns : names.imports) {
    if (same(ns, imported)) return kYes;
  }
  // Inside a Windows service, a bare `EventLog` is ServiceBase's own property
  // (a System.Diagnostics.EventLog): the file needs System.ServiceProcess only.
  if (type == "EventLog" && lazy.derives_from_service_base()) return kYes;
  return TypeMatch::kIfImported;
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

// `this.installer.ServiceName = "..."`, VB `.ServiceName = "..."`.
bool assigns_service_name(std::string_view code, std::size_t pos) {
  return literal_after(code, pos, '=', "ServiceName", true);
}
// `x.SetServiceName("Orders")`, `new FileInfo("log4net.xml")`.
bool first_argument_of(std::string_view code, std::size_t pos, std::string_view call) {
  return literal_after(code, pos, '(', call, false);
}
// `[assembly: XmlConfigurator(ConfigFile = "log4net.xml")]`.
bool assigned_to(std::string_view code, std::size_t pos, std::string_view name) {
  return literal_after(code, pos, '=', name, false);
}

// The blanks and line breaks before code[k], skipped backwards (a call's
// arguments may start on the next line).
std::size_t skip_blanks_back(std::string_view code, std::size_t k) {
  while (k > 0 && (is_blank(code[k - 1]) || code[k - 1] == '\n' || code[k - 1] == '\r')) --k;
  return k;
}

// An http(s) URL with a host: what a listener's prefix looks like.
bool http_url(std::string_view v) {
  if (v.size() > 512) return false;
  for (std::string_view scheme : {"http://", "https://"}) {
    if (istarts_with(v, scheme) && v.size() > scheme.size() && v[scheme.size()] != '/') return true;
  }
  return false;
}

// The calls that take the address a self-hosted HTTP server listens on as
// their first argument: OWIN's WebApp.Start (also WebApp.Start<Startup>),
// HttpListener's Prefixes.Add, Web API's HttpSelfHostConfiguration.
constexpr std::string_view kListenCalls[] = {"WebApp.Start", "Prefixes.Add",
                                             "HttpSelfHostConfiguration"};

struct ListenArgs {
  std::vector<std::size_t> opens;  // offsets of the '(' of each such call
  // Identifiers passed as the address, with the offset of their call's '('.
  std::vector<std::pair<std::string, std::size_t>> names;
};

// Where the listening calls' first arguments start, and the variables they
// pass (`WebApp.Start(url)`: a literal assigned to url is the address).
ListenArgs listen_args(std::string_view code, bool vb) {
  ListenArgs out;
  for (std::string_view call : kListenCalls) {
    for (std::size_t i = code.find(call); i != std::string_view::npos && out.opens.size() < 64;
         i = code.find(call, i + 1)) {
      if (i > 0 && is_ident(code[i - 1])) continue;
      std::size_t k = i + call.size();
      if (k < code.size() && is_ident(code[k])) continue;
      k = source_lexer::skip_blanks(code, k);
      if (k < code.size() && code[k] == '<') {  // generic arguments: WebApp.Start<Startup>(
        const std::size_t close = code.find('>', k);
        if (close == std::string_view::npos || close - k > 256) continue;
        k = source_lexer::skip_blanks(code, close + 1);
      } else if (vb && k + 3 < code.size() && code[k] == '(' &&
                 source_lexer::word_at(code, k + 1, "Of", true)) {
        const std::size_t close = code.find(')', k);  // VB: WebApp.Start(Of Startup)(
        if (close == std::string_view::npos || close - k > 256) continue;
        k = source_lexer::skip_blanks(code, close + 1);
      }
      if (k >= code.size() || code[k] != '(') continue;
      out.opens.push_back(k);
      std::size_t a = k + 1;
      while (a < code.size() && (is_blank(code[a]) || code[a] == '\n' || code[a] == '\r')) ++a;
      std::size_t e = a;
      while (e < code.size() && is_ident(code[e])) ++e;
      const std::size_t after = source_lexer::skip_blanks(code, e);
      if (e > a && after < code.size() && (code[after] == ')' || code[after] == ','))
        out.names.emplace_back(code.substr(a, e - a), k);
    }
  }
  std::sort(out.opens.begin(), out.opens.end());
  return out;
}

// The variable a literal is assigned to (`string url = "..."`, `url = "..."`,
// VB `Dim url As String = "..."`), "" when the '=' follows no identifier.
std::string_view assigned_name(std::string_view code, std::size_t pos) {
  std::size_t k = pos;
  while (k > 0 && is_blank(code[k - 1])) --k;
  if (k == 0 || code[k - 1] != '=') return {};
  --k;
  auto name_before = [&](std::size_t at) {
    while (at > 0 && is_blank(code[at - 1])) --at;
    const std::size_t end = at;
    while (at > 0 && is_ident(code[at - 1])) --at;
    return std::pair{at, code.substr(at, end - at)};
  };
  auto [start, name] = name_before(k);
  // VB names the type after As: the variable is the identifier before it.
  if (!name.empty() && start > 0) {
    auto [as_start, as] = name_before(start);
    if (as.size() == 2 && lower(as[0]) == 'a' && lower(as[1]) == 's')
      return name_before(as_start).second;
  }
  return name;
}

// `Type.GetTypeFromCLSID(new Guid("..."))` (VB's New, System.Guid): the
// literal at pos is Guid's first argument inside GetTypeFromCLSID's.
bool clsid_argument(std::string_view code, std::size_t pos, bool vb) {
  if (!literal_after(code, pos, '(', "Guid", vb)) return false;
  std::size_t k = skip_blanks_back(code, pos) - 1;  // the '('
  k = skip_blanks_back(code, k) - 4;                // "Guid"
  if (k > 0 && code[k - 1] == '.') {                // System.Guid
    k -= 1;
    if (!word_ends_at(code, k, "System", vb)) return false;
    k -= 6;
  }
  k = skip_blanks_back(code, k);
  if (!word_ends_at(code, k, vb ? "New" : "new", vb)) return false;
  k = skip_blanks_back(code, k - 3);
  if (k == 0 || code[k - 1] != '(') return false;
  return word_ends_at(code, skip_blanks_back(code, k - 1), "GetTypeFromCLSID", vb);
}

// "6B1E0C3A-5D2F-4E8B-9A17-2C4F8E0D9B61", with or without braces ->
// "{6B1E0C3A-...}" upper-cased, the way a CLSID key is named; "" for no GUID.
std::string clsid_text(std::string_view s) {
  if (s.size() == 38 && s.front() == '{' && s.back() == '}') s = s.substr(1, 36);
  if (s.size() != 36) return {};
  std::string out = "{";
  for (std::size_t i = 0; i < 36; ++i) {
    const char c = s[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (dash ? c != '-' : !hex) return {};
    out += (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out + "}";
}

// "Vendor.Component.1": letters, digits, '.', '_' and '-', a letter first.
bool prog_id_like(std::string_view s) {
  if (s.empty() || s.size() > 128 ||
      !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (is_ident(c) && static_cast<unsigned char>(c) < 0x80) || c == '.' || c == '-';
  });
}

// A logging configuration file the code names: log4net's XmlConfigurator
// (ConfigFile = "...", or Configure/ConfigureAndWatch(new FileInfo("...")))
// and NLog's new XmlLoggingConfiguration("...").
bool names_log_config(std::string_view code, std::size_t pos, bool assigned) {
  constexpr std::size_t kCallWindow = 96;  // "XmlConfigurator.ConfigureAndWatch(new FileInfo("
  if (assigned) {
    if (!assigned_to(code, pos, "ConfigFile")) return false;
    const std::size_t from = pos > 256 ? pos - 256 : 0;
    return code.substr(from, pos - from).find("XmlConfigurator") != std::string_view::npos;
  }
  if (first_argument_of(code, pos, "XmlLoggingConfiguration")) return true;
  if (!first_argument_of(code, pos, "FileInfo")) return false;
  const std::size_t from = pos > kCallWindow ? pos - kCallWindow : 0;
  const std::string_view before = code.substr(from, pos - from);
  return before.find("XmlConfigurator.Configure") != std::string_view::npos;
}

// Collects hits: one per (category, line), the leftmost match on the line.
class Scanner {
 public:
  explicit Scanner(const std::string& path) : path_(path) {}

  // slot: a category that keeps several kinds of fact on one line (the
  // service settings Topshelf chains) keeps one hit per slot.
  void add(SourceCategory category, int line, std::size_t pos, std::string_view raw,
           std::string_view needs_import = {}, std::uint8_t slot = 0) {
    const std::size_t ci = category_index(category);
    const std::uint64_t key = (static_cast<std::uint64_t>(slot) << 48) |
                              (static_cast<std::uint64_t>(static_cast<std::uint32_t>(line)) << 8) |
                              ci;
    const auto found = seen_.find(key);
    if (found != seen_.end()) {
      Entry& e = entries_[found->second];
      // A hit the file settles wins over one that waits for the project.
      const bool settles = !e.hit.needs_import.empty() && needs_import.empty();
      const bool same_kind = e.hit.needs_import.empty() == needs_import.empty();
      if (settles || (same_kind && pos < e.pos)) {
        e.pos = pos;
        e.hit.text = hit_text(raw);
        e.hit.needs_import = std::string(needs_import);
      }
      return;
    }
    if (entries_.size() >= kMaxHits) return;
    seen_.emplace(key, entries_.size());
    Entry e;
    e.pos = pos;
    e.hit.category = category;
    e.hit.file = path_;
    e.hit.line = line;
    e.hit.text = hit_text(raw);
    e.hit.needs_import = std::string(needs_import);
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

// The installer's settings as hits "key: value", one per setting key and
// line: Topshelf chains them (`x.RunAsLocalSystem(); x.StartAutomatically();`).
// The services one line depends on are joined with '/', as one list.
void add_service_settings(Scanner& out, std::string_view code,
                          std::vector<ServiceSetting> settings) {
  std::sort(settings.begin(), settings.end(),
            [](const ServiceSetting& a, const ServiceSetting& b) { return a.pos < b.pos; });
  static constexpr std::array<std::string_view, 4> kSlots = {"display-name", "account", "start",
                                                             "depends-on"};
  struct Line {
    int line;
    std::size_t pos;
    std::string value;
  };
  std::vector<std::pair<const ServiceSetting*, Line>> hits;
  int line = 1;
  std::size_t counted = 0;  // code[0, counted) is in `line`'s count
  for (const ServiceSetting& s : settings) {
    line += static_cast<int>(std::count(code.begin() + static_cast<std::ptrdiff_t>(counted),
                                        code.begin() + static_cast<std::ptrdiff_t>(s.pos), '\n'));
    counted = s.pos;
    if (s.key == "depends-on" && !hits.empty()) {
      auto last = std::find_if(hits.rbegin(), hits.rend(), [&](const auto& h) {
        return h.second.line == line && h.first->key == "depends-on";
      });
      if (last != hits.rend()) {
        if (last->second.value.size() + s.value.size() + 13 <= kMaxHitText)
          last->second.value += "/" + s.value;
        continue;
      }
    }
    hits.push_back({&s, {line, s.pos, s.value}});
  }
  for (const auto& [s, at] : hits) {
    const auto slot =
        static_cast<std::uint8_t>(std::find(kSlots.begin(), kSlots.end(), s->key) - kSlots.begin());
    out.add(SourceCategory::kServiceSetting, at.line, at.pos, s->key + ": " + at.value, {}, slot);
  }
}

std::size_t close_paren(std::string_view code, std::size_t open);

// Whether a WCF binding built at code[at] ("new NetTcpBinding(", the '(' at
// code[open]) keeps its default Windows security: no argument that turns it
// off or names a configuration (a string: the config says), and no later
// `name.Security... = ...None/Certificate/UserName;` on the variable it is
// assigned to, nor such an object initializer.
bool keeps_default_security(std::string_view code, std::size_t at, std::size_t open,
                            bool literal_argument) {
  const std::size_t close = close_paren(code, open);
  if (close == std::string_view::npos || literal_argument) return false;
  auto turns_off = [](std::string_view s) {
    for (std::string_view word : {"None", "Certificate", "UserName", "IssuedToken", "Basic"}) {
      if (s.find(word) != std::string_view::npos) return true;
    }
    return false;
  };
  if (turns_off(code.substr(open, close - open))) return false;
  std::size_t after = close + 1;
  while (after < code.size() &&
         (is_blank(code[after]) || code[after] == '\n' || code[after] == '\r'))
    ++after;
  if (after < code.size() && code[after] == '{') {
    std::size_t end = code.find('}', after);
    if (end != std::string_view::npos && end - after < 4096 &&
        turns_off(code.substr(after, end - after)))
      return false;
  }
  // The variable: `name = new ...` (a declaration or an assignment).
  std::size_t k = at;
  while (k > 0 && is_blank(code[k - 1])) --k;
  if (k == 0 || code[k - 1] != '=' || (k > 1 && (code[k - 2] == '=' || code[k - 2] == '!')))
    return true;
  --k;
  while (k > 0 && is_blank(code[k - 1])) --k;
  std::size_t name_end = k;
  while (k > 0 && is_ident(code[k - 1])) --k;
  const std::string_view name = code.substr(k, name_end - k);
  if (name.empty()) return true;
  constexpr std::size_t kMaxFollow = 64u << 10;
  const std::string_view rest = code.substr(close, std::min(kMaxFollow, code.size() - close));
  const std::string member = std::string(name) + ".Security";
  for (std::size_t f = rest.find(member); f != std::string_view::npos;
       f = rest.find(member, f + 1)) {
    if (f > 0 && (is_ident(rest[f - 1]) || rest[f - 1] == '.')) continue;
    const std::size_t semi = rest.find(';', f);
    if (turns_off(rest.substr(f, semi == std::string_view::npos ? 256 : semi - f))) return false;
  }
  return true;
}

// The end of the parenthesised argument list that starts at code[open]
// ('('), or npos; literals and comments are blanked in `code`.
std::size_t close_paren(std::string_view code, std::size_t open) {
  constexpr std::size_t kMaxArgs = 4096;
  int depth = 0;
  for (std::size_t k = open; k < code.size() && k - open < kMaxArgs; ++k) {
    if (code[k] == '(') ++depth;
    if (code[k] == ')' && --depth == 0) return k;
  }
  return std::string_view::npos;
}

// Whether a writer's first argument names a stream by its identifiers: its
// last one (past a call's arguments) ends in "Stream" (`networkStream`,
// `client.GetStream()`, `Response.OutputStream`), it constructs a stream
// (`new NetworkStream(socket)`), or it starts with Console's or Response's
// members. One that names a FileStream, or File's (File.Open...), is a file.
bool names_a_stream(std::string_view arg) {
  arg = trim_view(arg);
  std::vector<std::string_view> words;
  for (std::size_t k = 0; k < arg.size();) {
    const std::string_view word = source_lexer::next_word(arg, k);
    if (word.empty()) break;
    if (iends_with(word, "FileStream") || (word == "File" && k < arg.size() && arg[k] == '.'))
      return false;
    if (words.empty() && (word == "Console" || word == "Response") && k < arg.size() &&
        arg[k] == '.')
      return true;
    words.push_back(word);
  }
  if (words.empty()) return false;
  if (words.front() == "new" || words.front() == "New") {  // the type constructed
    std::size_t k = 3;
    while (k < arg.size() && (is_ident(arg[k]) || arg[k] == '.' || is_blank(arg[k]))) ++k;
    return iends_with(trim_view(arg.substr(0, k)), "Stream");
  }
  // The last word outside the call's arguments: `a.GetStream()`, `s.Open(x)`.
  while (arg.ends_with(')')) {
    int depth = 0;
    std::size_t k = arg.size();
    while (k > 0) {
      --k;
      if (arg[k] == ')') ++depth;
      if (arg[k] == '(' && --depth == 0) break;
    }
    if (depth != 0) return false;
    arg = trim_view(arg.substr(0, k));
  }
  std::size_t k = arg.size();
  while (k > 0 && is_ident(arg[k - 1])) --k;
  return iends_with(arg.substr(k), "Stream");
}

// Whether the first argument of the writer constructed at code[open] ('(')
// is a stream rather than a path: `new StreamWriter(client.GetStream())`,
// `new StreamWriter(ms)` over a MemoryStream, `Response.OutputStream`. A
// string literal (blanked in `code`) or a path variable (`clientLogPath`)
// is a file.
bool writes_over_stream(std::string_view code, std::size_t open) {
  const std::size_t close = close_paren(code, open);
  if (close == std::string_view::npos) return false;
  std::size_t end = open + 1;
  for (int depth = 0; end < close; ++end) {
    if (code[end] == '(') ++depth;
    if (code[end] == ')') --depth;
    if (code[end] == ',' && depth == 0) break;
  }
  const std::string_view first = code.substr(open + 1, end - open - 1);
  if (names_a_stream(first)) return true;
  // A variable declared as, or assigned, a stream that is no FileStream:
  // `var ms = new MemoryStream()`, `NetworkStream ns = ...`.
  const std::string_view name = trim_view(code.substr(open + 1, end - open - 1));
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_ident)) return false;
  constexpr std::size_t kMaxUses = 64;
  std::size_t uses = 0;
  for (std::size_t at = code.find(name); at != std::string_view::npos && uses < kMaxUses;
       at = code.find(name, at + name.size())) {
    if ((at > 0 && is_ident(code[at - 1])) ||
        (at + name.size() < code.size() && is_ident(code[at + name.size()])))
      continue;
    ++uses;
    std::size_t k = at + name.size();
    while (k < code.size() && is_blank(code[k])) ++k;
    std::string_view type;
    if (k + 1 < code.size() && code[k] == '=' && code[k + 1] != '=') {  // name = new T(
      ++k;
      while (k < code.size() && is_blank(code[k])) ++k;
      if (code.substr(k, 4) != "new ") continue;
      k += 4;
      while (k < code.size() && is_blank(code[k])) ++k;
      std::size_t e = k;
      while (e < code.size() && (is_ident(code[e]) || code[e] == '.')) ++e;
      type = code.substr(k, e - k);
    } else {  // T name
      std::size_t e = at;
      while (e > 0 && is_blank(code[e - 1])) --e;
      std::size_t b = e;
      while (b > 0 && (is_ident(code[b - 1]) || code[b - 1] == '.')) --b;
      type = code.substr(b, e - b);
    }
    if (type.ends_with("Stream") && !type.ends_with("FileStream")) return true;
  }
  return false;
}

// The last argument of the call whose '(' is at code[open], trimmed.
std::string_view last_argument(std::string_view code, std::size_t open) {
  const std::size_t close = close_paren(code, open);
  if (close == std::string_view::npos) return {};
  std::size_t start = open + 1;
  int depth = 0;
  for (std::size_t k = open + 1; k < close; ++k) {
    if (code[k] == '(') ++depth;
    if (code[k] == ')') --depth;
    if (code[k] == ',' && depth == 0) start = k + 1;
  }
  std::string_view arg = code.substr(start, close - start);
  auto trim = [](std::string_view& a) {
    while (!a.empty() && (is_blank(a.front()) || a.front() == '\n' || a.front() == '\r'))
      a.remove_prefix(1);
    while (!a.empty() && (is_blank(a.back()) || a.back() == '\n' || a.back() == '\r'))
      a.remove_suffix(1);
  };
  trim(arg);
  // A named argument (C# `transactional: true`, VB `transactional:=True`)
  // gives its value after the name.
  std::size_t name_end = 0;
  while (name_end < arg.size() && is_ident(arg[name_end])) ++name_end;
  std::size_t colon = name_end;
  while (colon < arg.size() && is_blank(arg[colon])) ++colon;
  if (name_end > 0 && colon < arg.size() && arg[colon] == ':' &&
      (colon + 1 >= arg.size() || arg[colon + 1] != ':')) {
    arg.remove_prefix(colon + 1);
    if (!arg.empty() && arg.front() == '=') arg.remove_prefix(1);
    trim(arg);
  }
  return arg;
}

// The byte range a TransactionScope created at code[at] covers: the block
// of `using (... new TransactionScope(...)) { ... }`, or for a declaration
// (`using var ts = ...;`) the rest of the enclosing block. `close` is the
// ')' that ends the constructor's arguments.
std::pair<std::size_t, std::size_t> scope_range(std::string_view code, std::size_t close) {
  std::size_t k = close + 1;
  auto skip_space = [&] {
    while (k < code.size() && (is_blank(code[k]) || code[k] == '\n' || code[k] == '\r')) ++k;
  };
  skip_space();
  int depth = 0;
  if (k < code.size() && code[k] == ')') {  // end of the using header
    ++k;
    skip_space();
    if (k < code.size() && code[k] == '{') {
      for (std::size_t j = k; j < code.size(); ++j) {
        if (code[j] == '{') ++depth;
        if (code[j] == '}' && --depth == 0) return {k, j};
      }
      return {k, code.size()};
    }
  }
  for (std::size_t j = k; j < code.size(); ++j) {
    if (code[j] == '{') ++depth;
    if (code[j] == '}' && --depth < 0) return {k, j};
  }
  return {k, code.size()};
}

// Byte ranges of the bodies of the program entry points (Main) in the code:
// C# `static ... Main(...) { ... }` (braces matched on the blanked code),
// VB `Sub Main(...)` to its `End Sub`.
std::vector<std::pair<std::size_t, std::size_t>> main_bodies(std::string_view code, bool vb) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::string folded = vb ? to_lower(code) : std::string();
  const std::string_view text = vb ? std::string_view(folded) : code;
  const std::string_view name = vb ? "sub main" : "Main";
  for (std::size_t at = text.find(name); at != std::string_view::npos && out.size() < 16;
       at = text.find(name, at + 1)) {
    if (at > 0 && is_ident(text[at - 1])) continue;
    std::size_t k = at + name.size();
    if (k < text.size() && is_ident(text[k])) continue;
    while (k < text.size() && is_blank(text[k])) ++k;
    if (k >= text.size() || text[k] != '(') continue;
    if (vb) {
      const std::size_t end = text.find("end sub", k);
      out.emplace_back(k, end == std::string_view::npos ? text.size() : end);
      continue;
    }
    // C#: `static` earlier on the same line, then a block body.
    const std::size_t bol = text.rfind('\n', at);
    const std::string_view head = text.substr(bol == std::string_view::npos ? 0 : bol + 1,
                                              at - (bol == std::string_view::npos ? 0 : bol + 1));
    if (head.find("static") == std::string_view::npos) continue;
    const std::size_t close = close_paren(text, k);
    if (close == std::string_view::npos) continue;
    std::size_t open = close + 1;
    while (open < text.size() && (is_blank(text[open]) || text[open] == '\n' || text[open] == '\r'))
      ++open;
    if (open >= text.size() || text[open] != '{') continue;
    int depth = 0;
    std::size_t end = text.size();
    for (std::size_t j = open; j < text.size(); ++j) {
      if (text[j] == '{') ++depth;
      if (text[j] == '}' && --depth == 0) {
        end = j;
        break;
      }
    }
    out.emplace_back(open, end);
  }
  return out;
}

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
    if (literal_holds_credential(lit.value))
      out.add(cat::kCodeSecret, lit.line, lit.pos, mask_secret_text(lit.value));
    paths.clear();
    fmt_util::find_foreign_paths(lit.value, paths, 1);
    if (!paths.empty()) out.add(cat::kDrivePath, lit.line, lit.pos, lit.value);
  };
  const Lexed lx = source_lexer::lex(text, vb, on_literal);
  const std::string_view code = lx.code;
  const Dispatch& d = dispatch();
  const auto mains = main_bodies(code, vb);
  LazyNames names(code, vb);
  struct Scope {
    std::size_t from, to, at;
    int line;
  };
  std::vector<Scope> scopes;
  std::vector<std::size_t> connections;  // offsets of connections opened
  std::vector<std::size_t> queues;       // offsets of MSMQ uses
  auto in_main = [&](std::size_t pos) {
    return std::any_of(mains.begin(), mains.end(),
                       [pos](const auto& r) { return pos > r.first && pos < r.second; });
  };

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
      const TypeMatch names_type =
          pat.ns.empty() ? TypeMatch::kYes : names_framework_type(code, i, end, pat, names);
      if (names_type == TypeMatch::kNo) continue;
      if (names_type == TypeMatch::kIfImported) {
        // Only a plain hit waits for the project's imports; the calls whose
        // arguments are read further need the file's own.
        if (pat.special == Special::kNone)
          out.add(pat.category, line, i, text.substr(i, end - i),
                  pat.ns.substr(0, pat.ns.find('|')));
        continue;
      }
      if (pat.category == cat::kMessaging) queues.push_back(i);
      if (pat.special == Special::kNone) {
        out.add(pat.category, line, i, text.substr(i, end - i));
        continue;
      }
      if (pat.special == Special::kConnection) {
        connections.push_back(i);
        continue;
      }
      if (pat.special == Special::kTxScope) {
        const std::size_t type = code.find("TransactionScope", i);  // within the match
        out.add(pat.category, line, type, text.substr(type, 16));
        const std::size_t close = close_paren(code, end - 1);
        if (close != std::string_view::npos && scopes.size() < 1000) {
          auto [from, to] = scope_range(code, close);
          scopes.push_back({from, to, i, line});
        }
        continue;
      }
      if (pat.special == Special::kInMain) {
        if (in_main(i)) out.add(pat.category, line, i, text.substr(i, end - i));
        continue;
      }
      if (pat.special == Special::kUnlessReadOnly) {
        const std::size_t close = close_paren(code, end - 1);
        const std::string_view args =
            close == std::string_view::npos ? std::string_view{} : code.substr(end, close - end);
        const std::size_t access = args.find("FileAccess.Read");
        const bool read_only =
            access != std::string_view::npos && args.substr(access + 15, 5) != "Write";
        if (!read_only) out.add(pat.category, line, i, text.substr(i, end - i));
        continue;
      }
      if (pat.special == Special::kUnlessOverStream) {
        if (!writes_over_stream(code, end - 1))
          out.add(pat.category, line, i, text.substr(i, end - i));
        continue;
      }
      if (pat.special == Special::kDefaultSecurity) {
        auto lit = std::lower_bound(lx.args.begin(), lx.args.end(), end,
                                    [](const Literal& l, std::size_t pos) { return l.pos < pos; });
        const bool literal_argument = lit != lx.args.end() && lit->pos - end <= kMaxLookback &&
                                      code.find(')', end) > lit->pos;
        if (keeps_default_security(code, i, end - 1, literal_argument)) {
          std::string_view type = text.substr(i + 4, end - 1 - (i + 4));
          while (!type.empty() && is_blank(type.back())) type.remove_suffix(1);
          out.add(pat.category, line, i,
                  "new " + std::string(type) +
                      (pat.category == cat::kMsmqAuth
                           ? "() with default security (msmqAuthenticationMode WindowsDomain)"
                           : "() with default security (Windows client credentials)"));
        }
        continue;
      }
      if (pat.special == Special::kCreateQueueArg) {
        const std::string_view last = last_argument(code, end - 1);
        if (last == "true" || last == "True")
          out.add(cat::kMsmqTransactional, line, i, text.substr(i, end - i));
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
  scan_entry_point(code, vb, [&](SourceCategory category, std::size_t pos, std::string_view token) {
    const auto before = code.substr(0, pos);
    const int at_line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    out.add(category, at_line, pos, token);
  });
  for (const Literal& lit : lx.assigned) {
    if (assigns_service_name(code, lit.pos))
      out.add(cat::kServiceName, lit.line, lit.pos, lit.value);
  }
  add_service_settings(out, code, service_settings(text, lx, vb));
  // `global using NS;`: the project's files all import NS (collect/project_imports).
  if (!vb && code.find("global") != std::string_view::npos) {
    for (std::string_view ns : names.names().global_imports) {
      const auto pos = static_cast<std::size_t>(ns.data() - code.data());
      const auto before = code.substr(0, pos);
      out.add(cat::kGlobalUsing,
              1 + static_cast<int>(std::count(before.begin(), before.end(), '\n')), pos, ns);
    }
  }
  for (const ServiceNameRef& ref : service_name_refs(code, vb)) {
    const auto before = code.substr(0, ref.pos);
    const int at_line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    out.add(cat::kServiceNameRef, at_line, ref.pos, ref.name);
  }
  for (const Literal& lit : lx.args) {
    // COM objects created by name: Type.GetTypeFromProgID("X.Y"), VB's
    // CreateObject("X.Y") (Microsoft.VisualBasic), GetTypeFromCLSID(new Guid(...)).
    if ((first_argument_of(code, lit.pos, "GetTypeFromProgID") ||
         (vb && literal_after(code, lit.pos, '(', "CreateObject", true))) &&
        prog_id_like(lit.value))
      out.add(cat::kComObject, lit.line, lit.pos, lit.value);
    if (std::string clsid = clsid_text(lit.value);
        !clsid.empty() && clsid_argument(code, lit.pos, vb))
      out.add(cat::kComObject, lit.line, lit.pos, clsid);
    if (first_argument_of(code, lit.pos, "SetServiceName"))
      out.add(cat::kServiceName, lit.line, lit.pos, lit.value);
    if (names_log_config(code, lit.pos, false))
      out.add(cat::kLogConfigFile, lit.line, lit.pos, lit.value);
  }
  for (const Literal& lit : lx.assigned) {
    if (names_log_config(code, lit.pos, true))
      out.add(cat::kLogConfigFile, lit.line, lit.pos, lit.value);
  }
  // The address a listener is started with listens, whatever its host
  // (`WebApp.Start("http://10.0.0.5:8081")`, or through a variable).
  if (const ListenArgs listen = listen_args(code, vb); !listen.opens.empty()) {
    for (const Literal& lit : lx.args) {
      if (!http_url(lit.value)) continue;
      const std::size_t open = skip_blanks_back(code, lit.pos);
      if (open > 0 && std::binary_search(listen.opens.begin(), listen.opens.end(), open - 1))
        out.add(cat::kListenUrl, lit.line, lit.pos, lit.value);
    }
    // A variable passed as the address: the literal assigned to it last
    // before the call (a client's URL held in a variable of the same name
    // elsewhere in the file is not the address).
    for (const auto& [name, open] : listen.names) {
      const Literal* last = nullptr;
      for (const Literal& lit : lx.assigned) {
        if (lit.pos >= open) break;
        const std::string_view assigned = assigned_name(code, lit.pos);
        if (vb ? iequals(assigned, name) : assigned == name) last = &lit;
      }
      if (last != nullptr && http_url(last->value))
        out.add(cat::kListenUrl, last->line, last->pos, last->value);
    }
  }
  for (const Scope& sc : scopes) {
    auto inside = [&](std::size_t p) { return p > sc.from && p < sc.to; };
    const auto n = std::count_if(connections.begin(), connections.end(), inside);
    const bool msmq = std::any_of(queues.begin(), queues.end(), inside);
    if (n < 2 && !msmq) continue;
    out.add(cat::kTransactionEscalation, sc.line, sc.at,
            msmq ? "TransactionScope with MSMQ as a second resource manager"
                 : "TransactionScope with " + std::to_string(n) + " connections opened in it");
  }
  return out.take();
}

}  // namespace liftshift
