// Facts that format parsers extract from one file each. They are plain values:
// parsers fill them, collectors group them into applications, rules read them.
// Paths are relative to the source root, with '/' separators.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/categories.hpp"

namespace liftshift {

// A problem met while reading: the file and what was wrong with it.
struct Problem {
  std::string path;
  std::string message;
};

// ---- PE/COFF and CLR metadata (src/formats/pe) ----

struct PeImport {
  std::string dll;                     // as written in the import table, e.g. "WTSAPI32.dll"
  std::vector<std::string> functions;  // names; "#N" for imports by ordinal
};

struct AssemblyRef {
  std::string name;     // "System.Windows.Forms"
  std::string version;  // "4.0.0.0"
};

struct BinaryFacts {
  std::string path;
  std::string machine;  // "x86", "x64", "arm64", "arm", "ia64" or "0xNNNN"
  bool is64 = false;    // PE32+
  bool is_dll = false;
  std::uint16_t subsystem = 0;  // 2 = Windows GUI, 3 = Windows console, ...
  std::uint16_t dll_characteristics = 0;
  std::vector<PeImport> imports;
  std::vector<PeImport> pinvoke_imports;  // CLR [DllImport] declarations (ImplMap + ModuleRef)
  std::vector<PeImport> delay_imports;    // delay-load import directory (loaded on first call)
  // CLR (only when the image has a CLR header)
  bool is_clr = false;
  std::string clr_version;       // metadata root version string, e.g. "v4.0.30319"
  std::string assembly_name;     // from the Assembly table
  std::string assembly_version;  // "1.2.3.4"
  std::vector<AssemblyRef> assembly_refs;
  std::vector<std::string> type_refs;  // "System.Messaging.MessageQueue"
  // The assembly each type_refs entry resolves to (its TypeRef's resolution
  // scope, through the outer type for a nested one): the AssemblyRef's name,
  // "" when the scope is the module itself. Parallel to type_refs when read
  // from metadata; empty when not known.
  std::vector<std::string> type_ref_assemblies;
  std::vector<std::string> member_refs;   // "System.Diagnostics.EventLog::WriteEntry" (capped)
  std::vector<std::string> user_strings;  // #US literals that look like paths/URLs (capped)
  std::string target_framework;  // TargetFrameworkAttribute value, ".NETFramework,Version=v4.7.2"
  // What the entry method (COR20 EntryPointToken) calls, and the program's own
  // methods it calls directly: "System.Windows.Forms.Application::Run",
  // "System.ServiceModel.ServiceHost::.ctor" (newobj). Capped.
  std::vector<std::string> entry_calls;
  // COM and COM+ (formats/clr_metadata): the classes deriving, directly or
  // through the assembly's own classes, from ServicedComponent of the
  // System.EnterpriseServices assembly (the TypeRef's AssemblyRef, not the
  // name alone); [ComVisible(true)] on the assembly and on its classes; the
  // COM+ application's [assembly: ApplicationActivation] ("server",
  // "library", "" when not set) and [assembly: ApplicationName].
  std::vector<std::string> serviced_components;  // "Contoso.Billing.Ledger"
  bool com_visible = false;                      // [assembly: ComVisible(true)]
  std::vector<std::string> com_visible_types;    // classes marked [ComVisible(true)]
  std::string complus_activation;
  std::string complus_name;
  // The version resource (RT_VERSION StringFileInfo), "" when absent.
  std::string company_name;      // "Microsoft Corporation"
  std::string product_name;      // "Microsoft Defender for Endpoint"
  std::string file_description;  // "Windows Defender Advanced Threat Protection Service"
  std::string file_version;
  std::vector<std::string> warnings;  // sub-structures that could not be read
};

// ---- .NET configuration files (web.config, app.config, *.exe.config) ----

struct ConnectionStringFacts {
  std::string name;
  std::string provider;     // providerName attribute
  std::string masked;       // the connection string with secrets replaced by "***"
  bool had_secret = false;  // a password / key was present (and masked)
  std::string server;       // Data Source / Server / Host value (not secret)
  bool integrated_security = false;
  bool local_file = false;      // AttachDbFilename, |DataDirectory|, .mdf/.sdf/.db/.mdb file
  std::string local_file_path;  // the file it names, when local_file
};

struct BindingFacts {
  std::string type;  // element name: "netMsmqBinding", "netTcpBinding", "basicHttpBinding"...
  std::string name;  // binding configuration name ("" for the default)
  std::string security_mode;           // <security mode="...">
  std::string msmq_authentication;     // transport msmqAuthenticationMode
  std::string client_credential_type;  // transport/message clientCredentialType
  bool use_active_directory = false;   // netMsmqBinding useActiveDirectory="true"
  bool exactly_once = true;            // netMsmqBinding exactlyOnce (transactional queue)
};

struct EndpointFacts {
  std::string address;
  std::string binding;  // "netMsmqBinding"
  std::string binding_configuration;
  std::string contract;
  bool client = false;  // under <client>: an address this program calls, not one it serves
};

struct KeyValue {
  std::string key;
  std::string value;  // masked when the key or value looks secret
  // The value itself is shaped like a secret: a connection string with a
  // password, or a long key or token. (A name such as "UseShortcutKeys" is not.)
  bool secret_value = false;
};

// An IIS module or Windows feature the site needs, with what showed it
// (formats/iis_modules: a web.config's or applicationHost.config's system.webServer).
struct IisModuleUse {
  // A constructor, so {module, evidence} still reads well without the rarely set fields.
  IisModuleUse() = default;
  IisModuleUse(std::string m, std::string e, std::string p = {})
      : module(std::move(m)), evidence(std::move(e)), program(std::move(p)) {}

