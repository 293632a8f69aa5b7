// Source trees: every executable, web or WCF project is an application; the
// class libraries it references (transitively, through ProjectReference) are
// folded into it. What ships inside a site is part of that site: the projects
// it references (an Exe among them: a tool in its bin/) and the Library
// projects under its folder (modules, themes, plugins). Test, build and
// benchmark projects and installers are not applications.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "collect/app_profile.hpp"
#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

bool has_package(const ProjectFacts& p, std::initializer_list<std::string_view> prefixes) {
  for (const auto& pkg : p.packages) {
    for (auto prefix : prefixes) {
      if (iequals(pkg.id, prefix) || istarts_with(pkg.id, std::string(prefix) + ".")) return true;
    }
  }
  for (const auto& r : p.references) {
    for (auto prefix : prefixes) {
      if (iequals(r.name, prefix) || istarts_with(r.name, std::string(prefix) + ".")) return true;
    }
  }
  return false;
}

bool is_test_project(const ProjectFacts& p) {
  std::string_view name = file_name(p.path);
  std::string stem(name.substr(0, name.rfind('.')));
  if (icontains(name, ".Tests.") || icontains(name, ".UnitTests.") || icontains(name, ".Test.") ||
      iends_with(stem, "Tests") || iends_with(stem, ".Specs") || iends_with(stem, ".Test")) {
    return true;
  }
  return has_package(
      p, {"Microsoft.NET.Test.Sdk", "xunit", "NUnit", "nunit.framework", "MSTest.TestFramework",
          "Microsoft.VisualStudio.QualityTools.UnitTestFramework",
          "Microsoft.VisualStudio.TestPlatform.TestFramework"});
}

