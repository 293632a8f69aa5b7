// The closed vocabularies that cross layers: what a source scan hit is, what
// a file marker is, which runtime an application runs on, what it hosts
// itself. Parsers and collectors write them, rules and planners read them;
// as enums a misspelt category fails to compile instead of silently matching
// nothing. Each to_string gives the text written to JSON, reports and the
// store; each parse_* reads it back (nullopt for text that is none of them).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace liftshift {

// SourceHit::category (formats/source_scan, formats/entry_point_scan).
// Declared in the order hits of one line are reported.
enum class SourceCategory {
  kWinForms,
  kWpf,
  kGdi,
  kWts,
  kMessaging,
  kMsmqQueue,  // text: the queue path literal
  kMsmqAuth,
  kEventLog,
  kEtw,
  kDirectoryServices,
  kWindowsIdentity,
  kTransactions,
  kEnterpriseServices,
  kRegistry,
  kDrivePath,  // text: the string literal
  kFileWrite,
  kServiceBase,
  kWcfHost,
  kEmbeddedDb,
  kScheduler,
  // The program's entry point (formats/entry_point_scan): the Main declaration
  // and the hosting calls made from it.
  kEntryMain,
  kEntryGui,      // Application.Run, new App()
  kEntryService,  // ServiceBase.Run, Topshelf
  kEntryWcfHost,  // new ServiceHost(...)
  kEntryWebHost,  // WebHost, Kestrel, OWIN
  // A type Main creates or calls when it makes no hosting call itself
  // (`new AppHost().Init()`, `Bootstrapper.Start()`): text: the type's name.
  kMainUses,
  // A hosting call in a file without Main, which counts when Main uses its
  // class: text: "Class: token" ("AppHost: AppSelfHostBase").
  kHostingCall,
  // text: the literal assigned to a ServiceName property (ServiceInstaller).
  kServiceName,
  // text: a literal that is a listening address: net.tcp://..., or http(s)://
  // on localhost, *, +, 0.0.0.0 (what a self-hosted server binds to).
  kListenUrl,
  // MessageQueue.Create(name, true), MessageQueueTransaction: transactional queues.
  kMsmqTransactional,
  // An "IIS://" literal: the IIS metabase through ADSI, not Active Directory.
  kIisMetabase,
  // Console.ReadLine/ReadKey inside a program's Main: waits on an interactive console.
  kConsoleWait,
  // A TransactionScope whose block opens two connections or uses MSMQ (a
  // second resource manager): the transaction escalates to MSDTC. Text says why.
  kTransactionEscalation,
  // A "~/App_Data" literal: the code keeps files in the site's App_Data folder.
  kAppData,
  // What ties a web request to one machine's state: Session access, forms-
  // authentication tickets issued, view state (WebForms pages), anti-forgery
  // tokens. Text: the token ("Session[", "FormsAuthentication.SetAuthCookie").
  kServerState,
  // Classic ASP (formats/asp_scan): text: the ProgID of a COM component a page
  // or global.asa creates (Server.CreateObject, <object progid>).
  kAspComObject,
  // Classic ASP: text: an ADO connection string literal (secrets masked).
  kAspConnection,
  // text: a logging configuration file the code names (log4net's
  // XmlConfigurator ConfigFile or FileInfo, NLog's XmlLoggingConfiguration).
  kLogConfigFile,
  // text: a ProgID, or a CLSID as "{...}", that code creates a COM object of
  // by name outside classic ASP's Server.CreateObject: Type.GetTypeFromProgID,
  // Type.GetTypeFromCLSID(new Guid("...")), VB's CreateObject, VBScript and
  // JScript scripts (CreateObject, new ActiveXObject), <object classid="clsid:...">.
  kComObject,
  // text: what a ServiceName property or Topshelf's SetServiceName(...) is set
  // from when it is not a literal: an identifier such as "Configuration.ServiceName"
  // or "Constants.Name", resolved across the project's files by
  // collect/service_name_resolve.
  kServiceNameRef,
  // text: the namespace of a C# `global using NS;`: imported in every file of
  // the project (collect/project_imports).
  kGlobalUsing,
  // text: a string literal holding a credential's value (a connection
  // string's Password=, a URL's password), masked.
  kCodeSecret,
  // text: "key: value", a setting a service's installer registers besides
  // its name (formats/service_settings_scan): display-name, account, start,
  // depends-on.
  kServiceSetting,
};
inline constexpr std::size_t kSourceCategoryCount =
    static_cast<std::size_t>(SourceCategory::kServiceSetting) + 1;
// Every source category, in declaration (= report) order.
inline constexpr std::array<SourceCategory, kSourceCategoryCount> kAllSourceCategories = [] {
  std::array<SourceCategory, kSourceCategoryCount> all{};
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<SourceCategory>(i);
  return all;
}();

// FileMarker::category: a file or folder that matters by its name or place
// alone (collect/file_kind, collect/group_published, collect/server_apps).
enum class MarkerCategory {
  kDatabaseFile,  // .mdf, .sdf, .sqlite, ...
  kStateFolder,   // App_Data, upload folders
  kInstaller,     // .msi, setup.exe, installer projects
  kCertificate,   // .pfx / .p12: a certificate with its private key
  kRdpFile,       // .rdp
  kSvcFile,       // .svc: a WCF endpoint
  kThirdParty,    // another runtime's files (Java, Node.js, Python, PHP, ...)
  kLogFolder,
  kLogFile,
  kWebContent,   // ASP.NET pages of a published site
  kWindowsAuth,  // IIS windowsAuthentication enabled
};
inline constexpr std::size_t kMarkerCategoryCount =
    static_cast<std::size_t>(MarkerCategory::kWindowsAuth) + 1;
inline constexpr std::array<MarkerCategory, kMarkerCategoryCount> kAllMarkerCategories = [] {
  std::array<MarkerCategory, kMarkerCategoryCount> all{};
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<MarkerCategory>(i);
  return all;
}();

// Framework::kind. kUnknown ("") when no runtime was found or the
// application was not assessed.
enum class FrameworkKind {
  kUnknown,
  kNetFx,
  kDotnet,
  kNative,
  kJava,
  kNode,
  kPython,
  kPhp,
  kClassicAsp,  // classic ASP pages (.asp, global.asa) run by IIS's asp.dll
  kStatic,      // an IIS site of files only (HTML, CSS, scripts, images): no server code
  kOther
};
inline constexpr std::size_t kFrameworkKindCount =
    static_cast<std::size_t>(FrameworkKind::kOther) + 1;
inline constexpr std::array<FrameworkKind, kFrameworkKindCount> kAllFrameworkKinds = [] {
  std::array<FrameworkKind, kFrameworkKindCount> all{};
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<FrameworkKind>(i);
  return all;
}();

// Application::self_host: the server a program hosts itself (collect/app_profile).
enum class SelfHost { kNone, kWcf, kWeb };
inline constexpr std::array<SelfHost, 3> kAllSelfHosts = {SelfHost::kNone, SelfHost::kWcf,
                                                          SelfHost::kWeb};

std::string to_string(SourceCategory category);
std::string to_string(MarkerCategory category);
std::string to_string(FrameworkKind kind);  // "" for kUnknown
std::string to_string(SelfHost host);       // "" for kNone

std::optional<SourceCategory> parse_source_category(std::string_view text);
std::optional<MarkerCategory> parse_marker_category(std::string_view text);
std::optional<FrameworkKind> parse_framework_kind(std::string_view text);
std::optional<SelfHost> parse_self_host(std::string_view text);

}  // namespace liftshift
