// Entrypoint and user (seed: "Background services", "Scheduled tasks", IIS,
// "Container user account"; FACTS.md: ServiceMonitor).
#include <algorithm>

#include "core/app_queries.hpp"
#include "core/powershell_quote.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// First token of a command line (quoted or not).
std::string first_token(std::string_view cmd) {
  std::string s = trim(cmd);
  if (!s.empty() && s[0] == '"') {
    auto end = s.find('"', 1);
    return s.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  }
  return s.substr(0, s.find(' '));
}

std::string exe_name(const Application& app) {
  if (app.service && !app.service->image_path.empty())
    return base_name(first_token(app.service->image_path));
  if (app.task && !app.task->command.empty()) return base_name(first_token(app.task->command));
  if (const BinaryFacts* b = entry_binary(app); b != nullptr && !b->is_dll)
    return base_name(b->path);
  for (const auto& p : app.projects) {
    if (to_forward_slashes(p.path) != to_forward_slashes(app.entry)) continue;
    std::string name = p.assembly_name.empty() ? base_name(p.path) : p.assembly_name;
    auto dot = name.rfind(".csproj");
    if (dot == std::string::npos) dot = name.rfind(".vbproj");
    return (dot == std::string::npos ? name : name.substr(0, dot)) + ".exe";
  }
  return base_name(app.entry);
}

// Through the one PowerShell quoting (typographic quotes, control characters).
std::string ps_quote(std::string_view s) { return ps_literal(s); }

void plan_iis(const AppAssessment& a, AppPlan& plan) {
  plan.entry_kind = EntryKind::kIis;
  plan.service_name = "w3svc";
  plan.entry_exe = "C:\\ServiceMonitor.exe";
  plan.entry_args = "w3svc";
  bool image_has_it = plan.base_image.find("dotnet/framework/aspnet") != std::string::npos ||
                      plan.base_image.find("dotnet/framework/wcf") != std::string::npos;
  plan.download_service_monitor = !image_has_it;
  plan_iis_site(a, plan);  // the site, its pool (ServiceMonitor's argument) and health checks
  decide(
      plan, "entrypoint", "C:\\ServiceMonitor.exe " + plan.entry_args,
      std::string("IIS runs as the W3SVC service; ServiceMonitor keeps the container in the "
                  "foreground, exits "
                  "when W3SVC stops and copies the container's environment into the app pool it is "
                  "given, the site's own. ") +
          (image_has_it
               ? "The " + plan.base_image.substr(plan.base_image.rfind('/') + 1) +
                     " image already carries C:\\ServiceMonitor.exe"
               : "The base image does not carry it: the Dockerfile downloads release v2.0.1.10"));
}

void plan_service(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  plan.entry_kind = EntryKind::kService;
  plan.service_name = app.service                 ? app.service->name
                      : !app.service_name.empty() ? app.service_name
                                                  : strip_exe(base_name(plan.app_exe));
  if (!app.service && app.service_name.empty()) {
    plan.warnings.push_back(
        "the service name '" + plan.service_name +
        "' comes from the executable's name: check it against ServiceBase.ServiceName");
  }
  std::string cmd = "New-Service -Name " + ps_quote(plan.service_name) + " -BinaryPathName " +
                    ps_quote(plan.app_exe) + " -StartupType Manual";
  std::vector<std::string> deps =
      app.service ? app.service->depends_on : std::vector<std::string>{};
  if (has_finding(a, rule_id::kMsmq) && std::find(deps.begin(), deps.end(), "MSMQ") == deps.end())
    deps.push_back("MSMQ");
  if (!deps.empty()) {
    cmd += " -DependsOn ";
    for (std::size_t i = 0; i < deps.size(); ++i) cmd += (i ? "," : "") + ps_quote(deps[i]);
  }
  plan.steps.push_back({"Install the Windows service (ServiceMonitor starts it)", cmd});
  plan.download_service_monitor = true;
  plan.entry_exe = "C:\\ServiceMonitor.exe";
  // entry_args is a command line: a name with a space is one quoted argument.
  plan.entry_args = plan.service_name.find(' ') == std::string::npos
                        ? plan.service_name
                        : "\"" + plan.service_name + "\"";
  decide(plan, "entrypoint", "C:\\ServiceMonitor.exe " + plan.service_name,
         "a Windows service runs in the background; the seed asks for a foreground process that "
         "starts it and "
         "keeps the container running: ServiceMonitor (release v2.0.1.10) starts the service, "
         "watches it and "
         "exits when it stops, so the orchestrator restarts the container");
  if (app.service && !app.service->account.empty() &&
      app.service->account.find('\\') != std::string::npos &&
      !istarts_with(app.service->account, "NT AUTHORITY") &&
      !istarts_with(app.service->account, "NT SERVICE")) {
    plan.warnings.push_back(
        "the service ran as " + app.service->account +
        "; containers can't be domain-joined: it runs as LocalSystem in the container and "
        "reaches the network as the gMSA");
  }
}

}  // namespace

