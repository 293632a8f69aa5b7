// Builders for synthetic applications: each rule test states exactly the
// facts it needs and checks the rule fires (positive) or stays quiet (negative).
#pragma once

#include <string>

#include "core/model.hpp"
#include "rules/engine.hpp"

namespace liftshift::test::rulefx {

inline Application console_app() {
  Application app;
  app.id = "src/Tool.exe";
  app.name = "Tool";
  app.entry = "Tool.exe";
  app.kind = AppKind::kConsole;
  BinaryFacts exe;
  exe.path = "Tool.exe";
  exe.subsystem = 3;
  exe.is_clr = true;
  exe.clr_version = "v4.0.30319";
  app.binaries.push_back(exe);
  app.framework = {FrameworkKind::kNetFx, "4.7.2", "Tool.exe: TargetFrameworkAttribute"};
  return app;
}

inline Application web_app() {
  Application app;
  app.id = "src/Site";
  app.name = "Site";
  app.entry = "web.config";
  app.kind = AppKind::kWeb;
  ConfigFacts config;
  config.path = "web.config";
  config.has_system_web = true;
  config.session_state_mode = "SQLServer";
  config.machine_key_present = true;
  config.machine_key_explicit = true;
  app.configs.push_back(config);
  app.framework = {FrameworkKind::kNetFx, "4.8", "web.config: targetFramework 4.8"};
  return app;
}

inline AssemblyRef ref(std::string name, std::string version = "4.0.0.0") {
  return {std::move(name), std::move(version)};
}

inline SourceHit hit(SourceCategory category, std::string text, std::string file = "Program.cs") {
  return {category, std::move(file), 12, std::move(text)};
}

inline Evidence evidence_of(std::string_view rule, const Application& app) {
  RuleResults results;
  auto f = run_rule(rule, app, results);
  return f ? f->evidence : Evidence{};
}

inline bool fires(std::string_view rule, const Application& app) {
  RuleResults results;
  return run_rule(rule, app, results).has_value();
}

// What the rule found in structured form (see RuleResults).
inline RuleResults results_of(std::string_view rule, const Application& app) {
  RuleResults results;
  run_rule(rule, app, results);
  return results;
}

inline std::string joined(const Evidence& e) {
  std::string out;
  for (const auto& s : e) out += s + "\n";
  return out;
}

}  // namespace liftshift::test::rulefx
