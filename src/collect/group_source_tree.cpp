// Source trees: every executable, web or WCF project is an application; the
// class libraries it references (transitively, through ProjectReference) are
// folded into it. Test projects are not applications.
#include <filesystem>
#include <set>

#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

bool is_test_project(const ProjectFacts& p) {
  std::string_view name = file_name(p.path);
  if (icontains(name, ".Tests.") || icontains(name, ".UnitTests.") || icontains(name, ".Test.")) {
    return true;
  }
  for (const auto& pkg : p.packages) {
    if (iequals(pkg.id, "Microsoft.NET.Test.Sdk") || iequals(pkg.id, "xunit") ||
        iequals(pkg.id, "NUnit") || iequals(pkg.id, "MSTest.TestFramework")) {
      return true;
    }
  }
  return false;
}

bool is_app_project(const ProjectFacts& p) {
  return iequals(p.output_type, "Exe") || iequals(p.output_type, "WinExe") || p.is_web ||
         p.is_wcf || iequals(p.sdk, "Microsoft.NET.Sdk.Web") ||
         iequals(p.sdk, "Microsoft.NET.Sdk.Worker");
}

// Resolves a ProjectReference written relative to the referencing project.
std::string resolve(std::string_view project_path, std::string_view reference) {
  std::filesystem::path base(std::string(parent_dir(project_path)));
  std::filesystem::path joined = (base / to_forward_slashes(reference)).lexically_normal();
  return joined.generic_string();
}

std::string project_stem(std::string_view path) {
  std::string name(file_name(path));
  return name.substr(0, name.rfind('.'));
}

}  // namespace

std::vector<Application> group_source_tree(ParsedSource& parsed, const std::string& source_name) {
  // packages.config sits beside its project.
  for (auto& p : parsed.projects) {
    for (const auto& pc : parsed.packages_configs) {
      if (iequals(parent_dir(pc.path), parent_dir(p.path))) {
        p.packages.insert(p.packages.end(), pc.packages.begin(), pc.packages.end());
      }
    }
  }
  std::vector<Application> apps;
  for (const auto& p : parsed.projects) {
    if (!is_app_project(p) || is_test_project(p)) continue;
    Application app;
    app.root = std::string(parent_dir(p.path));
    app.entry = p.path;
    app.name = p.assembly_name.empty() ? project_stem(p.path) : p.assembly_name;
    app.id = source_name + "/" + project_stem(p.path);
    app.projects.push_back(p);
    // Fold in referenced libraries, transitively.
    std::set<std::string> seen{to_lower(p.path)};
    std::vector<std::string> queue;
    for (const auto& r : p.project_references) queue.push_back(resolve(p.path, r));
    while (!queue.empty()) {
      std::string ref = queue.back();
      queue.pop_back();
      if (!seen.insert(to_lower(ref)).second) continue;
      for (const auto& lib : parsed.projects) {
        if (!iequals(lib.path, ref)) continue;
        app.projects.push_back(lib);
        for (const auto& r : lib.project_references) queue.push_back(resolve(lib.path, r));
      }
    }
    for (const auto& c : parsed.configs) {
      std::string_view name = file_name(c.path);
      if (iequals(parent_dir(c.path), app.root) &&
          (iequals(name, "web.config") || iequals(name, "app.config"))) {
        app.configs.push_back(c);
      }
    }
    apps.push_back(std::move(app));
  }
  // Source hits and markers of a referenced library's folder go to the apps using it.
  assign_by_root(parsed, apps);
  for (auto& app : apps) {
    for (std::size_t i = 1; i < app.projects.size(); ++i) {
      std::string lib_root(parent_dir(app.projects[i].path));
      for (const auto& h : parsed.source_hits) {
        if (is_under(h.file, lib_root) && !is_under(h.file, app.root)) app.source_hits.push_back(h);
      }
    }
  }
  if (apps.empty() && !parsed.projects.empty()) {
    parsed.problems.push_back(
        {"", "only class library or test projects found: no application to assess"});
  }
  return apps;
}

}  // namespace liftshift
