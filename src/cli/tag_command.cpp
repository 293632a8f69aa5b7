#include "cli/tag_command.hpp"

#include <iostream>

#include "cli/store_access.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

}  // namespace

CLI::App* add_tag_command(CLI::App& app, TagArgs& args) {
  auto* cmd = app.add_subcommand(
      "tag", "Add a business hint to applications in the results store (key= removes it)");
  cmd->add_option("APP", args.app, "Application id, name, or machine/name (case-insensitive)")
      ->required();
  cmd->add_option("KEY=VALUE", args.assignment, "e.g. priority=high; an empty value removes")
      ->required();
  cmd->add_option("--store", args.store, kStoreOptionHelp);
  return cmd;
}

int run_tag(const TagArgs& args) {
  std::size_t eq = args.assignment.find('=');
  std::string key = eq == std::string::npos ? "" : trim(args.assignment.substr(0, eq));
  if (key.empty()) {
    std::cerr << "liftshift: tag takes KEY=VALUE (e.g. priority=high), not '"
              << printable(args.assignment) << "'\n";
    return kExitUsage;
  }
  std::string value = trim(args.assignment.substr(eq + 1));
  auto store = open_store_or_report(args.store);
  if (!store) return kExitUsage;
  auto matched = (*store)->set_tag({args.app}, key, value);
  if (!matched) return report_store_error(matched.error());
  if (*matched == 0) {
    std::cerr << "liftshift: no application '" << printable(args.app) << "' in "
              << (*store)->describe() << " (give an id, a name, or machine/name)\n";
    return kExitUsage;
  }
  std::string apps = std::to_string(*matched) + (*matched == 1 ? " application" : " applications");
  if (value.empty()) {
    std::cout << "removed " << printable(key) << " from " << apps << "\n";
  } else {
    std::cout << "tagged " << apps << " " << printable(key) << "=" << printable(value) << "\n";
  }
  return kExitOk;
}

}  // namespace liftshift
