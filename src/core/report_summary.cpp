#include "core/report_summary.hpp"

namespace liftshift {

const ReportRule* find_report_rule(const ReportContext& context, const std::string& id) {
  for (const auto& rule : context.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

int finding_points(const ReportContext& context, const Finding& finding) {
  const ReportRule* rule = find_report_rule(context, finding.rule);
  return context.severity_points.at(static_cast<std::size_t>(finding.severity)) +
         (rule != nullptr ? rule->effort : 0);
}

}  // namespace liftshift
