// Reports for the CLI verbs (`assess --format html|csv|sarif`, `portfolio`):
// ranks the Report, adds the rule catalogue, renders it (emit/report_render.hpp).
#pragma once

#include <optional>
#include <string>

#include "core/report.hpp"
#include "core/result.hpp"

namespace liftshift {

// format: html, csv, sarif, table, json (see report_formats()).
Result<std::string> render_ranked_report(Report report, const std::string& format);

// Writes text to the file named by output (core/file_writer.hpp: atomic,
// never through a link), or to stdout when it is "" or "-". The error says
// why it could not be written.
std::optional<Error> write_report_output(const std::string& output, const std::string& text);

}  // namespace liftshift
