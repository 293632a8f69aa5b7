// Log Monitor (seed: "Event logging"; FACTS.md: LogMonitor): used when the
// application logs anywhere but stdout; its sources come from the evidence.
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

void add_folder(LogMonitorPlan& lm, LogFolder folder) {
  for (const auto& f : lm.folders) {
    if (f.directory == folder.directory && f.filter == folder.filter) return;
  }
  lm.folders.push_back(std::move(folder));
}

// NLog's ${basedir} (any case, any options), or a path that is not rooted
// (log4net and NLog resolve those against the application's folder), made
// a path in the image's application folder; other paths are unchanged.
std::string in_app_dir(std::string_view path, const std::string& app_dir) {
  std::string p(path);
  if (istarts_with(p, "${basedir")) {
    auto close = p.find('}');
    std::string rest = close == std::string::npos ? "" : p.substr(close + 1);
    while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.erase(0, 1);
    return app_dir + (rest.empty() ? "" : "\\" + rest);
  }
  const bool rooted = (p.size() >= 2 && p[1] == ':') || istarts_with(p, "\\") ||
                      istarts_with(p, "/") || istarts_with(p, "${") || istarts_with(p, "%");
  if (rooted || app_dir.empty()) return p;
  if (istarts_with(p, "./") || istarts_with(p, ".\\")) p.erase(0, 2);
  if (istarts_with(p, "~/")) p.erase(0, 2);
  return app_dir + "\\" + p;
}

// The folder Log Monitor watches and the file filter, for a log file path
// with \ separators: a layout or variable (${shortdate}, %date) in the file
// name becomes '*'; in a folder, the folder ends before it (its sub-folders
// are watched). Empty folder when nothing before the layout is a folder.
LogFolder folder_of(const std::string& local) {
  auto layout = local.find_first_of("$%");
  std::string head = layout == std::string::npos ? local : local.substr(0, layout);
  auto slash = head.rfind('\\');
  if (slash == std::string::npos) return {};
  std::string file = local.substr(slash + 1);
  bool variable = layout != std::string::npos;
  if (variable && file.find('\\') != std::string::npos) {
    return {local.substr(0, slash), "*", true};  // a dated sub-folder: watch below
  }
  if (variable) file = file.substr(0, file.find_first_of("$%"));
  return {local.substr(0, slash), file.empty() ? "*.log" : file + "*", false};
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
    std::string local = to_c_drive(in_app_dir(p, plan.build.app_dir));
    LogFolder folder = folder_of(local);
    if (folder.directory.empty()) continue;
    add_folder(lm, std::move(folder));
    why.push_back("log file " + p +
                  (is_other_drive(p)
                       ? " (on a drive the container doesn't have: point it at " + local + ")"
                   : local != to_c_drive(p) ? " (relative to the application folder: " + local + ")"
                                            : ""));
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
