// The rule engine: runs every registered rule over every application and
// decides verdicts. A rule is a function from an Application to evidence;
// its severity, title and remediation come from the catalogue.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/app_queries.hpp"
#include "core/model.hpp"

namespace liftshift {

using RuleCheck = std::function<Evidence(const Application&)>;

// Rule id -> check. Each rules/*.cpp file adds its own.
using RuleRegistry = std::map<std::string, RuleCheck>;

const RuleRegistry& rule_registry();

// Machine rules: what the server is, and which of its apps depend on it.
struct MachineRule {
  std::function<Evidence(const MachineFacts&)> check;
  std::function<Evidence(const Application&, const MachineFacts&)> dependents;
};
using MachineRuleRegistry = std::map<std::string, MachineRule>;
const MachineRuleRegistry& machine_rule_registry();

// Runs one rule; a finding when the check found evidence.
std::optional<Finding> run_rule(const std::string& id, const Application& app);

Assessment assess(const Inventory& inventory);

Verdict verdict_for(const std::vector<Finding>& findings);
// The verdict of one application: unknown when its content was not assessed
// (Application::not_assessed), unless a blocker is known anyway.
Verdict verdict_for(const Application& app, const std::vector<Finding>& findings);

// Registration functions, one per rule family (called by rule_registry()).
void register_desktop_rules(RuleRegistry& registry);
void register_state_rules(RuleRegistry& registry);
void register_identity_rules(RuleRegistry& registry);
void register_framework_rules(RuleRegistry& registry);
void register_messaging_rules(RuleRegistry& registry);
void register_web_rules(RuleRegistry& registry);
void register_runtime_rules(RuleRegistry& registry);
void register_coverage_rules(RuleRegistry& registry);
void register_machine_rules(MachineRuleRegistry& registry);

}  // namespace liftshift
