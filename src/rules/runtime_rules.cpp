// Rules from the seed's "Background services", "Scheduled tasks" and "Event
// logging" subsections: what keeps a container alive and where its logs go.
#include "core/text.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

Evidence background_service(const Application& app) { return service_evidence(app); }

Evidence scheduled_task(const Application& app) {
  Evidence out;
  if (app.kind == AppKind::kTask) out.push_back(app.entry + ": started by the Task Scheduler");
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
    for (const auto& s : c.event_log_sources) out.push_back(c.path + ": writes to the Event Log as " + s);
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
