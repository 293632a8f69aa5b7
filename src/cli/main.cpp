// liftshift: the command-line front end. The only place that prints to the
// terminal or decides the exit code.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/containerize_command.hpp"
#include "collect/collect.hpp"
#include "emit/assessment_json.hpp"
#include "emit/assessment_text.hpp"
#include "rules/catalogue_text.hpp"
#include "rules/engine.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitFailOn = 3;

bool colour_wanted(FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return ::isatty(::fileno(stream)) != 0;
}

// Writes to the file named by output, or stdout when empty. False on error.
bool write_output(const std::string& output, const std::string& text) {
  if (output.empty() || output == "-") {
    std::cout << text << std::flush;
    return true;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

int fail_on_code(const liftshift::Assessment& assessment, const std::string& fail_on) {
  using liftshift::Verdict;
  for (const auto& a : assessment.apps) {
    if (fail_on == "blocker" && a.verdict == Verdict::kNotACandidate) return kExitFailOn;
    if (fail_on == "change" && a.verdict != Verdict::kReady) return kExitFailOn;
  }
  return kExitOk;
}

bool any_source_failed(const liftshift::Inventory& inventory) {
  for (const auto& s : inventory.sources) {
    if (!s.handled) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "liftshift: which Windows applications can be lifted into Windows containers, "
      "what must change first, with the evidence for every finding."};
  app.set_version_flag("--version", std::string("liftshift ") + LIFTSHIFT_VERSION);
  app.require_subcommand(1);

  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on;
  std::string output;
  bool verbose = false;

  auto* assess_cmd =
      app.add_subcommand("assess", "Assess every application found in the given folders");
  assess_cmd->add_option("PATH", paths, "Source tree or published application folder")->required();
  assess_cmd->add_option("--format", format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  assess_cmd->add_flag("-v,--verbose", verbose,
                       "Every finding with evidence and remediation, and every problem");
  assess_cmd->add_option("--fail-on", fail_on, "Exit 3 when an application reaches this level")
      ->check(CLI::IsMember({"blocker", "change"}));
  assess_cmd->add_option("-o,--output", output, "Write the report to this file instead of stdout");
  int partition = 0;
  assess_cmd
      ->add_option("--partition", partition,
                   "Disk images: read this partition (1-based) instead of the one holding Windows")
      ->check(CLI::Range(1, 1024));

  auto* inventory_cmd =
      app.add_subcommand("inventory", "Print what was found (JSON), before any rule runs");
  inventory_cmd->add_option("PATH", paths, "Source tree or published application folder")
      ->required();
  inventory_cmd->add_option("-o,--output", output, "Write to this file instead of stdout");
  inventory_cmd->add_option("--partition", partition, "Disk images: read this partition (1-based)")
      ->check(CLI::Range(1, 1024));

  std::string rules_format = "text";
  auto* rules_cmd = app.add_subcommand("rules", "List the rule catalogue");
  rules_cmd->add_option("--format", rules_format, "Output format")
      ->check(CLI::IsMember({"text", "markdown", "json"}));

  std::string rule_id;
  auto* explain_cmd = app.add_subcommand("explain", "Explain one rule in full");
  explain_cmd->add_option("ID", rule_id, "Rule id, e.g. gui-desktop")->required();

  liftshift::ContainerizeArgs containerize_args;
  auto* containerize_cmd = liftshift::add_containerize_command(app, containerize_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (containerize_cmd->parsed()) return liftshift::run_containerize(containerize_args);
  if (rules_cmd->parsed()) {
    std::cout << (rules_format == "markdown" ? liftshift::rules_as_markdown()
                  : rules_format == "json"   ? liftshift::rules_as_json()
                                             : liftshift::rules_as_text());
    return kExitOk;
  }
  if (explain_cmd->parsed()) {
    const auto* rule = liftshift::find_rule(rule_id);
    if (rule == nullptr) {
      std::cerr << "liftshift: no rule '" << rule_id << "'; `liftshift rules` lists them\n";
      return kExitUsage;
    }
    std::cout << liftshift::explain_rule(*rule);
    return kExitOk;
  }

  liftshift::CollectOptions collect_options;
  if (partition > 0) collect_options.partition = partition;
  liftshift::Inventory inventory = liftshift::collect(paths, collect_options);
  std::string text;
  int code = kExitOk;
  if (inventory_cmd->parsed()) {
    text = liftshift::dump_json(liftshift::inventory_to_json(inventory));
  } else {
    liftshift::Assessment assessment = liftshift::assess(inventory);
    if (format == "json") {
      text = liftshift::dump_json(liftshift::assessment_to_json(assessment));
    } else {
      bool to_terminal = output.empty() || output == "-";
      text = liftshift::assessment_to_text(assessment,
                                           {verbose, to_terminal && colour_wanted(stdout)});
    }
    if (!fail_on.empty()) code = fail_on_code(assessment, fail_on);
  }
  if (!write_output(output, text)) {
    std::cerr << "liftshift: cannot write " << output << "\n";
    return kExitUsage;
  }
  for (const auto& s : inventory.sources) {
    if (!s.handled) std::cerr << "liftshift: " << s.path << ": " << s.note << "\n";
  }
  if (any_source_failed(inventory)) return kExitUsage;
  return code;
}
