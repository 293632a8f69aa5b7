#include "collect/app_ids.hpp"

#include <map>
#include <set>

namespace liftshift {

namespace {

std::string without_extension(const std::string& path) {
  auto slash = path.rfind('/');
  auto dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return path;
  return path.substr(0, dot);
}

// Indexes (from first) of the apps whose id another app also has.
std::vector<std::size_t> shared(const std::vector<Application>& apps, std::size_t first) {
  std::map<std::string, int> count;
  for (std::size_t i = first; i < apps.size(); ++i) ++count[apps[i].id];
  std::vector<std::size_t> out;
  for (std::size_t i = first; i < apps.size(); ++i) {
    if (count[apps[i].id] > 1) out.push_back(i);
  }
  return out;
}

}  // namespace

void make_ids_unique(std::vector<Application>& apps, std::size_t first,
                     const std::string& source_name, bool by_entry) {
  for (std::size_t i : shared(apps, first)) {
    if (by_entry && !apps[i].entry.empty())
      apps[i].id = source_name + "/" + without_extension(apps[i].entry);
  }
  std::set<std::string> used;
  for (std::size_t i = first; i < apps.size(); ++i) used.insert(apps[i].id);
  std::map<std::string, int> seen;
  for (std::size_t i = first; i < apps.size(); ++i) {
    int n = ++seen[apps[i].id];
    if (n == 1) continue;
    std::string id;
    do {
      id = apps[i].id + "#" + std::to_string(n++);
    } while (used.count(id) > 0);
    used.insert(id);
    apps[i].id = id;
  }
}

}  // namespace liftshift
