// `liftshift plan PATH... -o plan.yaml`: every decision `containerize` would
// take, written as an editable plan file (plan/plan_file.hpp); `--schema`
// prints the plan file's JSON Schema.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/containerize_command.hpp"

namespace liftshift {

struct PlanArgs {
  ContainerizeArgs plan;  // PATH, --app and the planning options, as containerize takes them
  std::string out;        // the plan file ("" = standard output)
  bool force = false;
  bool schema = false;
};

CLI::App* add_plan_command(CLI::App& app, PlanArgs& args);

// Returns the exit code (0 written, 2 usage error or refused combination).
int run_plan(const PlanArgs& args);

}  // namespace liftshift
