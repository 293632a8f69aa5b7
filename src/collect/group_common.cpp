#include "collect/group_apps.hpp"
#include "core/text.hpp"

namespace liftshift {

bool is_under(std::string_view path, std::string_view dir) {
  if (dir.empty()) return true;
  if (path.size() < dir.size() || !iequals(path.substr(0, dir.size()), dir)) return false;
  return path.size() == dir.size() || path[dir.size()] == '/';
}

namespace {
// Indexes of the apps whose root is the deepest one containing path.
std::vector<std::size_t> owners(const std::vector<Application>& apps, std::string_view path) {
  std::vector<std::size_t> best;
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const auto& root = apps[i].root;
    if (!is_under(path, root)) continue;
    std::size_t len = root.empty() ? 0 : root.size() + 1;
    if (best.empty() || len > best_len) {
      best = {i};
      best_len = len;
    } else if (len == best_len) {
      best.push_back(i);
    }
  }
  return best;
}
}  // namespace

void assign_by_root(ParsedSource& parsed, std::vector<Application>& apps) {
  for (const auto& m : parsed.markers) {
    for (auto i : owners(apps, m.path)) apps[i].markers.push_back(m);
  }
  for (const auto& h : parsed.source_hits) {
    for (auto i : owners(apps, h.file)) apps[i].source_hits.push_back(h);
  }
}

}  // namespace liftshift
