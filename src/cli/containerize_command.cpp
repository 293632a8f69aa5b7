#include "cli/containerize_command.hpp"

#include <algorithm>
#include <iostream>

#include "collect/collect.hpp"
#include "emit/artifacts.hpp"
#include "emit/quoting.hpp"
#include "plan/planner.hpp"
#include "plan/windows_facts.hpp"
#include "rules/engine.hpp"

namespace liftshift {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

PlanOptions options_from(const ContainerizeArgs& args) {
  PlanOptions o;
  if (!args.windows_version.empty())
    o.windows_version = parse_windows_version(args.windows_version);
  if (!args.isolation.empty()) o.isolation = parse_isolation(args.isolation);
  o.orchestrator = parse_orchestrator(args.orchestrator).value_or(Orchestrator::kKubernetes);
  o.registry = args.registry;
  o.config_mode = args.config == "env" ? ConfigMode::kEnv : ConfigMode::kFiles;
  return o;
}

bool unknown_apps(const ContainerizeArgs& args, const Assessment& assessment) {
  bool bad = false;
  for (const auto& id : args.apps) {
    bool found = std::any_of(assessment.apps.begin(), assessment.apps.end(),
                             [&](const AppAssessment& a) { return a.app.id == id; });
    if (!found) {
      std::cerr << "liftshift: no application '" << terminal_text(id) << "'; found:";
      for (const auto& a : assessment.apps) std::cerr << " " << terminal_text(a.app.id);
      std::cerr << "\n";
      bad = true;
    }
  }
  return bad;
}

}  // namespace

CLI::App* add_containerize_command(CLI::App& app, ContainerizeArgs& args) {
  auto* cmd = app.add_subcommand(
      "containerize", "Plan each candidate application and write its container artifacts");
  cmd->add_option("PATH", args.paths, "Source tree or published application folder")->required();
  cmd->add_option("--app", args.apps, "Only this application id (repeatable; default: all)");
  cmd->add_option("-o,--output", args.out, "Output folder: one sub-folder per application")
      ->required();
  cmd->add_option("--windows-version", args.windows_version,
                  "Windows Server version of the image (default ltsc2022)")
      ->check(CLI::IsMember({"ltsc2019", "ltsc2022", "ltsc2025"}));
  cmd->add_option("--isolation", args.isolation, "Isolation mode (default process)")
      ->check(CLI::IsMember({"process", "hyperv"}));
  cmd->add_option("--orchestrator", args.orchestrator, "Where it runs (default kubernetes)")
      ->check(CLI::IsMember({"kubernetes", "swarm", "compose"}));
  cmd->add_option("--registry", args.registry, "Image repository, HOST/REPO");
  cmd->add_option("--config", args.config,
                  "How .NET Framework apps get their secrets: files (moved config sections "
                  "mounted from the secret store, default) or env (ConfigurationBuilders, 4.7.1+)")
      ->check(CLI::IsMember({"files", "env"}));
  cmd->add_flag("--force", args.force, "Overwrite files that already exist in the output folder");
  return cmd;
}

int run_containerize(const ContainerizeArgs& args) {
  PlanOptions options = options_from(args);
  auto refused = refused_options(options);
  for (const auto& r : refused) std::cerr << "liftshift: refused: " << r << "\n";
  if (!refused.empty()) return kExitUsage;

  Assessment assessment = assess(collect(args.paths));
  int code = kExitOk;
  for (const auto& s : assessment.sources) {
    if (!s.handled) {
      std::cerr << "liftshift: " << terminal_text(s.path) << ": " << terminal_text(s.note) << "\n";
      code = kExitUsage;
    }
  }
  if (unknown_apps(args, assessment)) return kExitUsage;

  Plan plan = make_plan(assessment, options, args.apps);
  if (plan.apps.empty()) std::cout << "No applications found.\n";
  for (const auto& app : plan.apps) {
    if (!app.refusals.empty()) {
      for (const auto& r : app.refusals)
        std::cerr << "liftshift: " << terminal_text(app.app_id) << ": refused: " << terminal_text(r)
                  << "\n";
      code = kExitUsage;
      continue;
    }
    auto result = write_artifacts(args.out, app.folder, render_artifacts(app), args.force);
    for (const auto& e : result.errors) std::cerr << "liftshift: " << terminal_text(e) << "\n";
    if (!result.errors.empty()) {
      code = kExitUsage;
      continue;
    }
    std::cout << terminal_text(app.app_id) << ": "
              << (!app.blocked ? "wrote " + std::to_string(result.written.size()) + " files"
                  : app.verdict == Verdict::kUnknown
                      ? std::string("not assessed, wrote BLOCKED.md")
                      : std::string("not a candidate, wrote BLOCKED.md"))
              << " in " << terminal_text((std::filesystem::path(args.out) / app.folder).string())
              << "\n";
    for (const auto& w : app.warnings) std::cout << "  warning: " << terminal_text(w) << "\n";
  }
  return code;
}

}  // namespace liftshift
