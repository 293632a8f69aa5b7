// The totals of a Report: per verdict, blocker rule, framework and OS
// version, and which sets of blockers are most common across the estate.
#include <algorithm>
#include <map>
#include <set>

#include "portfolio/portfolio.hpp"
#include "rules/catalogue.hpp"

namespace liftshift {

namespace {

std::string rule_title(const std::string& id) {
  const RuleInfo* rule = find_rule(id);
  return rule != nullptr ? rule->title : id;
}

std::string framework_key(const ReportApp& app) {
  if (app.framework_kind.empty()) return "unknown";
  if (app.framework_version.empty()) return app.framework_kind + " (version unknown)";
  return app.framework_kind + " " + app.framework_version;
}

// Most applications first, then by key, so the order is stable.
std::vector<Tally> sorted_tallies(const std::map<std::string, Tally>& counts) {
  std::vector<Tally> out;
  out.reserve(counts.size());
  for (const auto& [key, tally] : counts) out.push_back(tally);
  std::stable_sort(out.begin(), out.end(),
                   [](const Tally& a, const Tally& b) { return a.apps > b.apps; });
  return out;
}

void count(std::map<std::string, Tally>& counts, const std::string& key, const std::string& label) {
  auto [it, inserted] = counts.try_emplace(key, Tally{key, label, 0});
  ++it->second.apps;
}

// "A", "A and B", "A, B and C".
std::string join_titles(const std::vector<std::string>& rules) {
  std::string out;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (i > 0) out += (i + 1 == rules.size()) ? " and " : ", ";
    out += rule_title(rules[i]);
  }
  return out;
}

std::vector<BlockerSet> blocker_sets(const Report& report) {
  std::map<std::vector<std::string>, int> sets;
  for (const auto& app : report.apps) {
    std::set<std::string> rules;
    for (const auto& f : app.findings) {
      if (f.severity == Severity::kBlocker) rules.insert(f.rule);
    }
    if (!rules.empty()) ++sets[std::vector<std::string>(rules.begin(), rules.end())];
  }
  std::vector<BlockerSet> out;
  out.reserve(sets.size());
  for (const auto& [rules, apps] : sets) {
    out.push_back({rules, apps,
                   std::to_string(apps) + (apps == 1 ? " app" : " apps") + " blocked only by " +
                       join_titles(rules)});
  }
  std::stable_sort(out.begin(), out.end(), [](const BlockerSet& a, const BlockerSet& b) {
    if (a.apps != b.apps) return a.apps > b.apps;
    return a.rules.size() < b.rules.size();
  });
  return out;
}

}  // namespace

ReportSummary summarize_report(const Report& report) {
  ReportSummary s;
  std::map<std::string, Tally> blockers;
  std::map<std::string, Tally> frameworks;
  std::map<std::string, Tally> os_versions;
  for (const auto& app : report.apps) {
    count_verdict(s, app.verdict);
    s.findings += static_cast<int>(app.findings.size());
    s.effort += app.effort;
    std::set<std::string> blocker_rules;
    for (const auto& f : app.findings) {
      if (f.severity == Severity::kBlocker) blocker_rules.insert(f.rule);
    }
    for (const auto& rule : blocker_rules) count(blockers, rule, rule_title(rule));
    std::string fw = framework_key(app);
    count(frameworks, fw, fw);
    std::string os = app.os.empty() ? "no server (folder source)" : app.os;
    count(os_versions, os, os);
  }
  s.blocker_rules = sorted_tallies(blockers);
  s.frameworks = sorted_tallies(frameworks);
  s.os_versions = sorted_tallies(os_versions);
  s.blocker_sets = blocker_sets(report);
  return s;
}

}  // namespace liftshift