  std::string module;    // "url-rewrite", "arr", "classic-asp", "isapi", "websocket",
                         // "fastcgi", "iisnode"
  std::string evidence;  // "web.config: system.webServer/rewrite (3 rules)"
  // fastcgi: the handler's scriptProcessor as written ("C:\PHP\php-cgi.exe"),
  // its name and path ("PHP_via_FastCGI", "*.php"); "" for the other modules.
  std::string program;
  std::string handler_name;
  std::string handler_path;
  // Where the handler is declared: true for applicationHost.config (server-wide
  // or a <location>), false for the site's own web.config.
  bool server_config = false;
  // Server sources: the FastCGI program was found on the server's volume, so
  // its folder can be copied into the image as it was.
  bool program_present = false;
};

// A system.webServer section a site's web.config sets although IIS locks it
// at server level by default (overrideModeDefault="Deny" in a fresh
// applicationHost.config): without an unlock the site answers HTTP 500.19
// (formats/iis_locked_sections).
struct IisLockedSection {
  std::string section;          // "system.webServer/security/authentication/windowsAuthentication"
  std::string element;          // as evidence: "<windowsAuthentication enabled=\"true\">"
  std::string location;         // the web.config's <location path> holding it; "" at the top
  std::optional<bool> enabled;  // its enabled attribute, when it has one
};

// system.web/authentication/forms/credentials of a config, outside any
// <location>: the users forms authentication checks against the config
// itself, whose passwords (clear or hashed) are secrets to move out.
struct FormsCredentials {
  std::string password_format;  // its passwordFormat ("" is Clear, the default)
  // The <forms> element's attributes (loginUrl, timeout...), masked, in order.
  std::vector<std::pair<std::string, std::string>> forms_attributes;
  std::vector<std::string> users;  // user names, masked; at most kMaxFormsUsers
  bool passwords = false;          // some user has a non-empty password
};
inline constexpr std::size_t kMaxFormsUsers = 256;

// A section a config keeps in another file: <connectionStrings
// configSource="...">, <appSettings file="...">, <log4net configSource>,
// NLog's <include file="...">. The collector follows it (collect/config_includes).
struct ConfigInclude {
  std::string section;    // "connectionStrings", "appSettings", "log4net", "nlog include"
  std::string attribute;  // "configSource" or "file"
  std::string file;       // as written (masked, printable)
};

// A value a web.config transform (Web.Release.config, xdt:Transform) changes.
struct TransformChange {
  std::string section;    // "connectionStrings", "appSettings", "compilation"...
  std::string name;       // the entry's name or key ("" for an element without one)
  std::string transform;  // "Replace", "SetAttributes(connectionString)", "Insert", "Remove"...
};

// A value of a config that is a whole path on a drive other than C: (a log
// file, a data folder), with where it sits, so the copied config can be
// rewritten at that place (context/config_rewrite) once the plan gives the
// folder a place in the container.
struct PathSetting {
  // Element path from below <configuration> (from the root element itself in
  // log4net.config or NLog.config), names as written: "appSettings",
  // "applicationSettings/App.Properties.Settings", "log4net", "nlog/targets",
  // "elmah/errorLog", "system.diagnostics/trace/listeners".
  std::string section;
  // The entry's key or name below the section (an appender, a target, a
  // setting); "" when the section element itself holds the value.
  std::string key;
  // What holds the value: an attribute of the entry ("value", "fileName",
  // "logPath", "initializeData"); "file" on a log4net appender is its <file
  // value> (or <param name="File" value>), "value" on a <setting> its <value> text.
  std::string attribute;
  std::string value;  // as written (never a secret: a masked value is not kept)
  bool log = false;   // a log target's file or folder
};

struct ConfigFacts {
  std::string path;
  std::vector<ConfigInclude> includes;
  // Set on a file read because another config names it: "Site/Web.config
  // (connectionStrings configSource)". Its facts are judged as the app's own.
  std::string included_by;
  // Set on a web.config transform (Web.Release.config): the config it
  // transforms; its values are the release build's. Empty otherwise.
  std::string transform_of;
  std::vector<TransformChange> transform_changes;
  std::vector<ConnectionStringFacts> connection_strings;
  std::vector<KeyValue> app_settings;
  bool has_system_web = false;
  std::string authentication_mode;  // system.web/authentication@mode ("Windows", "Forms", ...)
  bool impersonate = false;         // system.web/identity@impersonate
  std::string session_state_mode;   // system.web/sessionState@mode; "" when the element is absent
  std::string pages_session_state;  // system.web/pages@enableSessionState ("false", "true",
                                    // "ReadOnly"); "" when not set
  bool machine_key_present = false;
  bool machine_key_explicit = false;  // explicit validationKey/decryptionKey (not AutoGenerate)
  // machineKey@validation / @decryption (algorithm names, not secret: "SHA1", "AES"), "" when
  // unset.
  std::string machine_key_validation;
  std::string machine_key_decryption;
  std::optional<FormsCredentials> forms_credentials;
  std::string target_framework;  // httpRuntime/compilation targetFramework or supportedRuntime sku
  std::vector<std::string> supported_runtimes;  // startup/supportedRuntime@version ("v2.0.50727")
  bool has_service_model = false;
  std::vector<BindingFacts> bindings;
  std::vector<EndpointFacts> endpoints;
  bool has_service_host_activation = false;    // serviceHostingEnvironment / .svc activation
  std::vector<std::string> base_addresses;     // services/service/host/baseAddresses/add
  std::vector<std::string> log_paths;          // file targets of log4net/NLog/trace listeners
  std::vector<std::string> event_log_sources;  // EventLogTraceListener / log4net EventLogAppender
  std::vector<std::string> drive_paths;        // absolute non-C: drive or UNC paths found in values
  // For each drive path, the setting it was first found in, so evidence can
  // name it: "appSettings 'UploadRoot'", "appender 'RollingFile' file".
  std::map<std::string, std::string> drive_path_settings;
  std::vector<PathSetting> path_settings;  // drive paths with their place, for the rewrite
  std::vector<std::string> ldap_paths;     // LDAP:// URLs, masked
  // web.config: what its system.webServer needs of IIS (handlers, rewrite...).
  std::vector<IisModuleUse> iis_modules;
  // web.config: the sections it sets that IIS locks by default.
  std::vector<IisLockedSection> iis_locked_sections;
  std::vector<std::string> warnings;
};

// ---- MSBuild projects, packages.config, solutions ----

struct PackageRef {
  std::string id;
  std::string version;
};

// A native C++ project's build settings (.vcxproj, formats/vcxproj): the
// Release configuration's, the 64-bit platform's when it has several.
struct NativeProjectFacts {
  std::string configuration_type;  // "Application", "DynamicLibrary", "StaticLibrary"
  std::string subsystem;           // Link SubSystem: "Console", "Windows"; "" when not set
  std::string platform;            // "x64", "Win32", "ARM64" (the configuration's Platform)
  std::string platform_toolset;    // "v143", "v141_xp"; "" when not set
  std::string character_set;       // "Unicode", "MultiByte"; "" when not set
  std::string use_of_mfc;          // "Dynamic", "Static"; "" when MFC is not used
  std::string use_of_atl;          // "Dynamic", "Static"; "" when ATL is not used
  // ClCompile RuntimeLibrary: "MultiThreadedDLL" (the default, also when not
  // set), "MultiThreaded" (the CRT linked in statically), "...Debug" variants.
  std::string runtime_library;
  std::string configuration;  // the configuration read: "Release|x64"
  // Link AdditionalDependencies as written, MSBuild macros dropped: "ws2_32.lib".
  std::vector<std::string> link_libraries;
};

struct ProjectFacts {
  std::string path;
  std::string language;  // "cs", "vb", "cpp" (.vcxproj: native)
  // .vcxproj only (language "cpp"): output_type is "Exe" (SubSystem Console),
  // "WinExe" (SubSystem Windows) or "Library", assembly_name the TargetName.
  NativeProjectFacts native;
  bool sdk_style = false;
  std::string sdk;          // "Microsoft.NET.Sdk.Web"
  std::string output_type;  // "Exe", "WinExe", "Library"
  std::string assembly_name;
  std::vector<std::string> target_frameworks;  // normalized: "net472", "net8.0", "net8.0-windows"
  // Where the target frameworks were set when not in the project itself: the
  // Directory.Build.props/.targets it imports ("" = the project).
  std::string target_frameworks_from;
  std::vector<AssemblyRef> references;          // <Reference Include="System.Messaging" />
  std::vector<PackageRef> packages;             // PackageReference + packages.config
  std::vector<std::string> project_references;  // relative paths as written
  // Namespaces imported in every file: C# <Using Include="..."/> (not an
  // alias or static using), VB project <Import Include="..."/>.
  std::vector<std::string> usings;
  std::vector<std::string> project_type_guids;  // lower-case, braces stripped
  bool use_windows_forms = false;
  bool use_wpf = false;
  bool is_web = false;                      // web application/site project
  bool is_wcf = false;                      // WCF service project
  std::vector<std::string> app_data_items;  // Content/None items under App_Data, as written
  // Where the build copies the output: destinations of copy/xcopy/robocopy in
  // PostBuildEvent and of <Copy DestinationFolder> in targets, as written
  // ("$(SolutionDir)Site\bin", "..\Site\bin\").
  std::vector<std::string> copy_destinations;
  // ManifestKeyFile / AssemblyOriginatorKeyFile values ('/' separators, relative
  // to the project): code-signing keys, not certificates a server presents.
  std::vector<std::string> signing_key_files;
  std::vector<std::string> warnings;
};

// A published .NET (Core) app's App.runtimeconfig.json: the shared
// frameworks it runs on ("Microsoft.NETCore.App" 8.0.0, "Microsoft.AspNetCore.App"...).
struct RuntimeConfigFacts {
  std::string path;
  std::string tfm;                      // runtimeOptions.tfm, "net8.0" ("" when absent)
  std::vector<AssemblyRef> frameworks;  // name + version
};

struct SolutionProject {
  std::string name;
  std::string path;  // relative to the solution, '/' separators
  std::string type_guid;
  // A Web Site project (no project file: the folder is the site): its
  // ProjectSection(WebsiteProperties) TargetFrameworkMoniker, decoded
  // (".NETFramework,Version=v4.5"); "" when not set.
  bool website = false;
  std::string target_framework;
};

struct SolutionFacts {
  std::string path;
  std::vector<SolutionProject> projects;
};

// ---- C#/VB source scan ----

// One hit of an API or pattern in a source file.
struct SourceHit {
  SourceCategory category = SourceCategory::kWinForms;
  std::string file;
  int line = 0;
  std::string text;  // the matched token or a short excerpt (secrets masked)
  // Set when the file names a framework type unqualified without importing
  // its namespace: the hit counts only where the project imports it for every
  // file (csproj <Using Include>, vbproj <Import Include>, `global using`);
  // collect/project_imports keeps or drops it.
  std::string needs_import = {};
};

}  // namespace liftshift
