// The Plan: what `liftshift containerize` decided for each application, with
// the reason for every decision. Plain values: the planner (src/plan) fills
// them from an Assessment, the emitters (src/emit) turn them into files.
// Nothing here ever holds a secret value: secrets are named, never copied.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

enum class WindowsVersion { kLtsc2016, kLtsc2019, kLtsc2022, kLtsc2025 };
enum class Isolation { kProcess, kHyperv };
enum class Orchestrator { kKubernetes, kSwarm, kCompose };
// How a .NET Framework application gets its secrets: moved config sections in
// files mounted from the secret store (the default; every .NET Framework reads
// configSource), or environment variables read by ConfigurationBuilders (4.7.1+).
enum class ConfigMode { kFiles, kEnv };
// CI systems `containerize --pipeline` writes a monthly rebuild pipeline for.
enum class Pipeline { kGithub, kAzure, kGitlab };

// What the user asked for; unset fields are decided per application.
struct PlanOptions {
  std::optional<WindowsVersion> windows_version;
  std::optional<Isolation> isolation;
  Orchestrator orchestrator = Orchestrator::kKubernetes;
  std::string registry;  // "HOST/REPO"; "" = a placeholder in the commands
  ConfigMode config_mode = ConfigMode::kFiles;
  std::vector<Pipeline> pipelines;  // --pipeline: each written per application
};

// One decision and why it was taken (topic: "base image", "isolation"...).
struct Decision {
  std::string topic;
  std::string choice;
  std::string reason;
};

// kConsole: a program that keeps running (a self-hosted server): a
// Deployment. kJob: a console program that does its work and exits: a Job.
// kTask: a scheduled task: a CronJob per schedule.
enum class EntryKind { kIis, kService, kConsole, kJob, kTask };

// One CronJob of a scheduled task.
struct CronSchedule {
  std::string cron;       // five fields, checked by core/cron.hpp
  std::string time_zone;  // CronJob.spec.timeZone (IANA); "" = the cluster's own zone
  std::string trigger;    // the task's trigger it runs, readable
};

struct Port {
  int port = 0;
  std::string protocol = "TCP";
  std::string name;     // DNS-1123 label: "http", "msmq"
  std::string purpose;  // "HTTP (IIS site)"
};

struct VolumePlan {
  std::string name;  // DNS-1123 label: "app-data"
  std::string
      container_path;         // Windows path inside the container: "C:\\inetpub\\wwwroot\\App_Data"
  std::string size = "10Gi";  // the claim's storage request (a Kubernetes quantity)
  std::string reason;
  bool shared = true;  // every instance mounts it (ReadWriteMany); false: one instance only
  std::string holds;   // what is kept there, for BACKUP.md: "ASP.NET App_Data folder"
  // The application ships files in the folder: the image carries them beside
  // the mount point, at seed_path ("C:\\seed\\app-data", from the build
  // context's seed/NAME), and a first-run step copies the files missing on the
  // volume there (never overwriting one). "" = the volume starts empty.
  std::string seed_path;
  // Where the folder is in the build context's copy of the application
  // ("app/App_Data"): kept out of the application's folder in the image
  // (.dockerignore), since the volume hides it; its content is the seed.
  std::string context_data;
};

// A setting supplied by the orchestrator's configuration (not secret).
struct ConfigValue {
  std::string key;    // environment variable name: "ConnectionStrings__ReportingDb"
  std::string value;  // safe to store: no secret (masked text never reaches here)
  std::string reason;
};

// A secret the application needs: named only, its value never leaves the source.
struct SecretName {
  std::string key;   // environment variable / secret key: "ConnectionStrings__ContosoDb"
  std::string hint;  // the masked form ("...;Password=***") or what to put there
  std::string reason;
  std::string config_file;  // the config file that held it, relative to the source
  // The Secret key (a moved config file, "connectionStrings.config") that
  // carries it; "" when it reaches the app as the environment variable `key`.
  std::string file;
};

struct LogChannel {
  std::string name;   // "Application"
  std::string level;  // Critical, Error, Warning, Information, Verbose
};

struct LogFolder {
  std::string directory;  // "C:\\inetpub\\logs"
  std::string filter;     // "*.log"
  bool include_subdirectories = false;
};

