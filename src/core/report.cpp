#include "core/report.hpp"

#include <ctime>

namespace liftshift {

namespace {

std::string os_line(const MachineFacts& m) {
  std::string os = m.os_name;
  std::string version = m.version;
  if (!m.build.empty()) version += (version.empty() ? "" : ".") + m.build;
  if (!version.empty()) os += (os.empty() ? "" : " ") + ("(" + version + ")");
  return os;
}

std::vector<ReportFinding> report_findings(const std::vector<Finding>& findings) {
  std::vector<ReportFinding> out;
  out.reserve(findings.size());
  for (const auto& f : findings) {
    out.push_back({f.rule, f.severity, f.title, f.evidence, f.remediation});
  }
  return out;
}

}  // namespace

Report report_from_assessment(const Assessment& assessment, const std::string& now) {
  Report report;
  report.title = "liftshift assessment";
  report.generated_at = now;
  if (assessment.inventory == nullptr) return report;
  const Inventory& inventory = *assessment.inventory;
  for (const auto& s : inventory.sources) {
    ReportSource rs;
    rs.path = s.path;
    rs.identity = s.identity.empty() ? s.path : s.identity;
    rs.kind = to_string(s.kind);
    if (s.machine) {
      rs.machine = s.machine->computer_name;
      rs.os = os_line(*s.machine);
    }
    for (const auto& m : assessment.machines) {
      if (m.source == &s) rs.machine_findings = report_findings(m.findings);
    }
    report.sources.push_back(std::move(rs));
  }
  for (const auto& a : assessment.apps) {
    const Application& app = *a.app;
    ReportApp ra;
    ra.id = app.id;
    ra.name = app.name;
    ra.kind = to_string(app.kind);
    ra.source_path = app.source;
    for (const auto& rs : report.sources) {
      if (rs.path == app.source) {
        ra.source_identity = rs.identity;
        ra.machine = rs.machine;
        ra.os = rs.os;
        break;
      }
    }
    if (ra.source_identity.empty()) ra.source_identity = app.source;
    ra.framework_kind = app.framework.kind;
    ra.framework_version = app.framework.version;
    ra.verdict = a.verdict;
    ra.findings = report_findings(a.findings);
    ra.assessed_at = now;
    report.apps.push_back(std::move(ra));
  }
  report.problems = inventory.problems;
  return report;
}

std::string utc_now_iso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace liftshift
