#include "collect/build_files.hpp"

#include <string>
#include <string_view>

#include "collect/file_kind.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

// The build file named `name` directly in `dir` that sets target frameworks.
const ProjectFacts* framework_file(const std::vector<ProjectFacts>& files, std::string_view dir,
                                   std::string_view name) {
  for (const auto& f : files) {
    if (!f.target_frameworks.empty() && iequals(parent_dir(f.path), dir) &&
        iequals(file_name(f.path), name)) {
      return &f;
    }
  }
  return nullptr;
}

// The nearest `name` from `dir` up to the source root that sets frameworks.
const ProjectFacts* nearest(const std::vector<ProjectFacts>& files, std::string_view dir,
                            std::string_view name) {
  while (true) {
    if (const ProjectFacts* f = framework_file(files, dir, name)) return f;
    if (dir.empty()) return nullptr;
    dir = parent_dir(dir);
  }
}

std::string stem_of(std::string_view name, std::string_view suffix) {
  return std::string(name.substr(0, name.size() - suffix.size()));
}

}  // namespace

void inherit_build_files(std::vector<ProjectFacts>& projects,
                         const std::vector<ProjectFacts>& build_files) {
  if (build_files.empty()) return;
  for (auto& p : projects) {
    if (!p.target_frameworks.empty()) continue;
    std::string_view dir = parent_dir(p.path);
    const ProjectFacts* from = nearest(build_files, dir, "Directory.Build.props");
    if (from == nullptr) from = nearest(build_files, dir, "Directory.Build.targets");
    if (from == nullptr) continue;
    p.target_frameworks = from->target_frameworks;
    p.target_frameworks_from = from->path;
  }
}

void attach_runtime_configs(const ParsedSource& parsed, std::vector<Application>& apps) {
  for (auto& app : apps) {
    std::string_view entry = file_name(app.entry);
    if (!iends_with(entry, ".exe") && !iends_with(entry, ".dll")) continue;
    const std::string stem = stem_of(entry, ".exe");
    for (const auto& rc : parsed.runtime_configs) {
      std::string_view name = file_name(rc.path);
      if (iequals(parent_dir(rc.path), parent_dir(app.entry)) &&
          iequals(stem_of(name, ".runtimeconfig.json"), stem)) {
        app.runtime_configs.push_back(rc);
      }
    }
  }
}

}  // namespace liftshift
