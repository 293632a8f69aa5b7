// Reports of a Report (one `assess` run or the whole store), one renderer per
// format: "html" (one self-contained file), "csv" (RFC 4180, one row per
// finding), "sarif" (SARIF 2.1.0), and for the portfolio "table" (terminal)
// and "json" ("liftshift/portfolio/v1"). The catalogue and the totals come in
// through the ReportContext (portfolio/portfolio.hpp: rank_report), so the
// emitters depend on core only.
#pragma once

#include <string>
#include <vector>

#include "core/report.hpp"
#include "core/report_summary.hpp"
#include "core/result.hpp"

namespace liftshift {

// "html", "csv", "sarif", "table", "json".
const std::vector<std::string>& report_formats();

// The report in that format; an error for a format not in report_formats().
Result<std::string> render_report(const Report& report, const std::string& format,
                                  const ReportContext& context);

}  // namespace liftshift
