#include "cli/portfolio_command.hpp"

#include <iostream>

#include "cli/report_output.hpp"
#include "cli/store_access.hpp"

namespace liftshift {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

}  // namespace

CLI::App* add_portfolio_command(CLI::App& app, PortfolioArgs& args) {
  auto* cmd = app.add_subcommand(
      "portfolio", "Rank every application in the results store for migration, with totals");
  cmd->add_option("--store", args.store, kStoreOptionHelp);
  cmd->add_option("--format", args.format, "Output format (default table)")
      ->check(CLI::IsMember({"table", "json", "csv", "html", "sarif"}));
  cmd->add_option("-o,--output", args.output, "Write the report to this file instead of stdout");
  return cmd;
}

int run_portfolio(const PortfolioArgs& args) {
  auto store = open_store_or_report(args.store);
  if (!store) return kExitUsage;
  auto estate = (*store)->load();
  if (!estate) return report_store_error(estate.error());
  Report report = std::move(estate).value();
  report.title = "liftshift portfolio";
  report.generated_at = utc_now_iso8601();
  auto text = render_ranked_report(std::move(report), args.format);
  if (!text) {
    std::cerr << "liftshift: " << text.error().message << "\n";
    return kExitUsage;
  }
  if (auto error = write_report_output(args.output, *text)) {
    std::cerr << "liftshift: " << error->message << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace liftshift
