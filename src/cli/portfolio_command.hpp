// `liftshift portfolio`: every application of every machine in the results
// store, ranked for migration (portfolio/portfolio.hpp), with the totals.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace liftshift {

struct PortfolioArgs {
  std::string store;  // URL or SQLite path; "" for the default store
  std::string format = "table";
  std::string output;
};

CLI::App* add_portfolio_command(CLI::App& app, PortfolioArgs& args);

// Runs the verb; returns the exit code (0 done, 2 store or output error).
int run_portfolio(const PortfolioArgs& args);

}  // namespace liftshift
