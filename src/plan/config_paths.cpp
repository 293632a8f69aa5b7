// Where a configuration file of the application lands in the image, and the
// ConfigRewrite entry the planner fills for it.
#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

std::string windows_separators(std::string s) {
  std::replace(s.begin(), s.end(), '/', '\\');
  return s;
}

}  // namespace

bool rewritable_config(std::string_view path) { return iends_with(path, ".config"); }

std::string container_config_path(const AppPlan& plan, const std::string& config) {
  std::string path = to_forward_slashes(config);
  const std::string root = to_forward_slashes(plan.root);
  if (!root.empty() && istarts_with(path, root + "/")) path = path.substr(root.size() + 1);
  if (plan.build.from_source && path.find('/') == std::string::npos &&
      iequals(path, "App.config")) {
    // The build writes the project's App.config beside the program as NAME.exe.config.
    auto slash = plan.app_exe.rfind('\\');
    path = (slash == std::string::npos ? plan.app_exe : plan.app_exe.substr(slash + 1)) + ".config";
  }
  return plan.build.app_dir + "\\" + windows_separators(path);
}

std::string container_folder(const std::string& windows_path) {
  auto slash = windows_path.rfind('\\');
  return slash == std::string::npos ? std::string() : windows_path.substr(0, slash);
}

std::string secret_key_for(const AppPlan& plan, const std::string& folder,
                           const std::string& file_name) {
  std::string rel;
  if (istarts_with(folder, plan.build.app_dir + "\\"))
    rel = folder.substr(plan.build.app_dir.size() + 1);
  std::string key = rel.empty() ? file_name : rel + "." + file_name;
  for (auto& c : key) {
    const bool ok =
        std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
    if (!ok) c = c == '\\' ? '.' : '-';
  }
  return key;
}

ConfigRewrite& config_rewrite(AppPlan& plan, const std::string& config) {
  const std::string path = to_forward_slashes(config);
  for (auto& r : plan.config_rewrites) {
    if (r.config == path) return r;
  }
  plan.config_rewrites.push_back({});
  plan.config_rewrites.back().config = path;
  return plan.config_rewrites.back();
}

}  // namespace liftshift
