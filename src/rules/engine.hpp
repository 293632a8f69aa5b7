// The rule engine: runs every rule of the catalogue over every application
// and decides verdicts. A rule is a function from an Application to evidence
// (and structured results for the planner); its severity, title and
// remediation come from the catalogue.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_queries.hpp"
#include "core/model.hpp"

namespace liftshift {

// The registration tables, generated from rules/catalogue.json by
// tools/rulegen (rules/rule_table.cpp), in catalogue order. Each entry's
// function is declared in the generated rules/rule_checks.hpp and defined in
// one rules/*_rules.cpp file.
struct AppRuleEntry {
  std::string_view id;
  Evidence (*check)(const Application& app, RuleResults& results);
};
struct MachineRuleEntry {
  std::string_view id;
  Evidence (*check)(const MachineFacts& machine);
  Evidence (*dependents)(const Application& app, const MachineFacts& machine);
};
std::span<const AppRuleEntry> app_rule_table();
std::span<const MachineRuleEntry> machine_rule_table();

// Runs one application rule; a finding when the check found evidence.
std::optional<Finding> run_rule(std::string_view id, const Application& app, RuleResults& results);

// The rules over one application: its findings, verdict and results (the
// AppAssessment's app is left empty).
AppAssessment assess_app(const Application& app);

// The rules over every application and server of the Inventory, which the
// Assessment takes over (its sources, problems and applications move into it).
// An application whose assessed[i] is set was assessed already (assess_app,
// as the collector finished it): that one is taken as it is.
Assessment assess(Inventory inventory, std::vector<std::optional<AppAssessment>> assessed = {});

Verdict verdict_for(const std::vector<Finding>& findings);
// The verdict of one application: unknown when its content was not assessed
// (Application::not_assessed), unless a blocker is known anyway.
Verdict verdict_for(const Application& app, const std::vector<Finding>& findings);

}  // namespace liftshift
