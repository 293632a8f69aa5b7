// What the build context holds (issue 12, "The build context"): the
// application's own folders, copied from its source by the context writer
// (src/context) — a published app's folder into app/, IIS virtual directories
// served from elsewhere on the system volume, a source tree's whole solution
// folder into src/. Never the rest of the drive: other applications nested in
// the folder, the log folders the app writes, temporary files, version
// control and build outputs are left out.
#include <algorithm>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

// Left out of every copy: version control, IDE state, temporary files.
const std::vector<std::string>& junk() {
  static const std::vector<std::string> kJunk{"**/.git",  "**/.svn", "**/.hg",       "**/.vs",
                                              "**/*.tmp", "**/~$*",  "**/Thumbs.db", "**/*.suo"};
  return kJunk;
}

std::string parent(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string windows_separators(std::string_view path) {
  std::string out(path);
  std::replace(out.begin(), out.end(), '/', '\\');
  return out;
}

// path lies strictly inside dir ("" = the source root).
bool under(std::string_view path, std::string_view dir) {
  if (dir.empty()) return !path.empty();
  return path.size() > dir.size() && istarts_with(path, dir) && path[dir.size()] == '/';
}

std::string relative(const std::string& path, const std::string& dir) {
  return dir.empty() ? path : path.substr(dir.size() + 1);
}

// '/'-separated path with "." and ".." resolved by name; nullopt when it
// climbs above its start.
std::optional<std::string> normalized(std::string_view path) { return resolve_dot_segments(path); }

// Folders of a system drive that hold more than one application (or Windows
// itself): never copied as an application's folder.
bool system_folder(const std::string& root) {
  // The root of the system drive, or of another drive of the server ("D:").
  if (root.empty() || (root.size() == 2 && root[1] == ':')) return true;
  for (const char* f : {"Windows", "Program Files", "Program Files (x86)", "ProgramData", "Users",
                        "inetpub", "Windows/System32", "Windows/SysWOW64"}) {
    if (iequals(root, f)) return true;
  }
  return istarts_with(root, "Windows/");
}

// A log file the app's configuration names, as a path relative to the app's
// folder (root, relative to the source); nullopt when it is elsewhere.
std::optional<std::string> log_in_app(const Application& app, std::string value) {
  for (const char* prefix : {"${basedir}", "~", "|DataDirectory|"}) {
    if (istarts_with(value, prefix)) {
      value = value.substr(std::string_view(prefix).size());
      if (std::string_view(prefix) == "|DataDirectory|") value = "App_Data/" + value;
      break;
    }
  }
  if (value.find('%') != std::string::npos || value.find('$') != std::string::npos || value.empty())
    return std::nullopt;
  std::optional<std::string> rel;
  if (auto abs = system_volume_path(value)) {
    if (app.machine == nullptr || !under(*abs, app.root)) return std::nullopt;
    rel = relative(*abs, app.root);
  } else if (value.size() >= 2 && value[1] == ':') {
    return std::nullopt;  // another drive: not in the app's folder
  } else if (value.front() == '\\' || value.front() == '/') {
    rel = normalized(value);  // "~/logs/x.log"
  } else {
    rel = normalized(value);  // relative to the app's folder
  }
  if (!rel || rel->empty()) return std::nullopt;
  return rel;
}

// The log files the application writes (RuleResults.logs): the folder that
// holds a log inside the app's folder is left out, or the file itself when it
// lies directly in it.
void exclude_logs(const AppAssessment& a, std::vector<std::string>& exclude) {
  std::set<std::string> seen;
  for (const auto& f : a.results.logs.files) {
    auto rel = log_in_app(a.app, f);
    if (!rel) continue;
    std::string dir = parent(*rel);
    std::string ex = dir.empty() ? *rel : dir;
    // A log folder named after a folder that is also the app's data is still a log folder.
    if (seen.insert(to_lower(ex)).second) exclude.push_back(ex);
  }
}

std::string unique_vdir_folder(const AppPlan& plan, const std::string& vdir) {
  std::string base = "vdir/" + dns_label(vdir, 40);
  std::string name = base;
  for (int n = 2; std::any_of(plan.build.copies.begin(), plan.build.copies.end(),
                              [&](const ContextCopy& c) { return c.to == name; });
       ++n)
    name = base + "-" + std::to_string(n);
  return name;
}

// IIS virtual directories served from another folder of the system volume:
// copied beside app/ and put by the Dockerfile where the image serves them
// (the same folder on C:, as plan_storage recreates the virtual directory).
void copy_virtual_dirs(const Application& app, AppPlan& plan) {
  if (!app.iis || app.machine == nullptr) return;
  for (const auto& v : app.iis->virtual_dirs) {
    auto folder = system_volume_path(v.physical_path);
    // A share stays a share; another drive's folder is a volume, seeded by
    // plan_storage from the disk that holds that drive.
    if (!folder) continue;
    if (under(*folder, app.root) || iequals(*folder, app.root)) continue;  // copied with the app
    std::string what = "IIS virtual directory " + v.path + " (" + v.physical_path + ")";
    if (system_folder(*folder)) {
      plan.warnings.push_back(what +
                              " is a system folder: not copied; put its content into the "
                              "image by hand");
      continue;
    }
    ContextCopy c;
    c.from = *folder;
    c.to = unique_vdir_folder(plan, v.path);
    c.exclude = junk();
    c.image_path = "C:\\" + windows_separators(*folder);
    c.reason = what + ": served from outside the site's folder, copied to the same folder";
    plan.build.copies.push_back(std::move(c));
  }
}

void copy_published(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  if (app.machine != nullptr && system_folder(app.root)) {
    plan.warnings.push_back(
        "the application's folder " +
        (app.root.empty() ? std::string("(the drive's root)") : app.root) +
        " is a system folder: nothing is copied into app/; copy the application's own files "
        "there by hand");
    return;
  }
  ContextCopy c;
  c.from = app.root;
  c.to = "app";
  c.exclude = junk();
  exclude_logs(a, c.exclude);
  c.reason = app.kind == AppKind::kWeb || app.kind == AppKind::kWcf ? "the site's content"
                                                                    : "the program's folder";
  plan.build.copies.push_back(std::move(c));
  copy_virtual_dirs(app, plan);
}

// The folder of the solution, or the deepest folder holding every project of
// the application when there is no solution.
std::string solution_folder(const Application& app) {
  if (!app.solution.empty()) return parent(to_forward_slashes(app.solution));
  std::optional<std::string> common;
  for (const auto& p : app.projects) {
    std::string dir = parent(to_forward_slashes(p.path));
    if (!common) {
      common = dir;
      continue;
    }
    while (!common->empty() && !under(dir, *common) && !iequals(dir, *common))
      common = parent(*common);
  }
  return common.value_or(app.root);
}

void copy_source_tree(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  std::string dir = solution_folder(app);
  ContextCopy c;
  c.from = dir;
  // The solution keeps its place under src/, so the project paths the build
  // stage names (relative to the source) stay valid inside C:\src.
  c.to = dir.empty() ? "src" : "src/" + dir;
  c.exclude = junk();
  c.exclude.push_back("**/obj");
  c.exclude.push_back("**/TestResults");
  std::set<std::string> seen;
  for (const auto& p : app.projects) {
    std::string pdir = parent(to_forward_slashes(p.path));
    if (!iequals(pdir, dir) && !under(pdir, dir)) continue;
    std::string bin = (pdir.size() > dir.size() ? relative(pdir, dir) + "/" : "") + "bin";
    if (iequals(pdir, dir)) bin = "bin";
    if (seen.insert(to_lower(bin)).second) c.exclude.push_back(bin);  // the project's build output
  }
  // A credential written in a source file stays out of the image: the build
  // fails until it moves into the configuration (code-secret), whatever the
  // screen of the copy would make of the file's text.
  for (const auto& h : app.source_hits) {
    if (h.category != SourceCategory::kCodeSecret) continue;
    const std::string file = to_forward_slashes(h.file);
    if (!under(file, dir)) continue;
    const std::string rel = relative(file, dir);
    if (!seen.insert(to_lower(rel)).second) continue;
    c.exclude.push_back(rel);
    plan.warnings.push_back(h.file +
                            " holds a credential in a string literal (code-secret): it is left out "
                            "of the build context, so the build fails until the credential moves "
                            "into the configuration (and is changed on the server)");
  }
  c.reason = app.solution.empty() ? "the folder of the application's projects"
                                  : "the solution " + app.solution + " the project belongs to";
  plan.build.copies.push_back(std::move(c));
  plan.build.solution = to_forward_slashes(app.solution);
}

}  // namespace

