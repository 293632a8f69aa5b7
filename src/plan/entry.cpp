// Entrypoint and user (seed: "Background services", "Scheduled tasks", IIS,
// "Container user account"; FACTS.md: ServiceMonitor).
#include <algorithm>

#include "core/app_queries.hpp"
#include "core/command_line.hpp"
#include "core/powershell_quote.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// The program a service or a task runs, as Windows finds it in its command
// line (an unquoted "C:\\Program Files\\..." path keeps its spaces).
CommandLine program_of(const Application& app) {
  if (app.service && !app.service->image_path.empty())
    return split_command_line(app.service->image_path);
  if (app.task && !app.task->command.empty())
    return split_command_line(app.task->command, {}, /*whole_when_unsure=*/true);
  return {};
}

bool is_windows_program(std::string_view path) {
  return istarts_with(path, "C:\\Windows\\") || istarts_with(path, "%SystemRoot%\\") ||
         istarts_with(path, "%windir%\\");
}

std::string exe_name(const Application& app) {
  if (CommandLine c = program_of(app); !c.program.empty()) return base_name(c.program);
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

// A program that keeps running: a server it hosts itself, a web or WCF
// program, a service. Anything else does its work and exits.
bool long_running(const Application& app) {
  return app.self_host != SelfHost::kNone || app.kind == AppKind::kWeb ||
         app.kind == AppKind::kWcf || app.kind == AppKind::kService;
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
      plan, "entrypoint", entrypoint_choice(plan),
      std::string("IIS runs as the W3SVC service; ServiceMonitor keeps the container in the "
                  "foreground, exits "
                  "when W3SVC stops and copies the container's environment into the app pool it is "
                  "given, the site's own. ") +
          (image_has_it
               ? "The " + plan.base_image.substr(plan.base_image.rfind('/') + 1) +
                     " image already carries C:\\ServiceMonitor.exe"
               : "The base image does not carry it: the Dockerfile downloads release v2.0.1.10"));
}

}  // namespace

std::string entrypoint_choice(const AppPlan& plan) {
  return plan.entry_exe + (plan.entry_args.empty() ? "" : " " + plan.entry_args);
}

void plan_entry(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  std::string exe = exe_name(app);
  plan.app_exe = plan.build.app_dir + "\\" + exe;
  plan.entry_exe = plan.app_exe;
  bool netfx_or_native = plan.framework.kind != FrameworkKind::kDotnet;
  bool full_server = plan.base_image == "mcr.microsoft.com/windows/server" ||
                     plan.base_image == "mcr.microsoft.com/windows";
  if ((plan.kind == AppKind::kWeb || plan.kind == AppKind::kWcf) && netfx_or_native &&
      !full_server) {
    plan_iis(a, plan);
  } else if (plan.kind == AppKind::kService && netfx_or_native) {
    plan_service(a, plan);
  } else if (plan.kind == AppKind::kTask || app.task) {
    plan.entry_kind = EntryKind::kTask;
    if (app.task) {
      // What followed a quoted program in Command comes before the Arguments.
      CommandLine c = program_of(app);
      if (is_windows_program(c.program)) {
        // cmd, PowerShell, cscript: in the image at the same place; the script they run is not.
        plan.app_exe = c.program;
        plan.entry_exe = c.program;
        plan.warnings.push_back(
            "the task runs " + c.program +
            ", a program of Windows: the paths in its arguments are the server's; check that "
            "the script it runs is in the image at that path");
      }
      plan.entry_args = c.arguments;
      if (!app.task->arguments.empty())
        plan.entry_args += (plan.entry_args.empty() ? "" : " ") + app.task->arguments;
    }
    decide(plan, "entrypoint", entrypoint_choice(plan),
           "a scheduled task: the container runs the task's program once and exits; the "
           "orchestrator's "
           "scheduler starts it (seed: let the orchestrator handle the trigger instead of keeping "
           "a container "
           "waiting)");
  } else if (long_running(app)) {
    plan.entry_kind = EntryKind::kConsole;
    decide(plan, "entrypoint", entrypoint_choice(plan),
           plan.framework.kind == FrameworkKind::kDotnet && plan.kind == AppKind::kService
               ? "a .NET worker service runs as a console process in the container (no service "
                 "control manager "
                 "needed)"
           : app.self_host != SelfHost::kNone
               ? "the program hosts its server itself (" + to_string(app.self_host) +
                     "): the executable is the container's foreground process and keeps running "
                     "(a Deployment), no IIS"
               : "the executable is the container's foreground process and keeps running");
  } else {
    plan.entry_kind = EntryKind::kJob;
    decide(plan, "entrypoint", entrypoint_choice(plan),
           "a console program that does its work and exits: it runs as a Kubernetes Job (run to "
           "completion, restarted only on failure), not a Deployment that would restart it "
           "forever");
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
