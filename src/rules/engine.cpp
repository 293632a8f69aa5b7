#include "rules/engine.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "rules/catalogue.hpp"

namespace liftshift {

const RuleRegistry& rule_registry() {
  static const RuleRegistry registry = [] {
    RuleRegistry r;
    register_desktop_rules(r);
    register_state_rules(r);
    register_identity_rules(r);
    register_framework_rules(r);
    register_messaging_rules(r);
    register_web_rules(r);
    register_runtime_rules(r);
    register_coverage_rules(r);
    return r;
  }();
  return registry;
}

const MachineRuleRegistry& machine_rule_registry() {
  static const MachineRuleRegistry registry = [] {
    MachineRuleRegistry r;
    register_machine_rules(r);
    return r;
  }();
  return registry;
}

std::optional<Finding> run_rule(const std::string& id, const Application& app) {
  const RuleInfo* info = find_rule(id);
  auto it = rule_registry().find(id);
  if (info == nullptr || it == rule_registry().end()) {
    throw std::logic_error("rule '" + id + "' is missing from the catalogue or the registry");
  }
  Evidence evidence = it->second(app);
  if (evidence.empty()) return std::nullopt;
  return Finding{info->id, info->severity, info->title, std::move(evidence), info->remediation};
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

namespace {

Finding finding(const RuleInfo& info, Evidence evidence) {
  return Finding{info.id, info.severity, info.title, std::move(evidence), info.remediation};
}

// Machine findings of one server, and for an app on it, the ones it depends on.
std::vector<Finding> machine_findings(const MachineFacts& machine, const Application* app) {
  std::vector<Finding> out;
  for (const auto& rule : catalogue()) {
    if (rule.scope != "machine") continue;
    auto it = machine_rule_registry().find(rule.id);
    if (it == machine_rule_registry().end()) {
      throw std::logic_error("machine rule '" + rule.id + "' has no implementation");
    }
    Evidence evidence = it->second.check(machine);
    if (evidence.empty()) continue;
    if (app == nullptr) {
      out.push_back(finding(rule, std::move(evidence)));
      continue;
    }
    Evidence dependents = it->second.dependents(*app, machine);
    if (dependents.empty()) continue;
    dependents.insert(dependents.end(), evidence.begin(), evidence.end());
    out.push_back(finding(rule, std::move(dependents)));
  }
  return out;
}

}  // namespace

Assessment assess(const Inventory& inventory) {
  Assessment out;
  out.inventory = &inventory;
  for (const auto& source : inventory.sources) {
    if (source.machine)
      out.machines.push_back({&source, machine_findings(*source.machine, nullptr)});
  }
  for (const auto& app : inventory.apps) {
    AppAssessment a;
    a.app = &app;
    for (const auto& rule : catalogue()) {
      if (rule.scope != "app") continue;
      if (auto f = run_rule(rule.id, app)) a.findings.push_back(std::move(*f));
    }
    if (app.machine) {
      for (auto& f : machine_findings(*app.machine, &app)) a.findings.push_back(std::move(f));
    }
    // Blockers first, then changes, then information; catalogue order within each.
    std::stable_sort(a.findings.begin(), a.findings.end(),
                     [](const Finding& x, const Finding& y) { return x.severity > y.severity; });
    a.verdict = verdict_for(app, a.findings);
    out.apps.push_back(std::move(a));
  }
  return out;
}

}  // namespace liftshift