struct EtwProvider {
  std::string name;
  std::string guid;  // without braces
  std::string level;
};

struct LogMonitorPlan {
  bool used = false;
  std::string reason;
  std::vector<LogChannel> channels;
  std::vector<LogFolder> folders;
  std::vector<EtwProvider> providers;
};

struct BuildStep {
  // A constructor, so {comment, command} still reads well without the supplied files.
  BuildStep() = default;
  BuildStep(std::string c, std::string cmd) : comment(std::move(c)), command(std::move(cmd)) {}

  std::string comment;
  std::string command;  // the RUN command (PowerShell on Server Core, cmd on Nano Server)
  // An installer or runtime liftshift cannot fetch (nothing is downloaded
  // that could not be verified): the build-context folder the user puts it
  // in ("installers/php", with a README.txt saying what), copied to
  // supplied_to before the RUN, which fails with that message while it is missing.
  std::string supplied;
  std::string supplied_to;    // "C:\PHP"
  std::string supplied_what;  // what goes there, for the README and MIGRATION.md
};

// A runtime the image installs from an installer the user puts into the build
// context's installers/ folder: liftshift downloads nothing for it.
struct RuntimeInstall {
  std::string name;       // "Visual C++ 2015-2022 Redistributable (x64)"
  std::string file;       // the installer's file name in installers/: "vc_redist.x64.exe"
  std::string arguments;  // its silent install: "/install /quiet /norestart"
  std::string reason;     // what needs it
};

// A file or folder of the application copied from its source Volume into the
// build context by the context writer (src/context). The planner decides what
// (the app's folders, IIS virtual directories on the system volume, a volume's
// seed); the writer copies exactly that and nothing else.
struct ContextCopy {
  std::string from;  // relative to the source root, '/' separators ("" = the source root)
  std::string to;    // relative to the app's output folder, '/' separators: "app", "seed/App_Data"
  bool folder = true;  // false: one file
  std::vector<std::string>
      exclude;         // relative to `from`, '/' separators: left out (other apps, logs)
  std::string reason;  // why it is copied ("the site's content", "seed of volume app-data")
  // Where the Dockerfile copies `to` in the image when it is not part of
  // context_folder's own COPY ("C:\\Shared\\Media" for a virtual directory
  // served from outside the site); "" = `to` is under context_folder or the
  // emitter that asked for it copies it (a volume's seed).
  std::string image_path;
  // > 0: a copy of more than this many MiB is left out whole, its folder
  // empty, with a warning (a seed from the server's data, kMaxDriveSeedBytes).
  int max_mib = 0;
};

// One section of a .NET configuration file moved out of it into a file of its
// own, which the configuration system reads back (configSource, or
// <appSettings file="...">). The moved file holds secrets: it is never in the
// build context; the orchestrator mounts it (AppPlan::secret_mount).
struct ConfigSectionMove {
  std::string section;  // element path from <configuration>: "connectionStrings", "appSettings",
                        // "system.web/machineKey"
  std::string file;  // the file it moves to, relative to the config's folder, Windows separators:
                     // "config\\connectionStrings.config"
  std::vector<std::string>
      keys;  // appSettings only: the keys that move (through file=); empty = the whole section
  std::string reason;
  // The key of this file in the Secret: its file name ("connectionStrings.config"),
  // prefixed by its folder for a nested config ("admin.connectionStrings.config").
  std::string secret_key;
  // What the Secret template shows for the file: the section's XML with a
  // placeholder (__SECRET__) in place of every secret, built from the masked
  // values. Never a secret value.
  std::string template_xml;
  // The section was read from a file of its own already (configSource=, or
  // appSettings file=) that holds secrets: that file (relative to the source
  // root, '/' separators) is not copied, its content is the Secret's value,
  // and the config's `from_attribute` ("configSource" or "file") now names
  // `file`. Both "" when the section moves out of the config itself.
  std::string from_file = {};
  std::string from_attribute = {};
};

