// Rules from the seed's "Background services", "Scheduled tasks" and "Event
// logging" subsections: what keeps a container alive and where its logs go.
#include "core/text.hpp"
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

namespace {

const char* start_mode(int start) {
  return start == 2 ? "automatic" : start == 3 ? "manual" : start == 4 ? "disabled" : "boot/system";
}

}  // namespace

Evidence check_background_service(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  // A program that only manages a service (ServiceController) is not one.
  if (!app.service && app.kind != AppKind::kService) return out;
  append(out, app.kind_evidence);
  if (!app.service_name.empty() && app.service_name_trail.empty()) {
    out.push_back("its installer names the service " + app.service_name);
  } else if (!app.service_name.empty()) {
    std::string through;
    for (std::size_t i = 1; i < app.service_name_trail.size(); ++i)
      through += (i > 1 ? ", " : "") + app.service_name_trail[i];
    out.push_back(
        "the source names the service " + app.service_name + ": " + app.service_name_trail.front() +
        (through.empty() ? "" : ", through " + through) +
        (app.service_name_setting.empty()
             ? ""
             : " (a default: the setting " + app.service_name_setting + " overrides it)"));
  }
  if (app.service) {
    out.push_back("registered service " + app.service->name + " (" +
                  start_mode(app.service->start) + ", runs as " + app.service->account +
                  "): " + app.service->image_path);
  }
  append(out, service_evidence(app));
  return out;
}

Evidence check_interactive_console(const Application& app, RuleResults& /*results*/) {
  // A site or a desktop program has no Main of its own that keeps it alive.
  if (app.kind == AppKind::kWeb || app.kind == AppKind::kDesktop) return {};
  // A Windows service's console branch is for debugging: the service control
  // manager (ServiceMonitor in the container) starts it without one.
  if (!service_evidence(app).empty()) return {};
  Evidence waits = source_hits(app, SourceCategory::kConsoleWait);
  if (waits.empty()) return waits;
  Evidence out{
      "Main waits on the console: in a container without -it, Console.ReadLine returns null at "
      "once (the host exits) and Console.ReadKey throws InvalidOperationException"};
  append(out, std::move(waits));
  return out;
}

Evidence check_scheduled_task(const Application& app, RuleResults& /*results*/) {
  Evidence out;
  if (app.task) {
    std::string when;
    for (const auto& t : app.task->triggers) when += (when.empty() ? "" : "; ") + t.text;
    out.push_back("scheduled task " + app.task->path + " runs " + app.task->command +
                  (when.empty() ? "" : " " + when) +
                  (app.task->cron.empty() ? "" : " (cron \"" + app.task->cron + "\")"));
  } else if (app.kind == AppKind::kTask) {
    out.push_back(app.entry + ": started by the Task Scheduler");
  }
  for (const char* lib : {"Quartz", "Hangfire", "FluentScheduler", "Microsoft.Win32.TaskScheduler",
                          "TaskScheduler"}) {
    append(out, uses_assembly(app, lib));
  }
  append(out, project_packages(app, "Hangfire"));
  append(out, refs_type(app, "Microsoft.Win32.TaskScheduler."));
  append(out, source_hits(app, SourceCategory::kScheduler));
  return out;
}

namespace {

// A logging framework's own assembly can write to the event log, but whether
// it does is its configuration's say (read from the app's configs).
bool logging_framework(const BinaryFacts& b) {
  std::string_view name = b.assembly_name;
  if (name.empty()) {
    name = b.path;
    if (auto slash = name.rfind('/'); slash != std::string_view::npos)
      name.remove_prefix(slash + 1);
    if (auto dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(0, dot);
  }
  return iequals(name, "log4net") || iequals(name, "NLog") || iequals(name, "Serilog") ||
         iequals(name, "Common.Logging") ||
         iequals(name, "Microsoft.Practices.EnterpriseLibrary.Logging");
}

}  // namespace

Evidence check_event_log(const Application& app_in, RuleResults& results) {
  // The binaries' evidence comes from the app's own code, not from a logging
  // framework it ships; the rest of the app is read as it is.
  Application own;
  for (const auto& b : app_in.binaries) {
    if (!logging_framework(b)) own.binaries.push_back(b);
  }
  const Application& app = app_in;
  LogUse& logs = results.logs;
  Evidence out;
  // Each piece of evidence says whether it is the event log or ETW.
  auto add = [&](Evidence more, bool& flag) {
    if (!more.empty()) flag = true;
    append(out, std::move(more));
  };
  add(refs_member(own, "System.Diagnostics.EventLog::WriteEntry"), logs.event_log);
  add(refs_type(own, "System.Diagnostics.EventLog",
                {"System", "System.Diagnostics.EventLog", "netstandard"}),
      logs.event_log);
  add(refs_type(own, "System.Diagnostics.Tracing.EventSource",
                {"mscorlib", "System.Runtime", "System.Diagnostics.Tracing", "netstandard",
                 "System.Private.CoreLib"}),
      logs.etw);
  add(imports_function(own, "advapi32.dll", "ReportEvent"), logs.event_log);
  add(imports_function(own, "advapi32.dll", "RegisterEventSource"), logs.event_log);
  add(imports_function(own, "advapi32.dll", "EventWrite"), logs.etw);
  add(imports_function(own, "advapi32.dll", "EventWriteTransfer"), logs.etw);
  add(imports_function(own, "advapi32.dll", "EventWriteString"), logs.etw);
  add(source_hits(app, SourceCategory::kEventLog), logs.event_log);
  add(source_hits(app, SourceCategory::kEtw), logs.etw);
  for (const auto& c : app.configs) {
    for (const auto& s : c.event_log_sources) {
      out.push_back(c.path + ": writes to the Event Log as " + s);
      logs.event_sources.push_back(s);
      logs.event_log = true;
    }
    for (const auto& p : c.log_paths) {
      out.push_back(c.path + ": log file " + p);
      logs.files.push_back(p);
    }
  }
  append(out, markers(app, MarkerCategory::kLogFolder));
  append(out, markers(app, MarkerCategory::kLogFile));
  return out;
}

}  // namespace liftshift
