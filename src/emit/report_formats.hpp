// The renderers behind render_report (emit/report_render.hpp), one file each,
// and the small helpers they share.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/report.hpp"
#include "core/report_summary.hpp"

namespace liftshift {

std::string report_to_html(const Report& report, const ReportContext& context);
std::string report_to_csv(const Report& report, const ReportContext& context);
nlohmann::json report_to_sarif(const Report& report, const ReportContext& context);
nlohmann::json portfolio_to_json(const Report& report, const ReportContext& context);
std::string portfolio_to_table(const Report& report, const ReportContext& context);

// The inline style sheet and script of the HTML report (constant, so the
// page's Content-Security-Policy can name them by hash).
std::string_view report_html_style();
std::string_view report_html_script();

// One horizontal bar per entry, as inline SVG; "" when there is nothing to draw.
struct ChartBar {
  std::string label;
  int value = 0;
  std::string css_class;  // colours the bar: "ready", "changes", "blocker", "neutral"
};
std::string svg_bar_chart(const std::string& title, const std::vector<ChartBar>& bars);

// & < > " ' as entities, and invalid UTF-8 or control characters replaced.
std::string html_escape(std::string_view text);

// "netfx 4.7.2", "netfx", "" for an application's framework.
std::string framework_label(const ReportApp& app);
// "priority=high, owner=ops".
std::string tags_label(const ReportApp& app);
// How many of the app's findings have that severity.
int count_severity(const ReportApp& app, Severity severity);

// How many sources of the report could not be read at all.
int count_unreadable_sources(const Report& report);
// "SOURCE: could not be read: MESSAGE" or "FILE: MESSAGE" (the file alone
// when it names its source), unescaped.
std::string problem_text(const ReportProblem& problem);

}  // namespace liftshift
