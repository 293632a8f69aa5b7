// `liftshift forget SOURCE... [--store URL]`: removes what the results store
// keeps for sources that are gone for good (a decommissioned server, an image
// deleted from the share), so `portfolio` stops ranking them. The run history
// stays.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liftshift {

struct ForgetArgs {
  std::vector<std::string> sources;  // paths as given to assess, or stored identities
  std::string store;
};

CLI::App* add_forget_command(CLI::App& app, ForgetArgs& args);

// Returns the exit code: 0 when every source had something to forget, 2 on a
// store error or when a source had nothing stored (the others are still
// forgotten).
int run_forget(const ForgetArgs& args);

}  // namespace liftshift
