// Published folders: an IIS site or application (a folder with web.config and
// bin/, Global.asax or pages) is one app; every other executable is one app
// with the DLLs it references, found transitively in its folder.
#include <algorithm>
#include <map>
#include <optional>
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

// Pages IIS runs through a script engine rather than ASP.NET: classic ASP
// (asp.dll) and PHP (FastCGI).
bool is_script_page(std::string_view name) {
  return iends_with(name, ".asp") || iequals(name, "global.asa") || iends_with(name, ".php");
}

// IIS's default documents that make a folder of files a site.
bool is_default_document(std::string_view name) {
  return iequals(name, "index.html") || iequals(name, "index.htm") ||
         iequals(name, "default.htm") || iequals(name, "default.html") ||
         iequals(name, "default.asp") || iequals(name, "index.asp") || iequals(name, "index.php") ||
         iequals(name, "iisstart.htm");
}

// Server code a static site has none of (client scripts are content).
bool server_code(std::string_view path) {
  std::string_view name = file_name(path);
  if (iends_with(name, ".js") || iends_with(name, ".mjs") || iends_with(name, ".ts")) return false;
  return is_code_file(path);
}

std::string bin_of(const std::string& dir) { return dir.empty() ? "bin" : dir + "/bin"; }

// A web.config whose handlers run a script runtime (PHP through FastCGI,
// Node.js through iisnode): a site even without bin/ or ASP.NET pages.
bool script_handler_config(const ConfigFacts& c) {
  for (const auto& m : c.iis_modules) {
    if (m.module == "fastcgi" || m.module == "iisnode") return true;
  }
  return false;
}

std::vector<std::string> web_roots(const ParsedSource& parsed) {
  std::set<std::string> candidates;
  std::set<std::string> script_configs;
  for (const auto& c : parsed.configs) {
    if (!iequals(file_name(c.path), "web.config")) continue;
    candidates.insert(std::string(parent_dir(c.path)));
    if (script_handler_config(c)) script_configs.insert(std::string(parent_dir(c.path)));
  }
  std::vector<std::string> roots;
  for (const auto& dir : candidates) {
    std::string bin = bin_of(dir);
    bool qualifies = script_configs.count(dir) > 0;
    for (const auto& f : parsed.folders) qualifies = qualifies || iequals(f.path, bin);
    for (const auto& f : parsed.files) {
      std::string_view name = file_name(f.path);
      qualifies = qualifies ||
                  (iequals(parent_dir(f.path), dir) && (is_page(name) || is_script_page(name)));
    }
    if (qualifies) roots.push_back(dir);
  }
  // Classic ASP and PHP sites need no web.config: global.asa marks an ASP
  // application's root; other pages belong to the source's root when it
  // holds the site's content, else to their top-level folder.
  auto covered = [&](std::string_view path) {
    for (const auto& r : roots) {
      if (is_under(path, r)) return true;
    }
    return false;
  };
  bool root_has_content = false;
  for (const auto& f : parsed.files) {
    std::string_view name = file_name(f.path);
    if (parent_dir(f.path).empty() && (is_script_page(name) || is_default_document(name) ||
                                       iends_with(name, ".htm") || iends_with(name, ".html")))
      root_has_content = true;
  }
  for (const auto& f : parsed.files) {
    if (iequals(file_name(f.path), "global.asa") && !covered(f.path))
      roots.push_back(std::string(parent_dir(f.path)));
  }
  for (const auto& f : parsed.files) {
    if (!is_script_page(file_name(f.path)) || covered(f.path)) continue;
    std::string dir = std::string(parent_dir(f.path));
    if (root_has_content) {
      dir.clear();
    } else if (auto slash = dir.find('/'); slash != std::string::npos) {
      dir = dir.substr(0, slash);
    }
    roots.push_back(dir);
  }
  // A web.config in a sub-folder of a site (a <location>/<authorization>
  // fragment, an admin/ area with pages) is part of that site; only a folder
  // with a bin/ of its own can be an IIS application of its own.
  std::vector<std::string> out;
  for (const auto& dir : roots) {
    bool nested = false;
    for (const auto& outer : roots) nested = nested || (outer != dir && is_under(dir, outer));
    bool own_bin = false;
    std::string bin = bin_of(dir);
    for (const auto& f : parsed.folders) own_bin = own_bin || iequals(f.path, bin);
    if ((!nested || own_bin) && std::find(out.begin(), out.end(), dir) == out.end())
      out.push_back(dir);
  }
  return out;
}

