#include "cli/forget_command.hpp"

#include <iostream>

#include "cli/store_access.hpp"
#include "collect/source_identity.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

// A stored identity ("path|qualifier...") is used as it is; a path becomes
// its location, resolved the way assess resolves it.
std::string store_key(const std::string& source) {
  if (source.find('|') != std::string::npos) return source;
  return source_identity(source, {});
}

std::string count(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

CLI::App* add_forget_command(CLI::App& app, ForgetArgs& args) {
  auto* cmd = app.add_subcommand(
      "forget", "Remove sources that are gone for good from the results store (history stays)");
  cmd->add_option("SOURCE", args.sources,
                  "A path as given to assess (every partition and version of it), or a stored "
                  "identity (path|qualifier...) for that one source")
      ->required();
  cmd->add_option("--store", args.store, kStoreOptionHelp);
  return cmd;
}

int run_forget(const ForgetArgs& args) {
  auto store = open_store_or_report(args.store);
  if (!store) return kExitUsage;
  int code = kExitOk;
  for (const auto& source : args.sources) {
    std::string key = store_key(source);
    auto gone = (*store)->forget(key);
    if (!gone) return report_store_error(gone.error());
    if (gone->sources == 0 && gone->problems == 0) {
      std::cerr << "liftshift: nothing stored for " << printable(key) << " in "
                << (*store)->describe() << "\n";
      code = kExitUsage;
      continue;
    }
    std::cout << "forgot " << printable(key) << ": " << count(gone->sources, "source", "sources")
              << ", " << count(gone->apps, "application", "applications") << ", "
              << count(gone->problems, "problem", "problems") << "\n";
  }
  return code;
}

}  // namespace liftshift
