// liftshift: the command-line front end. The only place that prints to the
// terminal or decides the exit code.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "cli/assess_command.hpp"
#include "cli/containerize_command.hpp"
#include "cli/fleet_job_command.hpp"
#include "cli/forget_command.hpp"
#include "cli/plan_command.hpp"
#include "cli/portfolio_command.hpp"
#include "cli/tag_command.hpp"
#include "core/run_stats.hpp"
#include "rules/catalogue_text.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

// LIFTSHIFT_STATS=1: the counters benchmarks read, on stderr when main returns.
struct StatsAtExit {
  ~StatsAtExit() {
    const char* on = std::getenv("LIFTSHIFT_STATS");
    if (on != nullptr && std::string_view(on) == "1") {
      std::cerr << liftshift::run_stats_line() << "\n";
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  StatsAtExit stats_at_exit;
  CLI::App app{
      "liftshift: which Windows applications can be lifted into Windows containers, "
      "what must change first, with the evidence for every finding."};
  app.set_version_flag("--version", std::string("liftshift ") + LIFTSHIFT_VERSION);
  app.require_subcommand(1);

  liftshift::AssessArgs assess_args;
  auto assess_cmds = liftshift::add_assess_commands(app, assess_args);
  liftshift::TagArgs tag_args;
  auto* tag_cmd = liftshift::add_tag_command(app, tag_args);
  liftshift::ForgetArgs forget_args;
  auto* forget_cmd = liftshift::add_forget_command(app, forget_args);

  std::string rules_format = "text";
  auto* rules_cmd = app.add_subcommand("rules", "List the rule catalogue");
  rules_cmd->add_option("--format", rules_format, "Output format")
      ->check(CLI::IsMember({"text", "markdown", "summary", "json"}));

  std::string rule_id;
  auto* explain_cmd = app.add_subcommand("explain", "Explain one rule in full");
  explain_cmd->add_option("ID", rule_id, "Rule id, e.g. gui-desktop")->required();

  liftshift::ContainerizeArgs containerize_args;
  auto* containerize_cmd = liftshift::add_containerize_command(app, containerize_args);
  liftshift::PlanArgs plan_args;
  auto* plan_cmd = liftshift::add_plan_command(app, plan_args);

  liftshift::FleetJobArgs fleet_job_args;
  auto* fleet_job_cmd = liftshift::add_fleet_job_command(app, fleet_job_args);
  liftshift::PortfolioArgs portfolio_args;
  auto* portfolio_cmd = liftshift::add_portfolio_command(app, portfolio_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    liftshift::explain_parse_error(containerize_cmd, e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (containerize_cmd->parsed()) return liftshift::run_containerize(containerize_args);
  if (plan_cmd->parsed()) return liftshift::run_plan(plan_args);
  if (fleet_job_cmd->parsed()) return liftshift::run_fleet_job(fleet_job_args);
  if (portfolio_cmd->parsed()) return liftshift::run_portfolio(portfolio_args);
  if (rules_cmd->parsed()) {
    std::cout << (rules_format == "markdown"  ? liftshift::rules_as_markdown()
                  : rules_format == "summary" ? liftshift::rules_summary_markdown()
                  : rules_format == "json"    ? liftshift::rules_as_json()
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

  if (assess_cmds.inventory->parsed()) return liftshift::run_inventory(assess_args);
  if (assess_cmds.assess->parsed()) return liftshift::run_assess(assess_args);
  if (tag_cmd->parsed()) return liftshift::run_tag(tag_args);
  if (forget_cmd->parsed()) return liftshift::run_forget(forget_args);
  return kExitUsage;
}