// Build scripts (Nuke, Cake Frosting, a build/ project), benchmarks and
// installers or setup tools: they run on a build machine or once at install,
// never as a workload.
bool is_tooling_project(const ProjectFacts& p) {
  if (has_package(p, {"Nuke.Common", "Cake.Frosting", "Cake.Core", "BenchmarkDotNet", "WixSharp",
                      "Microsoft.Deployment.WindowsInstaller", "WixToolset.Dtf"}))
    return true;
  std::string_view name = file_name(p.path);
  std::string stem(name.substr(0, name.rfind('.')));
  std::string folder(file_name(parent_dir(p.path)));
  if (iequals(stem, "_build") || iequals(stem, "build") || iequals(folder, "build")) return true;
  return icontains(stem, "Benchmark") || istarts_with(stem, "Setup") || iends_with(stem, "Setup") ||
         iends_with(stem, "Installer") || iends_with(stem, "Bootstrapper");
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

namespace {

bool is_web_project(const ProjectFacts& p) {
  return p.is_web || iequals(p.sdk, "Microsoft.NET.Sdk.Web");
}

// Every project p references, transitively, by normalised path (lower-case).
std::set<std::string> references_of(const ProjectFacts& p, const std::vector<ProjectFacts>& all) {
  std::set<std::string> seen;
  std::vector<std::string> queue;
  for (const auto& r : p.project_references) queue.push_back(resolve(p.path, r));
  while (!queue.empty()) {
    std::string ref = queue.back();
    queue.pop_back();
    if (!seen.insert(to_lower(ref)).second) continue;
    for (const auto& lib : all) {
      if (!iequals(lib.path, ref)) continue;
      for (const auto& r : lib.project_references) queue.push_back(resolve(lib.path, r));
    }
  }
  return seen;
}

// The solution that lists the project, or the nearest .sln above it;
// nullopt when none.
std::optional<std::string> solution_of(const ProjectFacts& p, const ParsedSource& parsed) {
  for (const auto& s : parsed.solutions) {
    for (const auto& sp : s.projects) {
      if (iequals(resolve(s.path, sp.path), p.path)) return s.path;
    }
  }
  std::optional<std::string> best;
  for (const auto& f : parsed.files) {  // any .sln, also one that could not be parsed
    if (!iends_with(f.path, ".sln")) continue;
    std::string dir(parent_dir(f.path));
    if (is_under(p.path, dir) && (!best || dir.size() > parent_dir(*best).size())) best = f.path;
  }
  return best;
}

std::optional<std::string> solution_dir(const ProjectFacts& p, const ParsedSource& parsed) {
  auto sln = solution_of(p, parsed);
  if (!sln) return std::nullopt;
  return std::string(parent_dir(*sln));
}

std::string normalized(const std::string& path) {
  std::string out = std::filesystem::path(path).lexically_normal().generic_string();
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out == "." ? std::string{} : out;
}

// Where a project's build copies its output (PostBuildEvent, <Copy>), as
// folders of the source tree; destinations outside it or with macros other
// than $(SolutionDir) and $(ProjectDir) are left out.
std::vector<std::string> copy_targets(const ProjectFacts& p, const ParsedSource& parsed) {
  std::vector<std::string> out;
  const std::string project_dir(parent_dir(p.path));
  for (const auto& raw : p.copy_destinations) {
    std::string d = to_forward_slashes(raw);
    std::string base = project_dir;
    constexpr std::string_view kSolutionDir = "$(SolutionDir)";
    constexpr std::string_view kProjectDir = "$(ProjectDir)";
    if (istarts_with(d, kSolutionDir)) {
      auto sln = solution_dir(p, parsed);
      if (!sln) continue;
      base = *sln;
      d = d.substr(kSolutionDir.size());
    } else if (istarts_with(d, kProjectDir)) {
      d = d.substr(kProjectDir.size());
    }
    if (d.find("$(") != std::string::npos || d.empty() || d[0] == '/' ||
        (d.size() > 1 && d[1] == ':'))
      continue;
    std::string target = normalized(base.empty() ? d : base + "/" + d);
    if (target.rfind("..", 0) == 0) continue;
    out.push_back(target);
  }
  return out;
}

// True when the folder is a bin/ folder (or inside one) of the site at root.
bool into_site_bin(std::string_view folder, std::string_view root) {
  if (!is_under(folder, root)) return false;
  std::string rest = "/" + to_lower(folder.substr(root.size()));
  return rest.find("/bin/") != std::string::npos || iends_with(rest, "/bin");
}

std::size_t depth(std::string_view path) {
  return static_cast<std::size_t>(std::count(path.begin(), path.end(), '/'));
}

// Web Site projects of the solutions (a folder listed with the Web Site
// type, its WebsiteProperties, no project file): each is an ASP.NET site of
// .NET Framework, compiled by ASP.NET (or aspnet_compiler) from its files.
void add_website_projects(ParsedSource& parsed, const std::string& source_name,
                          std::vector<Application>& apps) {
  for (const auto& s : parsed.solutions) {
    for (const auto& sp : s.projects) {
      if (!sp.website) continue;
      const std::string where = s.path + ": Web Site project '" + printable(sp.name) + "'";
      if (sp.path.find("://") != std::string::npos) {
        parsed.problems.push_back({s.path, "Web Site project '" + printable(sp.name) +
                                               "' is served from " + printable(sp.path) +
                                               ", not from a folder of this source: not assessed"});
        continue;
      }
      std::string root = normalized(resolve(s.path, sp.path));
      bool found = root.empty();
      for (const auto& f : parsed.folders) found = found || iequals(f.path, root);
      if (!found) {
        parsed.problems.push_back({s.path, "Web Site project '" + printable(sp.name) +
                                               "': its folder " + printable(root) +
                                               " is not in the source"});
        continue;
      }
      bool known = false;
      for (const auto& a : apps) known = known || iequals(a.root, root);
      if (known) continue;
      Application app;
      app.root = root;
      app.entry = root.empty() ? "web.config" : root + "/web.config";
      app.solution = s.path;
      app.name = printable(sp.name);
      app.id = source_name + "/" + (root.empty() ? app.name : root);
      Framework f = framework_from_target_attribute(sp.target_framework);
      app.framework =
          f.kind == FrameworkKind::kNetFx
              ? Framework{f.kind, f.version,
                          where + " (TargetFrameworkMoniker " + sp.target_framework + ")"}
              : Framework{FrameworkKind::kNetFx, "",
                          where + " (.NET Framework, version not named)"};
      app.kind_evidence.push_back(where + ": a folder, no project file");
      std::string app_code = root.empty() ? "App_Code" : root + "/App_Code";
      for (const auto& d : parsed.folders) {
        if (iequals(d.path, app_code))
          app.kind_evidence.push_back(d.path + ": its code, compiled by ASP.NET on the server");
      }
      for (const auto& c : parsed.configs) {
        if (is_under(c.path, root) && iequals(file_name(c.path), "web.config") &&
            iequals(parent_dir(c.path), root))
          app.configs.push_back(c);
      }
      apps.push_back(std::move(app));
    }
  }
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
  std::vector<const ProjectFacts*> candidates;
  for (const auto& p : parsed.projects) {
    if (is_app_project(p) && !is_test_project(p) && !is_tooling_project(p))
      candidates.push_back(&p);
  }
  // A WCF service library (Library output) that another application's
  // project references is hosted by that application (a ServiceHost in its
  // Main, a site's .svc): it ships in it, it is no IIS application of its own.
  // A client that references the library for its contracts hosts nothing:
  // only a program opening a ServiceHost in its own folder, or a site, counts.
  auto hosts_wcf = [&](const ProjectFacts& p) {
    if (is_web_project(p)) return true;
    const std::string root(parent_dir(p.path));
    return std::any_of(parsed.source_hits.begin(), parsed.source_hits.end(), [&](const auto& h) {
      return (h.category == SourceCategory::kEntryWcfHost ||
              (h.category == SourceCategory::kHostingCall && icontains(h.text, "ServiceHost"))) &&
             is_under(h.file, root);
    });
  };
  std::set<std::string> referenced_by_apps;
  for (const ProjectFacts* p : candidates) {
    if ((p->is_wcf && iequals(p->output_type, "Library")) || !hosts_wcf(*p)) continue;
    for (const auto& r : references_of(*p, parsed.projects)) referenced_by_apps.insert(r);
  }
  std::erase_if(candidates, [&](const ProjectFacts* p) {
    return p->is_wcf && !p->is_web && iequals(p->output_type, "Library") &&
           referenced_by_apps.count(to_lower(p->path)) > 0;
  });
  // Sites first, shallowest first: a site folds what it references and the
  // libraries under its folder, even web-typed ones (modules, themes).
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const ProjectFacts* a, const ProjectFacts* b) {
                     bool wa = is_web_project(*a);
                     bool wb = is_web_project(*b);
                     if (wa != wb) return wa;
                     return depth(a->path) < depth(b->path);
                   });
  struct Site {
    const ProjectFacts* project;
    std::string root;
    std::set<std::string> refs;
  };
  std::vector<Site> sites;
  std::vector<const ProjectFacts*> app_projects;
  std::map<const ProjectFacts*, std::vector<const ProjectFacts*>> shipped;  // site -> folded
  for (const ProjectFacts* p : candidates) {
    const Site* host = nullptr;
    for (const auto& site : sites) {
      bool referenced = site.refs.count(to_lower(p->path)) > 0;
      bool library_inside = iequals(p->output_type, "Library") &&
                            is_under(parent_dir(p->path), site.root) &&
                            !iequals(parent_dir(p->path), site.root);
      bool copied_in = false;
      for (const auto& t : copy_targets(*p, parsed))
        copied_in = copied_in || into_site_bin(t, site.root);
      if (referenced || library_inside || copied_in) {
        host = &site;
        break;
      }
    }
    if (host != nullptr) {
      shipped[host->project].push_back(p);
      continue;
    }
    app_projects.push_back(p);
    if (is_web_project(*p))
      sites.push_back({p, std::string(parent_dir(p->path)), references_of(*p, parsed.projects)});
  }
  // Libraries whose build copies them into a site's bin/ (plugins) ship in it.
  for (const auto& p : parsed.projects) {
    if (is_app_project(p) || is_test_project(p) || p.copy_destinations.empty()) continue;
    for (const auto& site : sites) {
      bool copied_in = false;
      for (const auto& t : copy_targets(p, parsed))
        copied_in = copied_in || into_site_bin(t, site.root);
      if (copied_in) {
        shipped[site.project].push_back(&p);
        break;
      }
    }
  }
  std::vector<Application> apps;
  for (const ProjectFacts* pp : app_projects) {
    const ProjectFacts& p = *pp;
    Application app;
    app.root = std::string(parent_dir(p.path));
    app.entry = p.path;
    app.solution = solution_of(p, parsed).value_or("");
    app.name = p.assembly_name.empty() ? project_stem(p.path) : p.assembly_name;
    app.id = source_name + "/" + project_stem(p.path);
    app.projects.push_back(p);
    // Fold in referenced projects, transitively, then what ships in a site.
    std::set<std::string> seen{to_lower(p.path)};
    std::vector<std::string> queue;
    for (const auto& r : p.project_references) queue.push_back(resolve(p.path, r));
    for (const ProjectFacts* s : shipped[pp]) queue.push_back(s->path);
    std::reverse(queue.begin(), queue.end());
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
  add_website_projects(parsed, source_name, apps);
  // Source hits and markers of a referenced library's folder go to the apps using it.
  assign_by_root(parsed, apps);
  for (auto& app : apps) {
    // Each folder once: a library nested in another's folder adds nothing more.
    std::vector<std::string> lib_roots;
    for (std::size_t i = 1; i < app.projects.size(); ++i)
      lib_roots.emplace_back(parent_dir(app.projects[i].path));
    std::sort(lib_roots.begin(), lib_roots.end(),
              [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    std::vector<std::string> outer;
    for (const auto& r : lib_roots) {
      bool inside = is_under(r, app.root);
      for (const auto& o : outer) inside = inside || is_under(r, o);
      if (!inside) outer.push_back(r);
    }
    for (const auto& lib_root : outer) {
      for (const auto& h : parsed.source_hits) {
        if (is_under(h.file, lib_root)) app.source_hits.push_back(h);
      }
    }
  }
  if (apps.empty() && !parsed.projects.empty()) {
    parsed.problems.push_back(
        {"", "only class library, test or build projects found: no application to assess"});
  }
  return apps;
}

}  // namespace liftshift