// "C:\\X\\Y" or "%SystemDrive%\\X\\Y" as a path of the system volume ("X/Y");
// nullopt for other drives, shares and relative paths.
std::optional<std::string> system_volume_path(std::string_view windows) {
  std::string p(windows);
  if (istarts_with(p, "%SystemDrive%")) p = "C:" + p.substr(13);
  if (p.size() < 3 || (p[0] != 'C' && p[0] != 'c') || p[1] != ':' || (p[2] != '\\' && p[2] != '/'))
    return std::nullopt;
  return resolve_dot_segments(p.substr(3));
}

void plan_copies(const AppAssessment& a, AppPlan& plan) {
  if (!a.app.not_assessed.empty()) return;  // its files were not read: nothing to copy
  if (plan.build.from_source) {
    copy_source_tree(a, plan);
  } else {
    copy_published(a, plan);
  }
}

void exclude_nested_apps(const Assessment& assessment, Plan& plan) {
  for (auto& p : plan.apps) {
    if (p.build.from_source) continue;  // the whole solution is built: nothing of it is left out
    for (auto& c : p.build.copies) {
      if (!c.folder) continue;
      for (const auto& other : assessment.apps) {
        const Application& o = other.app;
        if (o.id == p.app_id || o.source != p.source || !o.not_assessed.empty()) continue;
        std::string root = to_forward_slashes(o.root);
        if (!under(root, c.from)) continue;
        std::string rel = relative(root, c.from);
        if (std::find(c.exclude.begin(), c.exclude.end(), rel) == c.exclude.end())
          c.exclude.push_back(rel);
      }
    }
  }
}

}  // namespace liftshift
