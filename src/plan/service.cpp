// A Windows service in the container (seed: "Background services"): installed
// as the server had it (name, display name, start type, account,
// dependencies), started and watched by ServiceMonitor, its status checked by
// the orchestrator's probes.
#include <algorithm>

#include "core/app_queries.hpp"
#include "core/command_line.hpp"
#include "core/powershell_quote.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// Through the one PowerShell quoting (typographic quotes, control characters).
std::string ps_quote(std::string_view s) { return ps_literal(s); }

bool is_builtin_account(std::string_view account) {
  return iequals(account, "NT AUTHORITY\\NetworkService") ||
         iequals(account, "NT AUTHORITY\\NETWORK SERVICE") ||
         iequals(account, "NT AUTHORITY\\LocalService") ||
         iequals(account, "NT AUTHORITY\\LOCAL SERVICE");
}

bool is_local_system(std::string_view account) {
  return account.empty() || iequals(account, "LocalSystem") || iequals(account, ".\\LocalSystem") ||
         iequals(account, "NT AUTHORITY\\SYSTEM");
}

// A database engine or another application's service is not in this image.
bool stays_on_another_host(const Application& app, std::string_view dep) {
  for (std::string_view db : {"MSSQL", "SQLAgent", "SQLBrowser", "MySQL", "postgresql",
                              "OracleService", "MongoDB", "Redis"}) {
    if (istarts_with(dep, db)) return true;
  }
  if (!app.machine) return false;
  for (const auto& s : app.machine->services) {
    if (iequals(s.name, dep)) return !s.microsoft;
  }
  return false;
}

std::string start_type(int start) {
  switch (start) {
    case 2:
      return "Automatic";
    case 4:
      return "Disabled";
    default:
      return "Manual";
  }
}

}  // namespace

