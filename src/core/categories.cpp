#include "core/categories.hpp"

namespace liftshift {

namespace {

// The enumerator whose text is `text`, by the enum's own to_string.
template <class Enum, std::size_t N>
std::optional<Enum> parse_of(const std::array<Enum, N>& all, std::string_view text) {
  for (Enum e : all) {
    if (to_string(e) == text) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string to_string(SourceCategory category) {
  switch (category) {
    case SourceCategory::kWinForms:
      return "winforms";
    case SourceCategory::kWpf:
      return "wpf";
    case SourceCategory::kGdi:
      return "gdi";
    case SourceCategory::kWts:
      return "wts";
    case SourceCategory::kMessaging:
      return "messaging";
    case SourceCategory::kMsmqQueue:
      return "msmq-queue";
    case SourceCategory::kMsmqAuth:
      return "msmq-auth";
    case SourceCategory::kEventLog:
      return "eventlog";
    case SourceCategory::kEtw:
      return "etw";
    case SourceCategory::kDirectoryServices:
      return "directoryservices";
    case SourceCategory::kWindowsIdentity:
      return "windows-identity";
    case SourceCategory::kTransactions:
      return "transactions";
    case SourceCategory::kEnterpriseServices:
      return "enterpriseservices";
    case SourceCategory::kRegistry:
      return "registry";
    case SourceCategory::kDrivePath:
      return "drive-path";
    case SourceCategory::kFileWrite:
      return "file-write";
    case SourceCategory::kServiceBase:
      return "servicebase";
    case SourceCategory::kWcfHost:
      return "wcf-host";
    case SourceCategory::kEmbeddedDb:
      return "embedded-db";
    case SourceCategory::kScheduler:
      return "scheduler";
    case SourceCategory::kEntryMain:
      return "entry-main";
    case SourceCategory::kEntryGui:
      return "entry-gui";
    case SourceCategory::kEntryService:
      return "entry-service";
    case SourceCategory::kEntryWcfHost:
      return "entry-wcf-host";
    case SourceCategory::kEntryWebHost:
      return "entry-web-host";
    case SourceCategory::kMainUses:
      return "main-uses";
    case SourceCategory::kHostingCall:
      return "hosting-call";
    case SourceCategory::kServiceName:
      return "service-name";
    case SourceCategory::kListenUrl:
      return "listen-url";
    case SourceCategory::kMsmqTransactional:
      return "msmq-transactional";
    case SourceCategory::kIisMetabase:
      return "iis-metabase";
    case SourceCategory::kConsoleWait:
      return "console-wait";
    case SourceCategory::kTransactionEscalation:
      return "transaction-escalation";
    case SourceCategory::kAppData:
      return "app-data";
    case SourceCategory::kServerState:
      return "server-state";
    case SourceCategory::kAspComObject:
      return "asp-com-object";
    case SourceCategory::kAspConnection:
      return "asp-connection";
    case SourceCategory::kLogConfigFile:
      return "log-config-file";
    case SourceCategory::kComObject:
      return "com-object";
    case SourceCategory::kServiceNameRef:
      return "service-name-ref";
    case SourceCategory::kGlobalUsing:
      return "global-using";
    case SourceCategory::kCodeSecret:
      return "code-secret";
    case SourceCategory::kServiceSetting:
      return "service-setting";
  }
  return "";
}

std::string to_string(MarkerCategory category) {
  switch (category) {
    case MarkerCategory::kDatabaseFile:
      return "database-file";
    case MarkerCategory::kStateFolder:
      return "state-folder";
    case MarkerCategory::kInstaller:
      return "installer";
    case MarkerCategory::kCertificate:
      return "certificate";
    case MarkerCategory::kRdpFile:
      return "rdp-file";
    case MarkerCategory::kSvcFile:
      return "svc-file";
    case MarkerCategory::kThirdParty:
      return "third-party";
    case MarkerCategory::kLogFolder:
      return "log-folder";
    case MarkerCategory::kLogFile:
      return "log-file";
    case MarkerCategory::kWebContent:
      return "web-content";
    case MarkerCategory::kWindowsAuth:
      return "windows-auth";
  }
  return "";
}

std::string to_string(FrameworkKind kind) {
  switch (kind) {
    case FrameworkKind::kUnknown:
      return "";
    case FrameworkKind::kNetFx:
      return "netfx";
    case FrameworkKind::kDotnet:
      return "dotnet";
    case FrameworkKind::kNative:
      return "native";
    case FrameworkKind::kJava:
      return "java";
    case FrameworkKind::kNode:
      return "node";
    case FrameworkKind::kPython:
      return "python";
    case FrameworkKind::kPhp:
      return "php";
    case FrameworkKind::kClassicAsp:
      return "classic-asp";
    case FrameworkKind::kStatic:
      return "static";
    case FrameworkKind::kOther:
      return "other";
  }
  return "";
}

std::string to_string(SelfHost host) {
  switch (host) {
    case SelfHost::kNone:
      return "";
    case SelfHost::kWcf:
      return "wcf";
    case SelfHost::kWeb:
      return "web";
  }
  return "";
}

std::optional<SourceCategory> parse_source_category(std::string_view text) {
  return parse_of(kAllSourceCategories, text);
}

std::optional<MarkerCategory> parse_marker_category(std::string_view text) {
  return parse_of(kAllMarkerCategories, text);
}

std::optional<FrameworkKind> parse_framework_kind(std::string_view text) {
  return parse_of(kAllFrameworkKinds, text);
}

std::optional<SelfHost> parse_self_host(std::string_view text) {
  return parse_of(kAllSelfHosts, text);
}

}  // namespace liftshift
