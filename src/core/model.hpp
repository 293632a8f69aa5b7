// The pipeline's value types: Inventory (what was found), Finding and
// Assessment (what the rules say about it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/facts.hpp"
#include "core/shared_list.hpp"

namespace liftshift {

enum class SourceKind { kSourceTree, kAppFolder, kSystemDrive, kDiskImage, kUnknown };
enum class AppKind { kWeb, kWcf, kService, kTask, kConsole, kDesktop };
enum class Severity { kInfo, kChange, kBlocker };
// kUnknown: the application's content was not on the source (a site whose
// folder, a service whose program is missing), so it was not assessed; it is
// never ready. Declared last: it ranks after every assessed verdict.
enum class Verdict { kReady, kReadyWithChanges, kNotACandidate, kUnknown };

std::string to_string(SourceKind kind);
std::string to_string(AppKind kind);
std::string to_string(Severity severity);
std::string to_string(Verdict verdict);

// How many applications reached each verdict: the one summary that `assess`
// (text and JSON) and the portfolio's reports print.
struct VerdictCounts {
  int apps = 0;
  int ready = 0;
  int ready_with_changes = 0;
  int not_a_candidate = 0;
  int unknown = 0;  // not assessed: the content was not on the source
};

// Counts one more application with verdict `v`.
void count_verdict(VerdictCounts& counts, Verdict v);

struct Framework {
  // Constructors rather than an aggregate, so {kind, version, evidence}
  // still reads well without naming the rarely set targets.
  Framework() = default;
  Framework(FrameworkKind k, std::string v, std::string e, std::vector<std::string> t = {})
      : kind(k), version(std::move(v)), evidence(std::move(e)), targets(std::move(t)) {}

