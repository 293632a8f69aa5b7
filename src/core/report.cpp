#include "core/report.hpp"

#include <algorithm>
#include <ctime>
#include <string_view>

namespace liftshift {

namespace {

std::string os_line(const MachineFacts& m) {
  std::string os = m.os_name;
  std::string version = m.version;
  if (!m.build.empty()) version += (version.empty() ? "" : ".") + m.build;
  if (!version.empty()) os += (os.empty() ? "" : " ") + ("(" + version + ")");
  return os;
}

std::string identity_of(const Source& s) { return s.identity.empty() ? s.path : s.identity; }

// The source a problem was met in: the one whose path starts the problem's
// path (the longest such), else the only source there is.
const Source* source_of(const std::vector<Source>& sources, const std::string& path) {
  const Source* best = nullptr;
  for (const auto& s : sources) {
    bool inside =
        path.starts_with(s.path) &&
        (path.size() == s.path.size() || path[s.path.size()] == '/' || path[s.path.size()] == ':');
    if (inside && (best == nullptr || s.path.size() > best->path.size())) best = &s;
  }
  if (best == nullptr && sources.size() == 1) best = &sources.front();
  return best;
}

// The collectors record a source they could not open both as the source's
// note and as a problem; the report keeps it once, as the source's problem.
bool repeats_source_note(const std::vector<Source>& sources, const Problem& p) {
  return std::any_of(sources.begin(), sources.end(), [&](const Source& s) {
    return !s.handled && s.path == p.path && s.note == p.message;
  });
}

}  // namespace

std::string identity_location(const std::string& identity) {
  return identity.substr(0, identity.find('|'));
}

std::string app_key(const std::string& app_id) {
  std::size_t slash = app_id.find('/');
  return slash == std::string::npos ? app_id : app_id.substr(slash + 1);
}

std::string identity_slot(const std::string& identity) {
  std::string slot = identity_location(identity);
  for (std::size_t at = identity.find('|'); at != std::string::npos;) {
    std::size_t next = identity.find('|', at + 1);
    std::string_view part = std::string_view(identity).substr(
        at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    if (part.starts_with("partition ")) slot += "|" + std::string(part);
    at = next;
  }
  return slot;
}

Report report_from_assessment(const Assessment& assessment, const std::string& now) {
  Report report;
  report.title = "liftshift assessment";
  report.generated_at = now;
  for (std::size_t i = 0; i < assessment.sources.size(); ++i) {
    const Source& s = assessment.sources[i];
    std::string identity = identity_of(s);
    if (!s.handled) {
      report.problems.push_back({identity_location(identity), s.path, "", s.note, true});
      continue;
    }
    ReportSource rs;
    rs.path = s.path;
    rs.identity = identity;
    rs.kind = to_string(s.kind);
    if (s.machine) {
      rs.machine = s.machine->computer_name;
      rs.os = os_line(*s.machine);
    }
    for (const auto& m : assessment.machines) {
      if (m.source == i) rs.machine_findings = m.findings;
    }
    report.sources.push_back(std::move(rs));
  }
  for (const auto& a : assessment.apps) {
    const Application& app = a.app;
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
    ra.framework_kind = to_string(app.framework.kind);
    ra.framework_version = app.framework.version;
    ra.verdict = a.verdict;
    ra.findings = a.findings;
    ra.assessed_at = now;
    report.apps.push_back(std::move(ra));
  }
  for (const auto& p : assessment.problems) {
    if (repeats_source_note(assessment.sources, p)) continue;
    const Source* from = source_of(assessment.sources, p.path);
    report.problems.push_back({from != nullptr ? identity_location(identity_of(*from)) : "",
                               from != nullptr ? from->path : "", p.path, p.message, false});
  }
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
