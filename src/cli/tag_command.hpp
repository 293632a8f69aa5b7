// `liftshift tag APP key=value [--store URL]`: business hints on applications
// in the results store (priority=high, owner=payments...), kept across
// re-assessments and used by `liftshift portfolio`. An empty value removes
// the tag.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace liftshift {

struct TagArgs {
  std::string app;         // app id, app name, or machine/app-name (case-insensitive)
  std::string assignment;  // key=value
  std::string store;
};

CLI::App* add_tag_command(CLI::App& app, TagArgs& args);

// Returns the exit code: 0 tagged, 2 usage or store error or no application matched.
int run_tag(const TagArgs& args);

}  // namespace liftshift
