// LogMonitorConfig.json in the schema of Microsoft's Log Monitor
// (microsoft/windows-container-tools, LogMonitor/): EventLog, File and ETW
// sources taken from the plan.
#include <nlohmann/json.hpp>

#include "emit/artifacts.hpp"
#include "emit/assessment_json.hpp"

namespace liftshift {

std::string render_logmonitor_config(const AppPlan& plan) {
  const LogMonitorPlan& lm = plan.log_monitor;
  if (!lm.used) return "";
  using json = nlohmann::ordered_json;
  json sources = json::array();
  if (!lm.channels.empty()) {
    json channels = json::array();
    for (const auto& c : lm.channels) channels.push_back({{"name", c.name}, {"level", c.level}});
    sources.push_back({{"type", "EventLog"},
                       {"startAtOldestRecord", true},
                       {"eventFormatMultiLine", false},
                       {"channels", channels}});
  }
  for (const auto& f : lm.folders) {
    sources.push_back({{"type", "File"},
                       {"directory", f.directory},
                       {"filter", f.filter},
                       {"includeSubdirectories", f.include_subdirectories},
                       {"includeFileNames", false}});
  }
  if (!lm.providers.empty()) {
    json providers = json::array();
    for (const auto& p : lm.providers) {
      providers.push_back({{"providerName", p.name}, {"providerGuid", p.guid}, {"level", p.level}});
    }
    sources.push_back({{"type", "ETW"}, {"eventFormatMultiLine", false}, {"providers", providers}});
  }
  json config = {{"LogConfig", {{"logFormat", "JSON"}, {"sources", sources}}}};
  return escape_c1_controls(config.dump(2, ' ', false, json::error_handler_t::replace)) + "\n";
}

}  // namespace liftshift
