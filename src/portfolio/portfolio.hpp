// Ranking applications for migration, across one run or the whole store.
//
// Effort: each finding costs its severity's points plus its rule's own effort
// points (rules/catalogue.json "effort"); an application's effort is the sum
// over its findings. Order: verdict (ready, ready-with-changes,
// not-a-candidate), then effort ascending, then the user's priority tag
// (priority=high, medium, low, then none), then name.
#pragma once

#include <string>
#include <vector>

#include "core/report.hpp"
#include "core/report_summary.hpp"
#include "rules/effort.hpp"  // severity_points

namespace liftshift {

// Severity points plus the rule's effort points (0 for a rule not in the catalogue).
int finding_effort(const Finding& finding);
int app_effort(const ReportApp& app);
// 0 for priority=high, 1 medium, 2 low, 3 for no or another value (case-insensitive).
int priority_rank(const ReportApp& app);

// Fills every app's effort and sorts report.apps in ranking order.
void rank_apps(Report& report);

// Totals per verdict, blocker rule, framework and OS version, and the most
// common blocker sets. Expects effort filled (rank_apps) for the effort total.
ReportSummary summarize_report(const Report& report);

// The catalogue as plain data for the renderers.
std::vector<ReportRule> report_rules();

// rank_apps, then everything a renderer needs.
ReportContext rank_report(Report& report, const std::string& tool_version);

}  // namespace liftshift
