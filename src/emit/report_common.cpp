// Helpers the report renderers share.
#include <algorithm>

#include "core/text.hpp"
#include "emit/report_formats.hpp"

namespace liftshift {

std::string html_escape(std::string_view text) { return markup_escape(text); }

std::string framework_label(const ReportApp& app) {
  if (app.framework_version.empty()) return app.framework_kind;
  return app.framework_kind + " " + app.framework_version;
}

std::string tags_label(const ReportApp& app) {
  std::string out;
  for (const auto& [key, value] : app.tags) {
    if (!out.empty()) out += ", ";
    out += key + "=" + value;
  }
  return out;
}

int count_severity(const ReportApp& app, Severity severity) {
  int n = 0;
  for (const auto& f : app.findings) {
    if (f.severity == severity) ++n;
  }
  return n;
}

int count_unreadable_sources(const Report& report) {
  return static_cast<int>(
      std::count_if(report.problems.begin(), report.problems.end(),
                    [](const ReportProblem& p) { return p.source_unreadable; }));
}

std::string problem_text(const ReportProblem& problem) {
  if (problem.source_unreadable) {
    return problem.source_path + ": could not be read: " + problem.message;
  }
  std::string where = problem.path;
  if (!problem.source_path.empty() && !where.starts_with(problem.source_path) &&
      !where.starts_with(problem.source_location)) {
    where = problem.source_path + (where.empty() ? "" : ": " + where);
  }
  return where.empty() ? problem.message : where + ": " + problem.message;
}

}  // namespace liftshift