// A folder of files only (a default document, no server code, no program):
// a static site, served by IIS as it is. The shallowest such folder.
std::optional<std::string> static_root(const ParsedSource& parsed) {
  if (!parsed.binaries.empty()) return std::nullopt;
  std::optional<std::string> best;
  for (const auto& f : parsed.files) {
    if (server_code(f.path)) return std::nullopt;
    if (!is_default_document(file_name(f.path))) continue;
    std::string dir(parent_dir(f.path));
    if (!best || dir.size() < best->size()) best = dir;
  }
  return best;
}

// The file that stands for a site: its web.config, else global.asa, else
// its default document or first page.
std::string site_entry(const ParsedSource& parsed, const std::string& root) {
  std::string config = root.empty() ? "web.config" : root + "/web.config";
  std::string asa, doc, page;
  for (const auto& f : parsed.files) {
    if (!iequals(parent_dir(f.path), root)) continue;
    std::string_view name = file_name(f.path);
    if (iequals(f.path, config)) return f.path;
    if (iequals(name, "global.asa")) asa = f.path;
    if (doc.empty() && is_default_document(name)) doc = f.path;
    if (page.empty() && is_script_page(name)) page = f.path;
  }
  for (const auto& c : parsed.configs) {
    if (iequals(c.path, config)) return c.path;
  }
  return !asa.empty() ? asa : !doc.empty() ? doc : !page.empty() ? page : config;
}

// What a site that is not ASP.NET runs on, from its files: classic ASP
// pages, PHP pages, or files only. kUnknown when it has ASP.NET pages or
// binaries (the profile reads those) or nothing of the kind.
Framework site_files_framework(const ParsedSource& parsed, const std::string& root,
                               const std::vector<std::string>& roots) {
  std::size_t asp = 0;
  std::size_t php = 0;
  std::string asa, first_asp, first_php;
  auto own = [&](std::string_view path) {
    if (!is_under(path, root)) return false;
    for (const auto& r : roots) {
      if (r.size() > root.size() && is_under(r, root) && is_under(path, r)) return false;
    }
    return true;
  };
  for (const auto& f : parsed.files) {
    if (!own(f.path)) continue;
    std::string_view name = file_name(f.path);
    if (is_page(name)) return {};
    if (iequals(name, "global.asa")) asa = f.path;
    if (iends_with(name, ".asp")) {
      if (asp++ == 0) first_asp = f.path;
    }
    if (iends_with(name, ".php")) {
      if (php++ == 0) first_php = f.path;
    }
  }
  // .NET assemblies make the site ASP.NET; native DLLs beside classic ASP
  // pages are the COM components they create (a bin/ of regsvr32'd servers),
  // and so are ComVisible assemblies (regasm'd for the pages' CreateObject).
  for (const auto& b : parsed.binaries) {
    bool com_component = b.com_visible || !b.com_visible_types.empty();
    if (own(b.path) && b.is_clr && !(com_component && (asp > 0 || !asa.empty()))) return {};
  }
  if (asp > 0 || !asa.empty()) {
    return {FrameworkKind::kClassicAsp, "",
            (asa.empty() ? first_asp : asa) + ": classic ASP (" + std::to_string(asp) +
                " .asp page(s)" + (asa.empty() ? "" : ", global.asa") + ")"};
  }
  if (php > 0) {
    return {FrameworkKind::kPhp, "",
            first_php + ": PHP (" + std::to_string(php) + " .php page(s))"};
  }
  return {};
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
  std::optional<std::string> files_only = roots.empty() ? static_root(parsed) : std::nullopt;
  if (files_only) roots.push_back(*files_only);
  for (const auto& root : roots) {
    Application app;
    app.root = root;
    app.name = folder_name(root, source_name);
    app.entry = site_entry(parsed, root);
    app.framework = site_files_framework(parsed, root, roots);
    if (files_only) {
      app.framework = {FrameworkKind::kStatic, "",
                       app.entry + ": a default document and no server code (static content)"};
    }
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
    // A site is named by its folder, a program by its executable.
    bool site = std::find(roots.begin(), roots.end(), app.root) != roots.end() &&
                !iends_with(app.entry, ".exe");
    app.id = source_name + "/" + (site ? (app.root.empty() ? app.name : app.root) : app.entry);
  }
  return apps;
}

}  // namespace liftshift
