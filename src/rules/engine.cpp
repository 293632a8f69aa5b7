#include "rules/engine.hpp"

#include <algorithm>
#include <stdexcept>

#include "rules/catalogue.hpp"

namespace liftshift {

namespace {

// A finding shows a handful of evidence lines; the rest is counted.
constexpr std::size_t kMaxEvidence = 10;

Finding finding(std::string_view id, Evidence evidence) {
  // The table and the catalogue are generated from the same file: every id is there.
  const RuleInfo& info = *find_rule(id);
  if (evidence.size() > kMaxEvidence) {
    const std::size_t more = evidence.size() - (kMaxEvidence - 1);
    evidence.resize(kMaxEvidence - 1);
    evidence.push_back("and " + std::to_string(more) + " more");
  }
  return Finding{info.id, info.severity, info.title, std::move(evidence), info.remediation};
}

// Machine findings of one server, and for an app on it, the ones it depends on.
std::vector<Finding> machine_findings(const MachineFacts& machine, const Application* app) {
  std::vector<Finding> out;
  for (const auto& entry : machine_rule_table()) {
    Evidence evidence = entry.check(machine);
    if (evidence.empty()) continue;
    if (app == nullptr) {
      out.push_back(finding(entry.id, std::move(evidence)));
      continue;
    }
    Evidence dependents = entry.dependents(*app, machine);
    if (dependents.empty()) continue;
    dependents.insert(dependents.end(), evidence.begin(), evidence.end());
    out.push_back(finding(entry.id, std::move(dependents)));
  }
  return out;
}

}  // namespace

std::optional<Finding> run_rule(std::string_view id, const Application& app, RuleResults& results) {
  for (const auto& entry : app_rule_table()) {
    if (entry.id != id) continue;
    Evidence evidence = entry.check(app, results);
    if (evidence.empty()) return std::nullopt;
    return finding(id, std::move(evidence));
  }
  throw std::logic_error("no application rule '" + std::string(id) + "' in the catalogue");
}

Verdict verdict_for(const std::vector<Finding>& findings) {
  Verdict v = Verdict::kReady;
  for (const auto& f : findings) {
    if (f.severity == Severity::kBlocker) return Verdict::kNotACandidate;
    if (f.severity == Severity::kChange) v = Verdict::kReadyWithChanges;
  }
  return v;
}

Verdict verdict_for(const Application& app, const std::vector<Finding>& findings) {
  Verdict v = verdict_for(findings);
  if (!app.not_assessed.empty() && v != Verdict::kNotACandidate) return Verdict::kUnknown;
  return v;
}

AppAssessment assess_app(const Application& app) {
  AppAssessment a;
  for (const auto& entry : app_rule_table()) {
    Evidence evidence = entry.check(app, a.results);
    if (!evidence.empty()) a.findings.push_back(finding(entry.id, std::move(evidence)));
  }
  if (app.machine) {
    for (auto& f : machine_findings(*app.machine, &app)) a.findings.push_back(std::move(f));
  }
  // Blockers first, then changes, then information; catalogue order within each.
  std::stable_sort(a.findings.begin(), a.findings.end(),
                   [](const Finding& x, const Finding& y) { return x.severity > y.severity; });
  a.verdict = verdict_for(app, a.findings);
  return a;
}

Assessment assess(Inventory inventory, std::vector<std::optional<AppAssessment>> assessed) {
  Assessment out;
  out.sources = std::move(inventory.sources);
  out.problems = std::move(inventory.problems);
  for (std::size_t i = 0; i < out.sources.size(); ++i) {
    if (out.sources[i].machine)
      out.machines.push_back({i, machine_findings(*out.sources[i].machine, nullptr)});
  }
  out.apps.reserve(inventory.apps.size());
  for (std::size_t i = 0; i < inventory.apps.size(); ++i) {
    Application& app = inventory.apps[i];
    AppAssessment a =
        i < assessed.size() && assessed[i] ? std::move(*assessed[i]) : assess_app(app);
    a.app = std::move(app);
    out.apps.push_back(std::move(a));
  }
  return out;
}

}  // namespace liftshift
