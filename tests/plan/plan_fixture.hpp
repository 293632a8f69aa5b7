// Builds small Application/AppAssessment values for the planner tests, with
// the findings a test names (severity and evidence as the rules give them).
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/plan.hpp"

namespace liftshift::test {

struct AppFixture {
  AppAssessment assessment;
  Application& app() { return assessment.app; }

  AppFixture(AppKind kind, FrameworkKind framework_kind, std::string version) {
    app().id = "src/App";
    app().name = "App";
    app().source = "/in/src";
    app().root = "App";
    app().kind = kind;
    app().framework = {framework_kind, std::move(version), "test"};
    app().entry = "App/App.exe";
    BinaryFacts exe;
    exe.path = "App/App.exe";
    exe.subsystem = 3;
    app().binaries.push_back(exe);
    assessment.verdict = Verdict::kReady;
  }

  AppFixture& finding(const std::string& rule, Severity severity = Severity::kChange,
                      std::vector<std::string> evidence = {"evidence"}) {
    assessment.findings.push_back(
        {rule, severity, rule + " title", std::move(evidence), rule + " remediation"});
    if (severity == Severity::kBlocker) {
      assessment.verdict = Verdict::kNotACandidate;
    } else if (severity == Severity::kChange && assessment.verdict == Verdict::kReady) {
      assessment.verdict = Verdict::kReadyWithChanges;
    }
    return *this;
  }
};

inline ServiceInfo service(std::string name, std::string image_path, std::string account) {
  ServiceInfo s;
  s.name = name;
  s.display_name = std::move(name);
  s.image_path = std::move(image_path);
  s.account = std::move(account);
  s.start = 2;
  return s;
}

inline TaskInfo task(std::string command, std::string arguments, std::string cron) {
  TaskInfo t;
  t.path = "\\Nightly";
  t.command = std::move(command);
  t.arguments = std::move(arguments);
  t.user = "SYSTEM";
  TaskTrigger daily;
  daily.text = "daily at 02:00";
  if (!cron.empty()) daily.crons.push_back(cron);
  t.triggers.push_back(daily);
  t.cron = std::move(cron);
  return t;
}

inline PlanOptions options(std::optional<WindowsVersion> v = std::nullopt,
                           std::optional<Isolation> i = std::nullopt,
                           Orchestrator o = Orchestrator::kKubernetes) {
  PlanOptions opts;
  opts.windows_version = v;
  opts.isolation = i;
  opts.orchestrator = o;
  return opts;
}

inline std::string image(const AppPlan& p) { return p.base_image + ":" + p.base_tag; }

inline bool has_decision(const AppPlan& p, const std::string& topic) {
  for (const auto& d : p.decisions) {
    if (d.topic == topic && !d.reason.empty()) return true;
  }
  return false;
}

// The step whose command holds `text`, or nullptr.
inline const BuildStep* step_with(const AppPlan& p, const std::string& text) {
  for (const auto& s : p.steps) {
    if (s.command.find(text) != std::string::npos) return &s;
  }
  return nullptr;
}

// The index of the step whose command holds `text`; p.steps.size() when none does.
inline std::size_t step_index(const AppPlan& p, const std::string& text) {
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    if (p.steps[i].command.find(text) != std::string::npos) return i;
  }
  return p.steps.size();
}

}  // namespace liftshift::test
