#include "portfolio/portfolio.hpp"

#include <algorithm>
#include <tuple>

#include "core/text.hpp"
#include "rules/catalogue.hpp"

namespace liftshift {

int finding_effort(const Finding& finding) {
  const RuleInfo* rule = find_rule(finding.rule);
  return severity_points(finding.severity) + (rule != nullptr ? rule->effort : 0);
}

int app_effort(const ReportApp& app) {
  int total = 0;
  for (const auto& f : app.findings) total += finding_effort(f);
  return total;
}

int priority_rank(const ReportApp& app) {
  for (const auto& [key, value] : app.tags) {
    if (!iequals(key, "priority")) continue;
    if (iequals(value, "high")) return 0;
    if (iequals(value, "medium")) return 1;
    if (iequals(value, "low")) return 2;
  }
  return 3;
}

void rank_apps(Report& report) {
  for (auto& app : report.apps) app.effort = app_effort(app);
  // The verdict enum is declared in ranking order: ready first.
  auto key = [](const ReportApp& a) {
    return std::make_tuple(static_cast<int>(a.verdict), a.effort, priority_rank(a),
                           to_lower(a.name), a.name, a.machine, a.source_identity, a.id);
  };
  std::stable_sort(report.apps.begin(), report.apps.end(),
                   [&](const ReportApp& a, const ReportApp& b) { return key(a) < key(b); });
}

std::vector<ReportRule> report_rules() {
  std::vector<ReportRule> out;
  for (const auto& r : catalogue()) {
    out.push_back({r.id, r.severity, r.scope, r.title, r.description, r.remediation, r.seed_section,
                   r.effort});
  }
  return out;
}

ReportContext rank_report(Report& report, const std::string& tool_version) {
  rank_apps(report);
  return {report_rules(),
          summarize_report(report),
          tool_version,
          {severity_points(Severity::kInfo), severity_points(Severity::kChange),
           severity_points(Severity::kBlocker)}};
}

}  // namespace liftshift
