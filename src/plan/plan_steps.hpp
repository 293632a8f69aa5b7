// The planner's steps, one file each. Each reads the assessment and what the
// earlier steps put in the AppPlan, and adds its decisions with reasons.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/plan.hpp"
#include "core/rule_ids.hpp"

namespace liftshift {

// The finding of a rule, or nullptr.
const Finding* find_finding(const AppAssessment& a, std::string_view rule);
inline bool has_finding(const AppAssessment& a, std::string_view rule) {
  return find_finding(a, rule) != nullptr;
}

void decide(AppPlan& plan, std::string topic, std::string choice, std::string reason);

// "C:\\X\\Y" or "%SystemDrive%\\X\\Y" as a path of the system volume ("X/Y",
// dot segments resolved); nullopt for other drives, shares and relative
// paths. context_copies.cpp.
std::optional<std::string> system_volume_path(std::string_view windows);

void plan_blockers(const AppAssessment& a, AppPlan& plan);  // blockers.cpp
void plan_platform(const AppAssessment& a, const PlanOptions& options,
                   AppPlan& plan);                        // platform.cpp
void plan_image(const AppAssessment& a, AppPlan& plan);   // image.cpp
void plan_build(const AppAssessment& a, AppPlan& plan);   // build.cpp
void plan_copies(const AppAssessment& a, AppPlan& plan);  // context_copies.cpp
// Other applications of the same source inside an app's copied folder are
// left out of its context (they get their own); context_copies.cpp.
void exclude_nested_apps(const Assessment& assessment, Plan& plan);
void plan_entry(const AppAssessment& a, AppPlan& plan);  // entry.cpp
// The "entrypoint" decision's choice: the program and its arguments (entry.cpp).
std::string entrypoint_choice(const AppPlan& plan);
void plan_iis_site(const AppAssessment& a, AppPlan& plan);  // iis_site.cpp
// appcmd in a PowerShell RUN line, and the check that stops the build when it fails.
inline constexpr std::string_view kAppcmd = "& $env:windir\\System32\\inetsrv\\appcmd.exe";
inline constexpr std::string_view kAppcmdCheck =
    "; if ($LASTEXITCODE -ne 0) { throw ('appcmd failed: ' + $LASTEXITCODE) }";
// What the sections a site's web.configs set that a fresh IIS locks need
// (iis_locked_sections.cpp): one step that unlocks them, and the IIS
// features their enabled authentication needs, each with the web.config
// element that needs it. The caller places both among the site's steps.
struct LockedSectionsPlan {
  std::optional<BuildStep> unlock;
  std::vector<std::pair<std::string, std::string>> features;  // {"Web-Windows-Auth", why}
  // The site's own web.config turns anonymous authentication off: an HTTP
  // probe of its pages gets 401.
  bool anonymous_off = false;
};
LockedSectionsPlan plan_locked_sections(const Application& app, AppPlan& plan);
// Whether one of the site's web.configs enables windowsAuthentication itself.
bool web_config_enables_windows_auth(const Application& app);
void plan_service(const AppAssessment& a, AppPlan& plan);                             // service.cpp
void plan_logging(const AppAssessment& a, AppPlan& plan);                             // logging.cpp
void plan_storage(const AppAssessment& a, AppPlan& plan);                             // storage.cpp
void plan_config(const AppAssessment& a, const PlanOptions& options, AppPlan& plan);  // config.cpp
// Run by plan_config, once the moves are known.
void plan_drive_paths(const AppAssessment& a, AppPlan& plan);  // config_drive_paths.cpp
void plan_features(const AppAssessment& a, AppPlan& plan);     // network.cpp
void plan_network(const AppAssessment& a, AppPlan& plan);      // network.cpp
// Replicas and cpu/memory (resources.cpp), after plan_network's scale decision.
void plan_resources(const AppAssessment& a, AppPlan& plan);
// The "resources" decision's choice for these values.
std::string resources_choice(const ResourcePlan& r);
// The planner's cpu/memory for this kind of application, and why (resources.cpp).
ResourcePlan default_resources(const AppPlan& plan);
std::string resources_reason(const AppPlan& plan);
// The dev and prod overlays' values (environments.cpp), after plan_resources.
void plan_environments(AppPlan& plan);
Environments default_environments(const AppPlan& plan);
// The "environments" decision's choice ("" when no environment sets anything).
std::string environments_choice(const AppPlan& plan);
// Adds a TCP port the container listens on, unless the plan has that port
// already; network.cpp.
void add_port(AppPlan& plan, int port, std::string name, std::string purpose);
// The "ports" decision's choice: the port numbers in order ("80, 808"); network.cpp.
std::string ports_choice(const std::vector<Port>& ports);
void plan_runtimes(const AppAssessment& a, AppPlan& plan);         // runtimes.cpp
void plan_com_servers(const AppAssessment& a, AppPlan& plan);      // com_servers.cpp (after build)
void plan_self_host_ports(const AppAssessment& a, AppPlan& plan);  // self_host_ports.cpp
void plan_fixes(const AppAssessment& a, AppPlan& plan);            // fixes.cpp
// The server's time zone set in the image (time_zone.cpp), after plan_platform.
void plan_time_zone(const AppAssessment& a, AppPlan& plan);

// Configuration files (config_paths.cpp).
// A .NET Framework XML configuration (web.config, NAME.exe.config, App.config),
// which the configuration system can split with configSource; not appsettings.json.
bool rewritable_config(std::string_view path);
// The config's path in the image: "C:\\inetpub\\wwwroot\\Web.config",
// "C:\\app\\Tool.exe.config" (a source tree's App.config, as the build writes it).
std::string container_config_path(const AppPlan& plan, const std::string& config);
// The folder of a Windows path ("C:\\app\\Tool.exe.config" -> "C:\\app").
std::string container_folder(const std::string& windows_path);
// The Secret key of a moved file mounted in `folder`: the file name for the
// app's own folder, "admin.connectionStrings.config" for a nested one.
std::string secret_key_for(const AppPlan& plan, const std::string& folder,
                           const std::string& file_name);
// The rewrite of one config (added when absent).
ConfigRewrite& config_rewrite(AppPlan& plan, const std::string& config);

// The moved files' content for the Secret template (config_templates.cpp),
// from masked facts, with kSecretPlaceholder for each secret.
std::string connection_strings_template(const ConfigFacts& c);
std::string app_settings_template(const ConfigFacts& c, const std::vector<std::string>& keys);
std::string machine_key_template(const ConfigFacts& c);
// The authentication section holding forms authentication's <credentials>,
// every password a placeholder (c.forms_credentials must be set).
std::string forms_credentials_template(const ConfigFacts& c);

// Names (names.cpp).
std::string safe_folder_name(std::string_view app_id);
std::string dns_label(std::string_view text, std::size_t max = 50);
std::string env_key(std::string_view prefix, std::string_view name);
// "D:\\Logs\\web.log" -> "C:\\Logs\\web.log" (the container has only C:); others unchanged.
std::string to_c_drive(std::string_view windows_path);
bool is_unc(std::string_view path);
bool is_other_drive(std::string_view path);
// A folder the container can mount a volume at: C:\\ and names Windows
// accepts as they are (none empty, none ending in '.' or a blank, so no "."
// or ".." either, no control character, none of / : * ? " < > |), at most
// 240 characters, no trailing backslash.
bool is_container_folder(std::string_view path);
// Last path component of a '/' or '\\' path.
std::string base_name(std::string_view path);
std::string strip_exe(std::string_view file);

}  // namespace liftshift
