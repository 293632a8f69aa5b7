// Published folders: an IIS site or application (a folder with web.config and
// bin/, Global.asax or pages) is one app; every other executable is one app
// with the DLLs it references, found transitively in its folder.
#include <map>
#include <set>

#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

bool is_page(std::string_view name) {
  return iends_with(name, ".aspx") || iends_with(name, ".asmx") || iends_with(name, ".svc") ||
         iends_with(name, ".ashx") || iends_with(name, ".cshtml") || iends_with(name, ".vbhtml") ||
         iequals(name, "global.asax");
}

std::vector<std::string> web_roots(const ParsedSource& parsed) {
  std::set<std::string> candidates;
  for (const auto& c : parsed.configs) {
    if (iequals(file_name(c.path), "web.config"))
      candidates.insert(std::string(parent_dir(c.path)));
  }
  std::vector<std::string> roots;
  for (const auto& dir : candidates) {
    std::string bin = dir.empty() ? "bin" : dir + "/bin";
    bool qualifies = false;
    for (const auto& f : parsed.folders) qualifies = qualifies || iequals(f.path, bin);
    for (const auto& f : parsed.files) {
      qualifies = qualifies || (iequals(parent_dir(f.path), dir) && is_page(file_name(f.path)));
    }
    if (qualifies) roots.push_back(dir);
  }
  // A web.config in a sub-folder of a site (a <location>/<authorization>
  // fragment, an admin/ area with pages) is part of that site; only a folder
  // with a bin/ of its own can be an IIS application of its own.
  std::vector<std::string> out;
  for (const auto& dir : roots) {
    bool nested = false;
    for (const auto& outer : roots) nested = nested || (outer != dir && is_under(dir, outer));
    bool own_bin = false;
    std::string bin = dir.empty() ? "bin" : dir + "/bin";
    for (const auto& f : parsed.folders) own_bin = own_bin || iequals(f.path, bin);
    if (!nested || own_bin) out.push_back(dir);
  }
  return out;
}

std::string stem(std::string_view path) {
  std::string_view name = file_name(path);
  auto dot = name.rfind('.');
  return to_lower(dot == std::string_view::npos ? name : name.substr(0, dot));
}

std::string folder_name(std::string_view dir, const std::string& source_name) {
  return dir.empty() ? source_name : std::string(file_name(dir));
}

// Adds to app.binaries, after the entry, the DLLs it references directly or
// through other local DLLs (by assembly name or native import name).
void add_dependencies(Application& app, const std::vector<BinaryFacts>& binaries) {
  std::map<std::string, const BinaryFacts*> by_name;
  for (const auto& b : binaries) {
    if (b.is_dll && is_under(b.path, app.root)) {
      by_name.emplace(stem(b.path), &b);
      if (!b.assembly_name.empty()) by_name.emplace(to_lower(b.assembly_name), &b);
    }
  }
  std::set<const BinaryFacts*> seen;
  std::vector<const BinaryFacts*> queue;
  auto visit = [&](const std::string& name) {
    auto it = by_name.find(to_lower(name));
    if (it != by_name.end() && seen.insert(it->second).second) queue.push_back(it->second);
  };
  auto follow = [&](const BinaryFacts& b) {
    for (const auto& r : b.assembly_refs) visit(r.name);
    for (const auto& imp : b.imports) visit(stem(imp.dll));
    for (const auto& imp : b.delay_imports) visit(stem(imp.dll));
  };
  follow(app.binaries.front());
  while (!queue.empty()) {
    const BinaryFacts* b = queue.back();
    queue.pop_back();
    app.binaries.push_back(*b);
    follow(*b);
  }
}

}  // namespace

std::vector<Application> group_published(ParsedSource& parsed, const std::string& source_name) {
  std::vector<Application> apps;
  std::vector<std::string> roots = web_roots(parsed);
  for (const auto& root : roots) {
    Application app;
    app.root = root;
    app.name = folder_name(root, source_name);
    app.entry = root.empty() ? "web.config" : root + "/web.config";
    for (const auto& b : parsed.binaries) {
      if (b.is_dll && iequals(parent_dir(b.path), root.empty() ? "bin" : root + "/bin")) {
        app.binaries.push_back(b);
      }
    }
    // Pages other than .svc endpoints: a site (MVC, WebForms), whatever .svc
    // files it also serves.
    for (const auto& f : parsed.files) {
      std::string_view name = file_name(f.path);
      if (is_under(f.path, root) && is_page(name) && !iends_with(name, ".svc")) {
        parsed.markers.push_back({MarkerCategory::kWebContent, f.path, "ASP.NET page"});
        break;
      }
    }
    apps.push_back(std::move(app));
  }
  // Configs below a web root (Views/web.config, sub-folder configs) belong to the deepest root.
  for (const auto& c : parsed.configs) {
    if (!iequals(file_name(c.path), "web.config")) continue;
    std::size_t best = apps.size();
    for (std::size_t i = 0; i < apps.size(); ++i) {
      if (is_under(c.path, apps[i].root) &&
          (best == apps.size() || apps[i].root.size() > apps[best].root.size())) {
        best = i;
      }
    }
    if (best < apps.size()) apps[best].configs.push_back(c);
  }
  auto under_web_root = [&](std::string_view path) {
    for (const auto& r : roots) {
      if (is_under(path, r)) return true;
    }
    return false;
  };
  for (const auto& b : parsed.binaries) {
    if (b.is_dll || under_web_root(b.path)) continue;
    Application app;
    app.root = std::string(parent_dir(b.path));
    app.entry = b.path;
    app.name = std::string(file_name(b.path));
    app.name = app.name.substr(0, app.name.size() - 4);
    app.binaries.push_back(b);
    add_dependencies(app, parsed.binaries);
    for (const auto& c : parsed.configs) {
      if (iequals(c.path, b.path + ".config")) app.configs.push_back(c);
    }
    apps.push_back(std::move(app));
  }
  for (auto& app : apps) {
    app.id = source_name + "/" + (app.entry == "web.config" ? app.name : app.entry);
    if (iends_with(app.id, "/web.config")) app.id = app.id.substr(0, app.id.size() - 11);
  }
  return apps;
}

}  // namespace liftshift