void plan_service(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  plan.entry_kind = EntryKind::kService;
  plan.service_name = app.service                 ? app.service->name
                      : !app.service_name.empty() ? app.service_name
                                                  : strip_exe(base_name(plan.app_exe));
  if (!app.service && app.service_name.empty()) {
    plan.warnings.push_back(
        "the service name '" + plan.service_name + "' comes from the executable's name: " +
        (!app.service_name_trail.empty()
             ? "the source sets it from " + app.service_name_trail.front() +
                   ", which liftshift could not follow to a literal: check it"
         : app.framework.kind == FrameworkKind::kNative
             ? std::string("check it against the name the program's service table gives "
                           "StartServiceCtrlDispatcher")
             : std::string("check it against ServiceBase.ServiceName")));
  }
  if (!app.service && !app.service_name.empty() && !app.service_name_setting.empty()) {
    plan.warnings.push_back("the service name '" + app.service_name +
                            "' is the source's default: the setting '" + app.service_name_setting +
                            "' overrides it; set that setting in the image's configuration "
                            "if the server used another name");
  }
  // The server's registry, else what the project's installer registers.
  const ServiceInfo* registered = app.service     ? &*app.service
                                  : app.installer ? &*app.installer
                                                  : nullptr;
  std::string display = registered && !registered->display_name.empty() ? registered->display_name
                                                                        : plan.service_name;
  // The arguments the server started the program with stay on the service's
  // binary path (a service reads them in Main), quoted as Windows expects.
  std::string binary_path = "\"" + plan.app_exe + "\"";
  std::string args = app.service ? split_command_line(app.service->image_path).arguments : "";
  if (!args.empty()) binary_path += " " + args;
  // ServiceMonitor starts the service itself: Automatic or Manual makes no
  // difference in the container; a disabled one could not be started.
  std::string start = start_type(registered ? registered->start : 3);
  if (start == "Disabled") {
    plan.warnings.push_back("the service " + plan.service_name +
                            (app.service ? " is disabled on the server"
                                         : " is registered disabled by the project's installer") +
                            "; the image installs it as Manual so "
                            "ServiceMonitor can start it: check it should run at all");
    start = "Manual";
  }
  std::string cmd = "New-Service -Name " + ps_quote(plan.service_name) + " -DisplayName " +
                    ps_quote(display) + " -BinaryPathName " + ps_quote(binary_path) +
                    " -StartupType " + start;

  std::string account = registered ? registered->account : "";
  std::string account_choice = "LocalSystem";
  if (is_builtin_account(account)) {
    // A built-in account has no password: an empty SecureString.
    cmd += " -Credential (New-Object System.Management.Automation.PSCredential(" +
           ps_quote(account) + ", (New-Object System.Security.SecureString)))";
    account_choice = account;
  } else if (!is_local_system(account)) {
    bool domain = account.find('\\') != std::string::npos && !istarts_with(account, "NT ") &&
                  !istarts_with(account, ".\\");
    plan.warnings.push_back(
        (app.service ? "the service ran as " + account
         : account == "User"
             ? std::string("the project's installer asks for a user account at install")
             : "the project's installer registers the service to run as " + account) +
        (domain ? "; containers can't be domain-joined and the image holds no password: it runs "
                  "as LocalSystem in the container and reaches the network as the gMSA (the "
                  "pod's credential spec), which must be granted what " +
                      account + " was granted"
                : "; that account does not exist in the container and the image holds no "
                  "password: it runs as LocalSystem"));
  }

  std::vector<std::string> deps;
  for (const auto& d : registered ? registered->depends_on : std::vector<std::string>{}) {
    if (stays_on_another_host(app, d)) {
      plan.warnings.push_back("the service depended on " + d +
                              ", which is not in this image (another application or a database): "
                              "the dependency is left out; reach it over the network");
      continue;
    }
    deps.push_back(d);
  }
  if (has_finding(a, rule_id::kMsmq) && std::find(deps.begin(), deps.end(), "MSMQ") == deps.end())
    deps.push_back("MSMQ");
  if (!deps.empty()) {
    cmd += " -DependsOn ";
    for (std::size_t i = 0; i < deps.size(); ++i) cmd += (i ? "," : "") + ps_quote(deps[i]);
  }
  plan.steps.push_back(
      {"Install the Windows service as the server had it (ServiceMonitor starts it)", cmd});
  decide(plan, "service", plan.service_name + " (" + start + ", " + account_choice + ")",
         std::string(app.service ? "name, display name, start type, account and dependencies "
                                   "from the server's registry"
                     : app.service_name.empty() ? "named after its executable"
                     : !app.service_name_trail.empty()
                         ? "name followed in the source from " + app.service_name_trail.front()
                         : "name from the project's service installer") +
             (!app.service && app.installer
                  ? "; display name, start type, account and dependencies the installer sets "
                    "from it"
                  : "") +
             (account_choice == "LocalSystem" && !is_local_system(account)
                  ? "; account LocalSystem instead of " + account + " (Warnings)"
                  : ""));

  plan.download_service_monitor = true;
  plan.entry_exe = "C:\\ServiceMonitor.exe";
  // One argument, even when the name has a blank in it.
  plan.entry_args = plan.service_name.find(' ') == std::string::npos
                        ? plan.service_name
                        : "\"" + plan.service_name + "\"";
  decide(plan, "entrypoint", entrypoint_choice(plan),
         "a Windows service runs in the background; the seed asks for a foreground process that "
         "starts it and keeps the container running: ServiceMonitor (release v2.0.1.10) starts "
         "the service, watches it and exits when it stops, so the orchestrator restarts the "
         "container");

  if (plan.nano_server) {
    plan.health_command = {"cmd", "/S", "/C",
                           "sc.exe query \"" + plan.service_name + "\" | findstr /C:RUNNING"};
  } else {
    plan.health_command = {"powershell", "-NoProfile", "-Command",
                           "if ((Get-Service -Name " + ps_quote(plan.service_name) +
                               ").Status -ne 'Running') { exit 1 }"};
  }
  decide(plan, "health", "the service's status (Get-Service " + plan.service_name + ")",
         "a service opens no port the orchestrator could test: the probes ask the service "
         "control manager whether the service is running");
}

}  // namespace liftshift
