// CSV (RFC 4180): a header row, then one row per finding, CRLF line ends,
// fields quoted when they hold a comma, quote or line break. Applications
// without findings get one row with an empty rule; a server's own findings
// (machine scope) get rows without an application. Evidence items are joined
// with line breaks inside the field.
#include <string>
#include <vector>

#include "core/text.hpp"
#include "emit/report_formats.hpp"

namespace liftshift {

namespace {

const std::vector<std::string>& header() {
  static const std::vector<std::string> columns{
      "scope",    "rank",      "machine", "source",   "app_id",     "app_name",
      "kind",     "framework", "verdict", "effort",   "tags",       "rule",
      "severity", "points",    "title",   "evidence", "remediation"};
  return columns;
}

// Spreadsheets run a cell that starts with = + - @ as a formula; evidence
// comes from the assessed files, so such a cell gets a leading apostrophe.
std::string defuse_formula(std::string value) {
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    value.insert(0, 1, '\'');
  }
  return value;
}

// Control characters and invalid UTF-8 replaced; line breaks kept.
std::string clean(const std::string& raw) {
  std::vector<std::string> lines = split(raw, '\n');
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += printable(lines[i]);
  }
  return out;
}

std::string field(const std::string& raw) {
  std::string value = defuse_formula(clean(raw));
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void append_row(std::string& out, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += field(values[i]);
  }
  out += "\r\n";
}

// Each item on its own line; a line break inside an item becomes a space.
std::string joined_evidence(const Finding& f) {
  std::string out;
  for (std::size_t i = 0; i < f.evidence.size(); ++i) {
    if (i > 0) out += '\n';
    for (char c : f.evidence[i]) out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string report_to_csv(const Report& report, const ReportContext& context) {
  std::string out;
  append_row(out, header());
  int rank = 0;
  for (const auto& app : report.apps) {
    ++rank;
    std::vector<std::string> base{"app",
                                  std::to_string(rank),
                                  app.machine,
                                  app.source_path,
                                  app.id,
                                  app.name,
                                  app.kind,
                                  framework_label(app),
                                  to_string(app.verdict),
                                  std::to_string(app.effort),
                                  tags_label(app)};
    if (app.findings.empty()) {
      auto row = base;
      row.insert(row.end(), {"", "", "", "", "", ""});
      append_row(out, row);
    }
    for (const auto& f : app.findings) {
      auto row = base;
      row.insert(row.end(),
                 {f.rule, to_string(f.severity), std::to_string(finding_points(context, f)),
                  f.title, joined_evidence(f), f.remediation});
      append_row(out, row);
    }
  }
  for (const auto& s : report.sources) {
    for (const auto& f : s.machine_findings) {
      append_row(out, {"machine", "", s.machine, s.path, "", "", "", "", "", "", "", f.rule,
                       to_string(f.severity), std::to_string(finding_points(context, f)), f.title,
                       joined_evidence(f), f.remediation});
    }
  }
  return out;
}

}  // namespace liftshift
