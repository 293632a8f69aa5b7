// `liftshift containerize`: plans every candidate application and writes its
// container artifacts (Dockerfile, LogMonitorConfig.json, k8s/, compose.yaml,
// MIGRATION.md, BACKUP.md) and its build context (the application's files,
// configs rewritten without their secrets: src/context), or BLOCKED.md for an
// application that is not a candidate.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"
#include "sources/server_disks.hpp"

namespace liftshift {

struct ContainerizeArgs {
  std::vector<std::string> paths;
  std::vector<std::string> apps;
  std::string out;
  std::string windows_version;
  std::string isolation;
  std::string orchestrator = "kubernetes";
  std::string registry;
  std::string config = "files";  // how .NET Framework apps get their secrets: files | env
  bool force = false;
  bool no_copy = false;    // nothing is copied into the build contexts (the user copies)
  std::string secrets_to;  // where the moved config sections go with their values ("" = nowhere)
  int partition = 0;       // disk images: 1-based partition; 0 = the one holding Windows
  std::vector<std::string> disks;      // --disk [D:=]PATH: the server's other disks
  bool server = false;                 // --server: the PATHs are the disks of one server
  std::vector<std::string> pipelines;  // --pipeline github|azure|gitlab (repeatable, comma list)
  std::string plan_file;               // --plan: the artifacts from this plan file, not from PATH
};

// The PlanOptions the arguments ask for.
PlanOptions plan_options(const ContainerizeArgs& args);

// Checks the options and assesses PATH; nullopt (the reason printed) when the
// run must stop with exit code 2. `code` becomes 2 for a source not handled.
// The Plan's disks are the servers' other disks (--disk/--server).
std::optional<Plan> plan_from_sources(const ContainerizeArgs& args, int& code);

// The planning options, registered once for both `plan` and `containerize`:
// the decisions (--windows-version, --isolation, --orchestrator, --registry,
// --config, --pipeline) and the server's disks (--disk, --server).
struct PlanningOptions {
  std::vector<CLI::Option*> decisions;
  std::vector<CLI::Option*> disks;
};
PlanningOptions add_planning_options(CLI::App* cmd, ContainerizeArgs& args);

CLI::App* add_containerize_command(CLI::App& app, ContainerizeArgs& args);

// After a parse error of the containerize command: says why --plan excludes
// the planning options (CLI11's own message names the two options only).
void explain_parse_error(const CLI::App* containerize, const CLI::ParseError& e);

// Runs the verb; returns the exit code (0 done, 2 usage error or refused combination).
int run_containerize(const ContainerizeArgs& args);

}  // namespace liftshift
