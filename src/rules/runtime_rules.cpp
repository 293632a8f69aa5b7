// Rules from the seed's "Background services", "Scheduled tasks" and "Event
// logging" subsections: what keeps a container alive and where its logs go.
#include "core/text.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

const char* start_mode(int start) {
  return start == 2 ? "automatic" : start == 3 ? "manual" : start == 4 ? "disabled" : "boot/system";
}

Evidence background_service(const Application& app) {
  Evidence out;
  // A program that only manages a service (ServiceController) is not one.
  if (!app.service && app.kind != AppKind::kService) return out;
  append(out, app.kind_evidence);
  if (!app.service_name.empty())
    out.push_back("its installer names the service " + app.service_name);
  if (app.service) {
    out.push_back("registered service " + app.service->name + " (" +
                  start_mode(app.service->start) + ", runs as " + app.service->account +
                  "): " + app.service->image_path);
  }
  append(out, service_evidence(app));
  return out;
}

Evidence scheduled_task(const Application& app) {
  Evidence out;
  if (app.task) {
    std::string when;
    for (const auto& t : app.task->triggers) when += (when.empty() ? "" : "; ") + t;
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
  append(out, source_hits(app, "scheduler"));
  return out;
}

Evidence event_log(const Application& app) {
  Evidence out = refs_member(app, "EventLog::WriteEntry");
  append(out, refs_type(app, "System.Diagnostics.EventLog"));
  append(out, refs_type(app, "System.Diagnostics.Tracing.EventSource"));
  for (const char* fn : {"ReportEvent", "RegisterEventSource", "EventWrite"}) {
    append(out, imports_function(app, "advapi32.dll", fn));
  }
  append(out, source_hits(app, "eventlog"));
  append(out, source_hits(app, "etw"));
  for (const auto& c : app.configs) {
    for (const auto& s : c.event_log_sources)
      out.push_back(c.path + ": writes to the Event Log as " + s);
    for (const auto& p : c.log_paths) out.push_back(c.path + ": log file " + p);
  }
  append(out, markers(app, "log-folder"));
  append(out, markers(app, "log-file"));
  return out;
}

}  // namespace

void register_runtime_rules(RuleRegistry& registry) {
  registry["background-service"] = background_service;
  registry["scheduled-task"] = scheduled_task;
  registry["event-log"] = event_log;
}

}  // namespace liftshift