// A value rewritten in place in the copied configuration (never a secret):
// a folder moved from D: to C:, a host name. The section is an element path
// from <configuration> (from the root of a log4net.config or NLog.config);
// the entry below it is an <add>, <setting>, <appender> or <target> whose
// key or name is `key` (none: the section element itself).
struct ConfigValueChange {
  std::string section;  // "appSettings", "connectionStrings", "log4net", "nlog/targets"...
  std::string key;      // the entry's key or name whose value changes ("" = the section)
  // The attribute rewritten ("value", "connectionString", "fileName"); on a
  // log4net appender "file" is its <file value> (or <param name="File">), on
  // a <setting> "value" is its <value> text.
  std::string attribute = "value";
  std::string to;  // the new value (not secret)
  std::string reason;
  // appsettings*.json: the environment variable that supplies the blanked
  // value ("ConnectionStrings__Db", "Smtp__Password"); "" otherwise.
  std::string variable = {};
  // The value replaced, as written ("D:\\Logs\\app.log"): the copy is changed
  // only where it still holds it. "" for a blanked secret (never in the plan).
  std::string from = {};
};

// How one configuration file of the application is rewritten when copied
// into the build context; the original is never copied as it was.
struct ConfigRewrite {
  std::string config;  // the config file, relative to the source root, '/' separators
  std::vector<ConfigSectionMove> moves;
  std::vector<ConfigValueChange> changes;
  // The folder in the container where the moved files are mounted (the
  // config's folder + "\\config"); "" when nothing moves. A nested web.config
  // has its own; AppPlan::secret_mount is the one of the app's own config.
  std::string secret_folder;
  // --config env: the config reads appSettings and connectionStrings from
  // environment variables through Microsoft.Configuration.ConfigurationBuilders
  // .Environment (the writer adds <configBuilders> and configBuilders= on both
  // sections, with the prefixes below stripped); the secret values are blanked
  // by `changes`, and only machineKey still moves.
  bool builders = false;
  // appsettings*.json (.NET): `changes` blank values by JSON path (section =
  // the parent's path with ':', key = the leaf); .NET's default host reads
  // each ConfigValueChange::variable over the JSON, no builder needed.
  bool json = false;
};

// What a moved file's template holds in place of each secret.
inline constexpr const char* kSecretPlaceholder = "__SECRET__";

// The prefixes of the environment variables the Environment config builder reads.
inline constexpr const char* kAppSettingsPrefix = "AppSettings__";
inline constexpr const char* kConnectionStringsPrefix = "ConnectionStrings__";
// The version of Microsoft.Configuration.ConfigurationBuilders.Environment
// (and .Base) the Dockerfile fetches and the rewritten config names.
inline constexpr const char* kBuildersVersion = "3.0.0";

// How the image is built: from a published folder, or from sources with an SDK stage.
struct BuildPlan {
  bool from_source = false;
  std::string
      sdk_image;  // "mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022"
  std::string solution;        // relative to the source root, '/' separators ("" = none)
  std::string project;         // the project to build, relative to the source root
  std::string context_folder;  // the folder under the build context with the files: "app" or "src"
  std::string copy_from;       // what the user copies into it (absolute or as given)
  std::string app_dir;         // where the application lives in the image: "C:\\app"
  bool dotnet_sdk = false;     // dotnet publish instead of nuget restore + msbuild
  bool web_publish = false;    // msbuild web publish (WebPublishMethod=FileSystem)
  // A project with several target frameworks: the .NET Framework one it is
  // built for ("net48"; "" = the project has one).
  std::string target_framework;
  std::vector<ContextCopy> copies;  // what the context writer puts into the build context
  // Set once the context writer has put `copies` into the build context
  // (containerize without --no-copy): the emitters then say the files are
  // there instead of telling the user to copy them; context_summary is what
  // was copied ("412 files, 3.1 MiB").
  bool context_written = false;
  std::string context_summary;
};

// One HTTP GET the orchestrator sends inside the pod (a probe, a healthcheck).
struct HttpCheck {
  std::string path;  // "/", "/orders/", "/health.htm"
  int port = 0;      // the container port
};

// How the orchestrator checks a web application: readiness on the
// application itself, liveness on something lighter (see plan/iis_site.cpp).
struct HealthPlan {
  bool used = false;
  HttpCheck readiness;
  HttpCheck liveness;
};

