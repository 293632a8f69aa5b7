// Log Monitor (seed: "Event logging"; FACTS.md: LogMonitor): used when the
// application logs anywhere but stdout; its sources come from the evidence.
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

void add_folder(LogMonitorPlan& lm, LogFolder folder) {
  for (const auto& f : lm.folders) {
    if (f.directory == folder.directory && f.filter == folder.filter) return;
  }
  lm.folders.push_back(std::move(folder));
}

}  // namespace

void plan_logging(const AppAssessment& a, AppPlan& plan) {
  const LogUse& logs = a.results.logs;  // what the event-log rule found
  LogMonitorPlan& lm = plan.log_monitor;
  std::vector<std::string> why;
  if (logs.event_log || plan.entry_kind == EntryKind::kService) {
    lm.channels.push_back({"Application", "Information"});
    why.push_back("the application writes to the Application event log");
  }
  for (const auto& p : logs.files) {
    if (is_unc(p)) {
      plan.warnings.push_back("log file " + p +
                              " is on a share: write it inside the container so Log Monitor "
                              "can forward it");
      continue;
    }
    std::string local = to_c_drive(p);
    auto slash = local.rfind('\\');
    if (slash == std::string::npos) continue;
    std::string file = local.substr(slash + 1);
    add_folder(lm, {local.substr(0, slash), file.empty() ? "*.log" : file + "*", false});
    why.push_back(
        "log file " + p +
        (local != p ? " (on a drive the container doesn't have: point it at " + local + ")" : ""));
  }
  if (plan.entry_kind == EntryKind::kIis) {
    add_folder(lm, {"C:\\inetpub\\logs", "*.log", true});
    lm.providers.push_back(
        {"IIS: WWW Server", "3A2A4E84-4C21-4981-AE10-3FDA0D9B0F83", "Information"});
    lm.providers.push_back(
        {"Microsoft-Windows-IIS-Logging", "7E8AD27F-B271-4EA2-A783-A47BDE29143B", "Information"});
    why.push_back("IIS writes its logs to C:\\inetpub\\logs and to ETW");
  }
  if (logs.etw) {
    plan.warnings.push_back(
        "the application writes ETW events: add its provider GUID to LogMonitorConfig.json");
  }
  if (why.empty()) {
    decide(plan, "logging", "stdout",
           "no event log, log file or ETW use found: the application's console output "
           "is what docker logs and kubectl logs show");
    return;
  }
  lm.used = true;
  lm.channels.push_back({"System", "Error"});
  std::string reason;
  for (std::size_t i = 0; i < why.size(); ++i) reason += (i ? "; " : "") + why[i];
  lm.reason = reason;
  decide(plan, "logging", "Log Monitor",
         "Windows logs don't reach stdout by themselves: " + reason +
             ". LogMonitor.exe wraps the entrypoint through SHELL, so ENTRYPOINT is in shell form "
             "(exec form would "
             "bypass SHELL and Log Monitor would never start)");
}

}  // namespace liftshift
