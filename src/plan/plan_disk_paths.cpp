#include "plan/plan_disk_paths.hpp"

#include <system_error>

namespace liftshift {

namespace fs = std::filesystem;

std::string absolute_disk_path(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

void resolve_disk_paths(Plan& plan, const fs::path& plan_folder) {
  for (auto& d : plan.disks) {
    if (d.path.empty() || fs::path(d.path).is_absolute()) continue;
    d.path = (plan_folder / d.path).lexically_normal().string();
  }
}

}  // namespace liftshift