// What one instance of the application's container may use: Kubernetes
// quantities (cpu "500m" or "2", memory "1Gi"); the Deployment's requests and
// limits, compose's deploy.resources. A starting point by kind of
// application, not a measurement: the "resources" decision says why.
struct ResourcePlan {
  std::string cpu_request = "500m";
  std::string memory_request = "1Gi";
  std::string cpu_limit = "2";
  std::string memory_limit = "2Gi";
};

// What one deployment environment changes in its Kustomize overlay
// (k8s/overlays/dev, k8s/overlays/prod, k8s/overlays/NAME); core/environments.hpp.
struct EnvironmentPlan {
  std::string ingress_host;          // "" = the app's ingress_host (or its placeholder)
  std::string gmsa_credential_spec;  // the GMSACredentialSpec its pods use ("" = NAME-gmsa)
  std::string storage_class;         // of every PVC ("" = the cluster's default StorageClass)
};

// Another environment the plan names (staging, test...): k8s/overlays/NAME,
// with the plan's replicas and resources as prod has.
struct NamedEnvironmentPlan {
  std::string name;  // DNS-1123 label, not dev, prod or base
  EnvironmentPlan values;
};

struct Environments {
  EnvironmentPlan dev;
  EnvironmentPlan prod;
  std::vector<NamedEnvironmentPlan> more;  // in the plan's order, after dev and prod
};

// A blocker of a not-a-candidate application and the seed's workaround.
struct Blocker {
  std::string rule;
  std::string title;
  std::vector<std::string> evidence;
  std::string workaround;
};

// A finding that still needs attention, and what the artifacts already do about it.
struct FixItem {
  Finding finding;
  std::string covered;  // "" when nothing is done for it: fix by hand
};

struct AppPlan {
  std::string app_id;
  std::string app_name;
  std::string folder;    // safe sub-folder of OUT
  std::string k8s_name;  // DNS-1123 name for resources and the image
  std::string source;    // the source path as given
  std::string root;      // app folder relative to the source
  AppKind kind = AppKind::kConsole;
  Framework framework;
  Verdict verdict = Verdict::kReady;

  bool blocked = false;  // not-a-candidate: only BLOCKED.md is written
  std::vector<Blocker> blockers;
  std::vector<std::string> refusals;  // refused combinations: nothing is written for the app

  // Image and platform
  std::string base_image;                 // "mcr.microsoft.com/dotnet/framework/aspnet"
  std::string base_tag;                   // "4.8.1-windowsservercore-ltsc2022"
  std::string fallback;                   // the seed's fallback image or step, "" when none
  std::vector<BuildStep> fallback_steps;  // steps of the fallback (NetFx3), when any
  std::string fallback_image;             // full image reference of the fallback
  bool nano_server = false;
  WindowsVersion windows_version = WindowsVersion::kLtsc2022;
  std::string windows_build;  // the version's build, "10.0.20348": what Windows nodes must run
  Isolation isolation = Isolation::kProcess;
  Orchestrator orchestrator = Orchestrator::kKubernetes;
  std::string registry;
  std::vector<Pipeline> pipelines;  // CI pipelines to write (PlanOptions::pipelines)
  BuildPlan build;
  std::vector<BuildStep> steps;          // features enabled, keys created... in order
  std::vector<RuntimeInstall> installs;  // run after `steps`, before the application is copied
  // Run after the application is copied into the image: registrations of its
  // own files (COM servers: regsvr32, regasm, regsvcs), which must be there.
  std::vector<BuildStep> post_copy_steps;

  // Runtime
  EntryKind entry_kind = EntryKind::kConsole;
  std::string app_exe;    // the application's executable in the image: "C:\\app\\Contoso.Tool.exe"
  std::string entry_exe;  // the container's foreground process (app_exe, or ServiceMonitor)
  std::string entry_args;
  std::string service_name;  // Windows service (kService) or "w3svc" (kIis)
  bool download_service_monitor = false;
  std::string user;  // "ContainerUser" or "ContainerAdministrator"
  // A command the orchestrator runs in the container to check it is alive
  // and ready (exec probe), e.g. PowerShell testing the service's status.
  // Empty: no exec probe.
  std::vector<std::string> health_command;
  LogMonitorPlan log_monitor;

