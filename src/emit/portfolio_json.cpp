// "liftshift/portfolio/v1": the ranked applications with their effort and
// tags, the totals and the most common blocker sets (see README, Portfolio).
#include "emit/report_formats.hpp"
#include "emit/results_json.hpp"

namespace liftshift {

using nlohmann::json;

namespace {

json ranked_findings_json(const std::vector<Finding>& findings, const ReportContext& context) {
  json out = json::array();
  for (const auto& f : findings) {
    json j = finding_json(f);
    j["points"] = finding_points(context, f);
    out.push_back(std::move(j));
  }
  return out;
}

json tallies_json(const std::vector<Tally>& tallies, const char* key_name) {
  json out = json::array();
  for (const auto& t : tallies) {
    json j{{key_name, t.key}, {"apps", t.apps}};
    if (t.label != t.key) j["title"] = t.label;
    out.push_back(std::move(j));
  }
  return out;
}

json effort_points_json(const ReportContext& context) {
  json rules = json::object();
  for (const auto& r : context.rules) rules[r.id] = r.effort;
  return {{"severity",
           {{"blocker", context.severity_points[static_cast<std::size_t>(Severity::kBlocker)]},
            {"change", context.severity_points[static_cast<std::size_t>(Severity::kChange)]},
            {"info", context.severity_points[static_cast<std::size_t>(Severity::kInfo)]}}},
          {"rules", rules}};
}

}  // namespace

json portfolio_to_json(const Report& report, const ReportContext& context) {
  const ReportSummary& s = context.summary;
  json summary = verdict_counts_json(s);
  summary["findings"] = s.findings;
  summary["effort"] = s.effort;
  json apps = json::array();
  int rank = 0;
  for (const auto& app : report.apps) {
    apps.push_back(
        {{"rank", ++rank},
         {"id", app.id},
         {"name", app.name},
         {"kind", app.kind},
         {"machine", app.machine},
         {"os", app.os},
         {"source", app.source_path},
         {"source_identity", app.source_identity},
         {"framework", {{"kind", app.framework_kind}, {"version", app.framework_version}}},
         {"verdict", to_string(app.verdict)},
         {"effort", app.effort},
         {"tags", app.tags},
         {"assessed_at", app.assessed_at},
         {"findings", ranked_findings_json(app.findings, context)}});
  }
  json sources = json::array();
  for (const auto& src : report.sources) {
    sources.push_back({{"path", src.path},
                       {"identity", src.identity},
                       {"kind", src.kind},
                       {"machine", src.machine},
                       {"os", src.os},
                       {"findings", ranked_findings_json(src.machine_findings, context)}});
  }
  json sets = json::array();
  for (const auto& set : s.blocker_sets) {
    sets.push_back({{"rules", set.rules}, {"apps", set.apps}, {"text", set.sentence}});
  }
  json problems = json::array();
  for (const auto& p : report.problems) {
    problems.push_back({{"source", p.source_path},
                        {"source_location", p.source_location},
                        {"path", p.path},
                        {"message", p.message},
                        {"source_unreadable", p.source_unreadable}});
  }
  return {{"schema", "liftshift/portfolio/v1"},
          {"title", report.title},
          {"generated_at", report.generated_at},
          {"summary", summary},
          {"totals",
           {{"blocker_rules", tallies_json(s.blocker_rules, "rule")},
            {"frameworks", tallies_json(s.frameworks, "framework")},
            {"os_versions", tallies_json(s.os_versions, "os")}}},
          {"blocker_sets", sets},
          {"effort_points", effort_points_json(context)},
          {"apps", apps},
          {"sources", sources},
          {"problems", problems}};
}

}  // namespace liftshift
