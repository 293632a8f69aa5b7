#include "cli/report_output.hpp"

#include <iostream>

#include "core/file_writer.hpp"
#include "emit/report_render.hpp"
#include "portfolio/portfolio.hpp"

namespace liftshift {

Result<std::string> render_ranked_report(Report report, const std::string& format) {
  ReportContext context = rank_report(report, LIFTSHIFT_VERSION);
  return render_report(report, format, context);
}

std::optional<Error> write_report_output(const std::string& output, const std::string& text) {
  if (output.empty() || output == "-") {
    std::cout << text << std::flush;
    if (!std::cout) return make_error("cannot write to the standard output");
    return std::nullopt;
  }
  auto written = write_file(output, text, WriteOptions{});
  if (!written) return written.error();
  return std::nullopt;
}

}  // namespace liftshift