  std::vector<Port> ports;
  std::vector<VolumePlan> volumes;
  std::vector<ConfigValue> config;
  std::vector<SecretName> secrets;
  std::vector<ConfigRewrite> config_rewrites;  // configs rewritten when copied (secrets moved out)
  // The folder inside the container where the Secret holding the moved config
  // sections is mounted as a whole (Windows nodes mount no single files):
  // "C:\\inetpub\\wwwroot\\config". "" when nothing moves.
  std::string secret_mount;
  // Where the application answers inside the container: "/" or, for an IIS
  // application nested in its site, its path ("/orders").
  std::string url_path = "/";
  HealthPlan health;
  bool https = false;  // TLS at the ingress
  bool web = false;    // reachable over HTTP: Service + Ingress
  // Instances of a long-running application (the Deployment's replicas, the
  // HorizontalPodAutoscaler's minimum, compose's deploy.replicas); a Job or a
  // scheduled task runs one. The "scale" decision says why.
  int replicas = 1;
  bool autoscale = false;
  ResourcePlan resources;
  std::optional<std::string> schedule;  // cron of the first schedule
  std::string schedule_text;            // readable trigger of the first schedule
  std::vector<CronSchedule> schedules;  // kTask: every CronJob, the first is `schedule`
  bool gmsa = false;
  std::string gmsa_account;   // the gMSA name (placeholder when unknown)
  std::string domain;         // the gMSA's AD domain, DNS name ("" = a placeholder in the spec)
  std::string ingress_host;   // the Ingress host ("" = NAME.example.com, a placeholder)
  Environments environments;  // what the dev and prod overlays change
  bool msmq = false;
  bool msdtc = false;
  std::string hostname;  // stable hostname (MSDTC, MSMQ)

  std::vector<Decision> decisions;
  std::vector<std::string> warnings;
  std::vector<FixItem> to_fix;  // every change/info finding, with what the artifacts cover
};

// A data disk of a server source, as `plan` was given it (--disk, --server):
// containerize --plan opens it again to copy what lies on its drives.
struct PlanDisk {
  std::string source;  // the server it is a disk of (AppPlan::source)
  std::string path;    // as given
  std::string letter;  // "D:" when the user named it (--disk D:=PATH); "" = MountedDevices says
  std::vector<std::string> drives;  // the drive letters read from it: "D:"
};

struct Plan {
  PlanOptions options;
  std::vector<AppPlan> apps;
  std::vector<std::string> refusals;  // refused option combinations (whole run)
  std::vector<PlanDisk> disks;        // the servers' data disks
};

inline std::string to_string(WindowsVersion v) {
  switch (v) {
    case WindowsVersion::kLtsc2016:
      return "ltsc2016";
    case WindowsVersion::kLtsc2019:
      return "ltsc2019";
    case WindowsVersion::kLtsc2022:
      return "ltsc2022";
    case WindowsVersion::kLtsc2025:
      return "ltsc2025";
  }
  return "ltsc2022";
}

inline std::string to_string(Isolation i) { return i == Isolation::kHyperv ? "hyperv" : "process"; }

inline std::string to_string(Orchestrator o) {
  switch (o) {
    case Orchestrator::kKubernetes:
      return "kubernetes";
    case Orchestrator::kSwarm:
      return "swarm";
    case Orchestrator::kCompose:
      return "compose";
  }
  return "kubernetes";
}

inline std::string to_string(Pipeline p) {
  switch (p) {
    case Pipeline::kGithub:
      return "github";
    case Pipeline::kAzure:
      return "azure";
    case Pipeline::kGitlab:
      return "gitlab";
  }
  return "github";
}

// "github", "azure" or "gitlab" (--pipeline, the plan file); nullopt otherwise.
inline std::optional<Pipeline> parse_pipeline(std::string_view text) {
  for (Pipeline p : {Pipeline::kGithub, Pipeline::kAzure, Pipeline::kGitlab}) {
    if (to_string(p) == text) return p;
  }
  return std::nullopt;
}

}  // namespace liftshift
