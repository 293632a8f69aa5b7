#include "emit/report_render.hpp"

#include "emit/assessment_json.hpp"
#include "emit/report_formats.hpp"

namespace liftshift {

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats{"html", "csv", "sarif", "table", "json"};
  return formats;
}

Result<std::string> render_report(const Report& report, const std::string& format,
                                  const ReportContext& context) {
  if (format == "html") return report_to_html(report, context);
  if (format == "csv") return report_to_csv(report, context);
  if (format == "sarif") return dump_json(report_to_sarif(report, context));
  if (format == "table") return portfolio_to_table(report, context);
  if (format == "json") return dump_json(portfolio_to_json(report, context));
  return make_error("unknown report format '" + format + "' (html, csv, sarif, table, json)");
}

}  // namespace liftshift