void plan_entry(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  std::string exe = exe_name(app);
  plan.app_exe = plan.build.app_dir + "\\" + exe;
  plan.entry_exe = plan.app_exe;
  bool netfx_or_native = plan.framework.kind != "dotnet";
  bool full_server = plan.base_image == "mcr.microsoft.com/windows/server" ||
                     plan.base_image == "mcr.microsoft.com/windows";
  if ((plan.kind == AppKind::kWeb || plan.kind == AppKind::kWcf) && netfx_or_native &&
      !full_server) {
    plan_iis(a, plan);
  } else if (plan.kind == AppKind::kService && netfx_or_native) {
    plan_service(a, plan);
  } else if (plan.kind == AppKind::kTask || app.task) {
    plan.entry_kind = EntryKind::kTask;
    if (app.task) plan.entry_args = app.task->arguments;
    decide(plan, "entrypoint",
           plan.entry_exe + (plan.entry_args.empty() ? "" : " " + plan.entry_args),
           "a scheduled task: the container runs the task's program once and exits; the "
           "orchestrator's "
           "scheduler starts it (seed: let the orchestrator handle the trigger instead of keeping "
           "a container "
           "waiting)");
  } else {
    plan.entry_kind = EntryKind::kConsole;
    decide(plan, "entrypoint", plan.entry_exe,
           plan.framework.kind == "dotnet" && plan.kind == AppKind::kService
               ? "a .NET worker service runs as a console process in the container (no service "
                 "control manager "
                 "needed)"
               : "a console application: the executable is the container's foreground process");
  }

  bool admin = plan.entry_kind == EntryKind::kIis || plan.entry_kind == EntryKind::kService;
  plan.user = admin ? "ContainerAdministrator" : "ContainerUser";
  if (plan.entry_kind == EntryKind::kIis) {
    decide(plan, "user", plan.user,
           "ServiceMonitor must stop and start the W3SVC service, which needs administrator "
           "rights; the site's "
           "code still runs as the app pool identity, not as the container user");
  } else if (plan.entry_kind == EntryKind::kService) {
    decide(plan, "user", plan.user,
           "background-service finding: ServiceMonitor starts the service through the service "
           "control manager, "
           "which needs administrator rights; the seed's ContainerUser can't do that");
  } else {
    decide(plan, "user", plan.user,
           "no finding needs elevated rights: the seed recommends ContainerUser over the default "
           "ContainerAdmin" +
               std::string(has_finding(a, rule_id::kRegistryDependency)
                               ? " (registry-dependency: create the keys at build time, where the "
                                 "build runs as "
                                 "administrator)"
                               : ""));
  }

  // Event sources are registered at build time (needs administrator rights).
  if (!plan.nano_server) {
    for (const auto& c : app.configs) {
      for (const auto& src : c.event_log_sources) {
        plan.steps.push_back(
            {"Register the event source the application writes to (needs admin: done at build)",
             "New-EventLog -LogName Application -Source " + ps_quote(src)});
      }
    }
  }
}

}  // namespace liftshift
