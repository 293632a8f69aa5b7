// Helpers the report renderers share.
#include "core/text.hpp"
#include "emit/report_formats.hpp"

namespace liftshift {

std::string html_escape(std::string_view text) {
  std::string safe = printable(text);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

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

}  // namespace liftshift
