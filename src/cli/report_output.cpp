#include "cli/report_output.hpp"

#include <fstream>
#include <iostream>

#include "emit/report_render.hpp"
#include "portfolio/portfolio.hpp"

namespace liftshift {

Result<std::string> render_ranked_report(Report report, const std::string& format) {
  ReportContext context = rank_report(report, LIFTSHIFT_VERSION);
  return render_report(report, format, context);
}

bool write_report_output(const std::string& output, const std::string& text) {
  if (output.empty() || output == "-") {
    std::cout << text << std::flush;
    return static_cast<bool>(std::cout);
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace liftshift
