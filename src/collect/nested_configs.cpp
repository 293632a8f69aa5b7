#include "collect/nested_configs.hpp"

#include <algorithm>

#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

bool logging_config(std::string_view name) {
  return iequals(name, "log4net.config") || iequals(name, "log4net.xml") ||
         iequals(name, "nlog.config") || iequals(name, "nlog.xml");
}

bool appsettings(std::string_view name) {
  return istarts_with(name, "appsettings") && iends_with(name, ".json");
}

}  // namespace

void attach_nested_configs(const ParsedSource& parsed, std::vector<Application>& apps) {
  for (const auto& c : parsed.configs) {
    const std::string_view name = file_name(c.path);
    if (!iequals(name, "web.config") && !logging_config(name) && !appsettings(name)) continue;
    // The app with the deepest root holding the file.
    Application* owner = nullptr;
    for (auto& app : apps) {
      if (!is_under(c.path, app.root)) continue;
      if (owner == nullptr || app.root.size() > owner->root.size()) owner = &app;
    }
    if (owner == nullptr) continue;
    // Only web applications merge sub-folder web.config files.
    if (iequals(name, "web.config") && owner->kind != AppKind::kWeb && owner->kind != AppKind::kWcf)
      continue;
    const bool known = std::any_of(owner->configs.begin(), owner->configs.end(),
                                   [&](const ConfigFacts& o) { return iequals(o.path, c.path); });
    if (!known) owner->configs.push_back(c);
  }
  // A logging config of a library project the app folds in (its build copies
  // log4net.config or NLog.config to the app's output): the app logs by it.
  for (auto& app : apps) {
    for (std::size_t i = 1; i < app.projects.size(); ++i) {
      const std::string_view lib_dir = parent_dir(app.projects[i].path);
      if (is_under(lib_dir, app.root)) continue;  // already under the app's own folder
      for (const auto& c : parsed.configs) {
        if (!logging_config(file_name(c.path)) || !iequals(parent_dir(c.path), lib_dir)) continue;
        const bool known =
            std::any_of(app.configs.begin(), app.configs.end(),
                        [&](const ConfigFacts& o) { return iequals(o.path, c.path); });
        if (!known) app.configs.push_back(c);
      }
    }
  }
}

}  // namespace liftshift