  FrameworkKind kind = FrameworkKind::kUnknown;
  std::string version;   // "4.7.2", "2.0", "8.0"; "" when unknown
  std::string evidence;  // where the version came from
  // A multi-target project's target frameworks, each ("net48", "net8.0");
  // kind/version are the one planned (the .NET Framework one). Empty otherwise.
  std::vector<std::string> targets;
};

// A file that matters for a rule by its name or place alone.
struct FileMarker {
  MarkerCategory category = MarkerCategory::kDatabaseFile;
  std::string path;
  std::string detail;  // e.g. "SQLite database", "Apache Tomcat"
  // Folders ("state-folder"): the files found under it, and how many of them
  // are code (pages, scripts, assemblies): a folder that ships code is not data.
  std::size_t files = 0;
  std::size_t code_files = 0;
};

// What a server says about an application (filled when the source is a whole
// server: system drive or disk image; empty for folders).
struct ServiceInfo {
  std::string name;  // service key name, e.g. "OrderProcessor"
  std::string display_name;
  std::string image_path;  // as in the registry, e.g. "\"C:\\Apps\\Orders\\svc.exe\" -k"
  std::string type;        // "own process", "shared process"
  bool microsoft = false;  // part of Windows or a Microsoft product, not the application's own
  bool agent = false;      // a platform agent (MachineFacts::agents), not an application
  std::string
      account;  // ObjectName: "LocalSystem", "NT AUTHORITY\\NetworkService", "CONTOSO\\svc_orders"
  int start = 3;  // 2 automatic, 3 manual, 4 disabled
  std::vector<std::string> depends_on;
};

struct IisBinding {
  std::string protocol;  // "http", "https", "net.tcp", "net.msmq"...
  std::string address;   // "*" or an IP
  int port = 0;
  std::string host;              // host header
  std::string certificate_hash;  // https: SHA-1 thumbprint from the SSL binding, when known
};

// A virtual directory below an IIS application's root ("/media" served from
// another folder or a share). The password of a vdir's connect-as account
// never leaves the parser; only the user name is kept.
struct IisVirtualDir {
  std::string path;           // "/media", relative to the application
  std::string physical_path;  // as configured: "E:\\Shared\\Media", "\\\\fs01\\media$"
  std::string user_name;      // the connect-as account, "" when the app pool's identity is used
};

// The authentication an IIS application was configured with, from the
// server-wide system.webServer and the <location> paths that cover it; unset
// when no level of applicationHost.config says (IIS's defaults apply).
struct IisAuthentication {
  std::optional<bool> anonymous;
  std::optional<bool> windows;
  std::optional<bool> basic;
};

struct IisInfo {
  std::string site;           // "Default Web Site"
  int site_id = 0;            // the site's id attribute (its log folder is W3SVC<id>)
  std::string app_path;       // "/" or "/orders"
  std::string physical_path;  // as configured, e.g. "%SystemDrive%\\inetpub\\wwwroot"
  std::string app_pool;
  std::string runtime_version;  // managedRuntimeVersion: "v4.0", "v2.0", "" (no managed code)
  std::string pipeline_mode;    // "Integrated" / "Classic"
  bool enable_32bit = false;    // enable32BitAppOnWin64
  std::string
      identity;  // "ApplicationPoolIdentity", "NetworkService", "SpecificUser: CONTOSO\\web"
  std::vector<IisBinding> bindings;
  std::vector<IisVirtualDir> virtual_dirs;  // besides "/", in config order
  IisAuthentication authentication;
  std::vector<IisModuleUse> modules;
  // The site's other applications below app_path ("/api" under "/"), each
  // with its own pool and virtual directories; their site and bindings are
  // this one's and are not repeated. Empty in a nested application's own copy.
  std::vector<IisInfo> nested_apps;
  // A nested application whose folder is inside an application above it in
  // the same site: that application's path ("/"); its content, and this
  // application with its pool, are part of that one's image too. "" otherwise.
  std::string inside_of;
};

// One trigger of a scheduled task and the cron schedules that start it.
struct TaskTrigger {
  std::string text;  // readable: "daily at 02:00", "at system startup"
  // Five-field schedules (core/cron.hpp) that together run when the trigger
  // ran: several when one cron line cannot say it ("the last day of the
  // month"); none when cron cannot start it at all (boot, logon, an event).
  std::vector<std::string> crons;
  // IANA zone the times are in, for CronJob.spec.timeZone: "Etc/UTC",
  // "Etc/GMT-2" (UTC+2) when the start boundary carries an offset; "" when
  // it is the server's local time.
  std::string time_zone;
  // Where the crons do not mean exactly what the trigger meant, and why.
  std::vector<std::string> notes;
  bool enabled = true;
};

struct TaskInfo {
  std::string path;     // "\\Contoso\\Nightly export"
  std::string command;  // action Exec/Command
  std::string arguments;
  std::string user;  // principal UserId
  std::vector<TaskTrigger> triggers;
  std::string cron;  // the first trigger's first cron ("0 2 * * *"), "" when none: for reports
};

struct InstalledProgram {
  std::string name;
  std::string version;
  std::string publisher;
  std::string install_location;
  std::string registry_key;  // where it was found, for evidence
};

// A server role or feature, with what showed it was there.
struct RoleFact {
  std::string name;      // "AD-Domain-Services", "DNS", "DHCP", "Web-Server", "MSSQLSERVER"...
  std::string evidence;  // "SOFTWARE\\...\\ServerComponentCache\\DNS InstallState=1; service DNS"
};

// A service that keeps the server itself running rather than serving users:
// hypervisor guest tools, antivirus/EDR, backup, monitoring, update and
// licensing agents (collect/platform_agents). Listed apart from the
// applications: a container gets none of them, the platform provides its own.
struct PlatformAgent {
  std::string service;     // the registry key name, e.g. "VMTools"
  std::string category;    // "hypervisor tools", "antivirus/EDR", "backup", "monitoring"...
  std::string product;     // what it is: "VMware Tools"
  std::string image_path;  // as in the registry (masked)
  std::string evidence;    // what told it: "CompanyName 'VMware, Inc.' of C:\...\vmtoolsd.exe"
};

// A COM class registered on the server (HKLM\SOFTWARE\Classes\CLSID, or its
// 32-bit view Classes\WOW6432Node\CLSID) whose server file is not Windows'
// own (collect/com_classes). On an Application: a class the application
// depends on (its folder holds the file, or its pages name the ProgID).
struct ComClassInfo {
  std::string clsid;            // the key's name: "{5A0B3C2D-...}"
  std::string server_key;       // "InprocServer32" (a DLL) or "LocalServer32" (an EXE)
  std::string server;           // the key's default value as registered (masked, printable)
  std::string file;             // its file: quotes and arguments dropped, %SystemRoot%... expanded
  std::string threading_model;  // InprocServer32's ThreadingModel, "" when not set
  std::vector<std::string> prog_ids;  // ProgID, VersionIndependentProgID, Classes\<ProgID>\CLSID
  bool wow64 = false;                 // registered in the 32-bit view
  std::string registry_key;           // "HKLM\SOFTWARE\Classes\CLSID\{...}\InprocServer32"
  // A .NET class regasm registered (InprocServer32 = mscoree.dll); file is its
  // CodeBase's path, "" when it has none (the assembly is in the GAC) or it is
  // no local file URL.
  std::string clr_class;        // Class: "OrderDesk.Invoices.InvoiceWriter", "" for a native class
  std::string assembly;         // Assembly: "OrderInvoices, Version=1.0.0.0, Culture=neutral, ..."
  std::string runtime_version;  // RuntimeVersion: "v4.0.30319", "" when missing or malformed
  std::string code_base;        // CodeBase as registered: "file:///C:/inetpub/...", "" when none
  // Application's copy only (collect/com_class_apps):
  std::string path;     // the file on the volume ("inetpub/Shop/bin/Tools.dll"), "" when missing
  std::string machine;  // its PE header's machine ("x86", "x64"), "" when it could not be read
  bool in_app_folder = false;     // the file lies inside the application's folder
  std::string named_by;           // "upload.asp:5 creates Persits.Upload", "" when only by folder
  bool by_assembly_name = false;  // a GAC class: path is the app's DLL named as its assembly
};

// What a whole Windows server is: read from its registry hives and files.
struct MachineFacts {
  std::string computer_name;
  std::string domain;
  std::string os_name;  // ProductName
  std::string version;  // "6.3"
  std::string build;    // CurrentBuildNumber, "9600"
  std::string ubr;
  std::string edition;            // EditionID
  std::string installation_type;  // "Server", "Server Core", "Client"
  std::string csd_version;        // service pack
  std::string control_set;        // "ControlSet001"
  std::string machine_guid;       // SOFTWARE\Microsoft\Cryptography MachineGuid, "" when absent
  std::vector<RoleFact> roles;
  std::vector<ServiceInfo> services;  // Win32 services (drivers left out)
  std::vector<PlatformAgent> agents;  // services that are platform agents, in service order
  std::vector<InstalledProgram> programs;
  std::vector<std::string> dotnet_runtimes;  // "4.8", "3.5", "2.0"
  std::string iis_version;                   // "8.5"
  bool msmq_installed = false;
  bool msmq_workgroup = false;  // MSMQ installed without Active Directory integration
  std::vector<std::string> msmq_queues;
  bool msdtc_network_access = false;
  std::vector<std::string> shares;  // non-administrative shares
  // HTTP.sys certificate bindings: "0.0.0.0:443" or "host:443" (SNI) -> SHA-1 thumbprint.
  std::vector<std::pair<std::string, std::string>> ssl_certificates;
  // HTTP.sys URL reservations (netsh http add urlacl): "http://+:8080/Orders/",
  // the URLs a program that is not IIS may listen on.
  std::vector<std::string> url_reservations;
  // SYSTEM\MountedDevices: each drive letter and the partition it names
  // ("D:", "MBR disk signature 1A2B3C4D, partition at 1 MiB"), in letter order.
  std::vector<std::pair<std::string, std::string>> drives;
  // SYSTEM\...\Control\TimeZoneInformation: the server's Windows time zone id
  // ("W. Europe Standard Time"), "" when unknown; daylight saving turned off
  // (DynamicDaylightTimeDisabled) is tzutil's "_dstoff" zone; and the IANA zone
  // CLDR maps it to ("Europe/Berlin"), "" when there is none or DST is off.
  std::string time_zone;
  bool daylight_saving_off = false;
  std::string time_zone_iana;
  // COM classes whose server is not part of Windows, in registry order (capped).
  std::vector<ComClassInfo> com_classes;
  std::vector<std::string> warnings;
};

// A folder on another drive of the server (D:, E:) that an application's
// configuration names: an IIS virtual directory's content, an appSettings
// folder. The collector measures it on the drives given, so the planner can
// seed the volume that replaces it from the server's data, within
// kMaxDriveSeedBytes, or say the volume starts empty.
struct DriveFolder {
  std::string windows_path;  // as configured: "D:\\Data\\Feeds"
  std::string path;          // on the source volume: "D:/Data/Feeds"
  std::uint64_t files = 0;   // regular files below it
  std::uint64_t bytes = 0;   // their sizes, counted up to just over kMaxDriveSeedBytes
  bool over_limit = false;   // counting stopped there: too much to seed from
};

// What a volume's seed taken from the server's data may hold: more stays on
// the server, to be copied onto the volume by hand (an image is no place for it).
inline constexpr std::uint64_t kMaxDriveSeedBytes = std::uint64_t{256} << 20;

struct Application {
  std::string id;  // stable: "<source-name>/<relative root or project>"
  std::string name;
  std::string source;  // the source path given by the user
  std::string root;    // folder of the app, relative to the source ("" = source root)
  AppKind kind = AppKind::kConsole;
  Framework framework;
  std::string entry;     // main executable or project, relative to the source
  std::string solution;  // source trees: the .sln that lists the entry project (or the nearest
                         // one above it), relative to the source; "" when none
  // Entry binary first, then its local dependencies. Shared between copies of
  // the application (core/shared_list.hpp): a server's folder is handed to
  // several sites and services without copying what was parsed in it.
  SharedList<BinaryFacts> binaries;
  std::vector<ConfigFacts> configs;
  std::vector<ProjectFacts> projects;
  std::vector<RuntimeConfigFacts> runtime_configs;  // beside the entry, same name
  std::vector<SourceHit> source_hits;
  std::vector<FileMarker> markers;
  // What the program's entry point showed (collect/app_profile): why kind is
  // what it is, and whether the program hosts a server itself: kWcf (it opens
  // a WCF ServiceHost: a self-hosted WCF program, run as its executable, never
  // as an IIS site), kWeb (Kestrel, OWIN, HttpSelfHost), kNone otherwise.
  std::vector<std::string> kind_evidence;
  SelfHost self_host = SelfHost::kNone;
  // Source trees: the service name its installer registers (ServiceInstaller
  // ServiceName = "..."), when the program is a Windows service.
  std::string service_name;
  // When service_name was resolved from an identifier (collect/service_name_resolve):
  // the steps from the assignment to the literal, "file:line what" each, and
  // whether the literal is only a default the configuration can override.
  std::vector<std::string> service_name_trail;
  std::string service_name_setting;  // the configuration key that overrides the default
  // Source trees: what else the installer registers (display name, account,
  // start type, dependencies: collect/app_profile from service-setting hits);
  // name and image_path stay empty. Servers have `service` instead.
  std::optional<ServiceInfo> installer;
  // Server sources only.
  std::shared_ptr<const MachineFacts> machine;  // the server the app was found on
  std::optional<ServiceInfo> service;
  std::optional<IisInfo> iis;
  std::optional<TaskInfo> task;
  // COM classes registered on the server that the application depends on.
  std::vector<ComClassInfo> com_classes;
  // Why the application's own content could not be assessed ("site 'Shop'
  // serves D:\\Sites\\Shop, which is on drive D:, which is on no disk given"); "" when it was read.
  std::string not_assessed;
  // Server sources: the folders on other drives its configuration names that
  // are on a disk given (collect/drive_folders).
  std::vector<DriveFolder> drive_folders;
};

// A data disk of a server, as the user gave it (--disk, --server).
struct SourceDisk {
  std::string path;                 // as given
  std::string letter;               // "D:" when the user named it (--disk D:=PATH); "" otherwise
  std::vector<std::string> drives;  // the drive letters read from it: "D:"
};

struct Source {
  std::string path;
  SourceKind kind = SourceKind::kUnknown;
  bool handled = true;  // false: recognised but not assessable by this version
  std::string note;
  std::shared_ptr<const MachineFacts> machine;  // system drives and disk images
  // Disk images only: what was opened and how much of it was read.
  std::string image_format;  // "VHDX (dynamic)"
  std::string partition;     // "partition 2 (NTFS, 30 MiB, holds Windows)"
  // Servers: the other drives read with the system drive, "D: data.vhdx partition 1 (NTFS, 30
  // MiB)".
  std::vector<std::string> drives;
  std::vector<SourceDisk> disks;  // servers: the data disks given, in order
  std::uint64_t image_size = 0;
  std::uint64_t bytes_read = 0;
  // Stable key of the source in the results store: the absolute normalised
  // path, plus the disk image's own identifier or the server's MachineGuid
  // (see source_identity in collect/).
  std::string identity;
};

struct Inventory {
  std::vector<Source> sources;
  std::vector<Application> apps;
  std::vector<Problem> problems;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::kInfo;
  std::string title;
  std::vector<std::string> evidence;
  std::string remediation;
};

// What the rules found, in structured form, beside their findings' evidence
// text: the planner plans from these and never re-derives a rule's decision
// from the Inventory. Each part is filled by the rule named in its comment.
struct MsmqUse {
  std::string scenario;  // "scenario: private transactional queue(s), ... — a supported scenario"
  std::vector<std::string> queues;  // queue paths named in config or code
  bool transactional = false;
};

struct LogUse {
  bool event_log = false;                  // writes to a Windows event log
  std::vector<std::string> event_sources;  // event sources named in config
  std::vector<std::string> files;          // log files its config names, as configured
  bool etw = false;                        // writes ETW events (EventSource)
};

struct StateFolder {
  std::string path;       // relative to the source, "/" separators
  std::string detail;     // "ASP.NET App_Data folder", "SQLite database"
  bool database = false;  // a database file: the folder that holds it is the state
  std::size_t files = 0;  // files the source ships in the folder (its content, a volume's seed)
  std::size_t code_files = 0;  // of those, code (pages, scripts, assemblies): code, not data
};

struct IdentityUse {
  std::vector<std::string> domain_accounts;  // service, app pool or task accounts, in that order
  bool windows_authentication = false;       // the site authenticates users with Windows
};

// A Visual C++ runtime the application's native code loads, and the
// redistributable that installs it (core/vc_redist).
struct VcRuntimeUse {
  std::string release;            // "2015-2022", "2013", "2010"
  std::string arch;               // "x64", "x86", "arm64"
  std::string installer;          // the redistributable's file: "vc_redist.x64.exe"
  std::string arguments;          // its silent install: "/install /quiet /norestart"
  std::vector<std::string> dlls;  // the runtime DLLs imported: "VCRUNTIME140.dll"
  // Native projects of a source tree (no binary to read imports from): the
  // project settings that need it ("Tool.vcxproj: PlatformToolset v143, the
  // CRT as a DLL"), one per project.
  std::vector<std::string> projects;
};

// A .NET COM server of the application that the image registers as the
// server had it registered.
struct ComRegistration {
  std::string path;  // the file, relative to the source, '/' separators
  // "regsvcs" (COM+ serviced components), "regasm" (a ComVisible assembly),
  // "regsvr32" (a native in-process server), "regserver" (a LocalServer32
  // EXE registering itself with /RegServer).
  std::string tool;
  std::string clr;     // regsvcs/regasm: the runtime folder of the tool: "v4.0.30319", "v2.0.50727"
  std::string reason;  // what showed it: "serviced components Contoso.Ledger"
  // regsvr32: a 32-bit DLL (PE machine i386), registered by SysWOW64's;
  // regasm: a class of the 32-bit registry view, registered by Framework\'s RegAsm.
  bool x86 = false;
};

struct RuleResults {
  std::optional<MsmqUse> msmq;               // msmq
  LogUse logs;                               // event-log
  std::vector<StateFolder> state_folders;    // local-state, database
  IdentityUse identity;                      // ad-dependent
  std::vector<VcRuntimeUse> vc_runtimes;     // vc-runtime
  std::vector<ComRegistration> com_servers;  // com-registration
};

// The rules' verdict on one application. It holds the application itself
// (moved from the Inventory), so an Assessment is a value that outlives the
// Inventory it was made from and the planner needs nothing else.
struct AppAssessment {
  Application app;
  Verdict verdict = Verdict::kReady;
  std::vector<Finding> findings;
  RuleResults results;
};

struct MachineAssessment {
  std::size_t source = 0;  // index into Assessment::sources
  std::vector<Finding> findings;
};

struct Assessment {
  std::vector<Source> sources;
  std::vector<AppAssessment> apps;
  std::vector<MachineAssessment> machines;
  std::vector<Problem> problems;
};

// Drops the parsed files (binaries, configs, projects, runtime configs,
// source hits, markers) that nothing after the rules reads for a report: most
// of an Inventory's memory. Plans need them; reports of many sources don't.
// Everything else the application holds stays, whatever fields it gains.
void drop_parsed_files(Application& app);

// Adds `more` (another source's assessment) to `all`. With slim, its
// applications keep only what reports print (drop_parsed_files).
void append(Assessment& all, Assessment more, bool slim);

// The verdicts of every application of the assessment.
VerdictCounts count_verdicts(const Assessment& assessment);

}  // namespace liftshift
