// `liftshift assess` and `liftshift inventory`: collect every source, run the
// rules, print the report and keep the result in the results store.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liftshift {

struct AssessArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on;
  std::string output;
  bool verbose = false;
  int partition = 0;
  std::vector<std::string> disks;  // --disk [D:=]PATH: the server's other disks
  bool server = false;             // --server: the PATHs are the disks of one server
  std::string store;               // --store URL|PATH; "" = the default SQLite file
  bool no_store = false;           // --no-store
  std::string from_list;           // --from-list FILE ("-" = stdin)
  std::string shard;               // --shard I/N (0-based I)
};

struct AssessCommands {
  CLI::App* assess = nullptr;
  CLI::App* inventory = nullptr;
};

AssessCommands add_assess_commands(CLI::App& app, AssessArgs& args);

// Runs `assess`; returns the exit code (0 done, 2 usage, source or store
// error, 3 --fail-on reached).
int run_assess(const AssessArgs& args);

// Runs `inventory`; returns the exit code (0 done, 2 usage or source error).
int run_inventory(const AssessArgs& args);

}  // namespace liftshift
