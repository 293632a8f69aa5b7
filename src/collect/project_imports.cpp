#include "collect/project_imports.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace liftshift {

void settle_project_imports(Application& app) {
  auto waits = [](const SourceHit& h) { return !h.needs_import.empty(); };
  if (std::none_of(app.source_hits.begin(), app.source_hits.end(), waits)) return;
  std::vector<std::string> imported;
  for (const auto& p : app.projects)
    imported.insert(imported.end(), p.usings.begin(), p.usings.end());
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kGlobalUsing) imported.push_back(h.text);
  }
  // VB compares names without case; C# namespaces differing only in case are
  // not a real project's.
  auto is_imported = [&](const std::string& ns) {
    return std::any_of(imported.begin(), imported.end(),
                       [&](const std::string& i) { return iequals(i, ns); });
  };
  std::erase_if(app.source_hits, [&](SourceHit& h) {
    if (!waits(h)) return false;
    if (!is_imported(h.needs_import)) return true;
    h.needs_import.clear();
    return false;
  });
}

}  // namespace liftshift
