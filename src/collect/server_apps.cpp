#include "collect/server_apps.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "collect/app_profile.hpp"
#include "collect/binary_parse_cache.hpp"
#include "collect/build_files.hpp"
#include "collect/com_class_apps.hpp"
#include "collect/config_includes.hpp"
#include "collect/drive_folders.hpp"
#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "collect/machine_collector.hpp"
#include "collect/nested_configs.hpp"
#include "collect/script_task_apps.hpp"
#include "core/run_stats.hpp"
#include "core/text.hpp"
#include "formats/iis_config.hpp"
#include "formats/iis_modules.hpp"
#include "formats/task_xml.hpp"
#include "sources/sub_volume.hpp"

namespace liftshift {

namespace {

// Each folder is read once, however many services, tasks or programs live in it.
class FolderReader {
 public:
  FolderReader(const Volume& volume, const ReadLimits& limits, std::vector<Problem>& problems)
      : volume_(volume), limits_(limits), problems_(problems) {}

  // The applications of a folder of the volume, their paths relative to the volume.
  std::vector<Application> apps(const std::string& folder) {
    auto it = cache_.find(to_lower(folder));
    if (it != cache_.end()) {
      flush_held_problems(folder);
      return it->second;
    }
    SubVolume sub(volume_, folder);
    ParsedSource parsed = read_source(sub, limits_, &binaries_);
    std::vector<Application> found = group_published(parsed, folder);
    assign_by_root(parsed, found);
    attach_runtime_configs(parsed, found);
    for (auto& app : found) profile_app(app);
    // After the kinds are known, as for a folder given on the command line.
    attach_nested_configs(parsed, found);
    attach_config_includes(parsed, found);
    attach_script_tasks(parsed, found);
    for (auto& app : found) {
      // Evidence that starts with a file of the folder ("global.asa: classic ASP") names it
      // from the volume's root, as every other path of the app does.
      std::string& ev = app.framework.evidence;
      const std::string first = ev.substr(0, ev.find(':'));
      for (const auto& f : parsed.files) {
        if (!first.empty() && f.path == first) {
          ev = join(folder, ev);
          break;
        }
      }
      rebase(app, folder);
    }
    auto& problems_to = hold_problems_ ? held_problems_[to_lower(folder)] : problems_;
    for (auto& p : parsed.problems) problems_to.push_back({folder + "/" + p.path, p.message});
    held_binaries_[to_lower(folder)] = parsed.binaries.size();
    count_held_binaries(static_cast<std::int64_t>(parsed.binaries.size()));
    for (const auto& f : parsed.files) {
      if (!f.is_dir && iends_with(f.path, ".asp")) {
        asp_pages_.emplace(to_lower(folder), join(folder, f.path));
        break;
      }
    }
    auto& files = files_[to_lower(folder)];
    for (const auto& f : parsed.files) {
      if (!f.is_dir && files.size() < kFilesKept) files.push_back(join(folder, f.path));
    }
    return cache_.emplace(to_lower(folder), std::move(found)).first->second;
  }

  // Reads ahead (a desktop program's folder, whose applications are needed
  // before their turn): the problems met are held until apps() is asked for
  // the folder in its turn, so they are listed in the order they always were.
  std::vector<Application> read_ahead(const std::string& folder) {
    hold_problems_ = true;
    auto found = apps(folder);
    hold_problems_ = false;
    return found;
  }

  // One more use of the folder to come: it stays read until release() was
  // called as many times.
  void expect(const std::string& folder) { ++uses_[to_lower(folder)]; }

  // One use of the folder is over: the last drops what was read in it (its
  // applications with their parsed binaries, its file list), so the memory
  // the collector holds does not grow with the number of folders.
  void release(const std::string& folder) {
    const std::string key = to_lower(folder);
    auto use = uses_.find(key);
    if (use == uses_.end() || --use->second > 0) return;
    uses_.erase(use);
    cache_.erase(key);
    files_.erase(key);
    asp_pages_.erase(key);
    if (auto held = held_binaries_.find(key); held != held_binaries_.end()) {
      count_held_binaries(-static_cast<std::int64_t>(held->second));
      held_binaries_.erase(held);
    }
  }

  // A classic ASP page in the folder (read by apps() first), or "".
  std::string asp_page(const std::string& folder) const {
    auto it = asp_pages_.find(to_lower(folder));
    return it == asp_pages_.end() ? "" : it->second;
  }

  // A file of the folder (read by apps() first) that a handler's path
  // ("*.php", "server.js") matches, or "".
  std::string file_matching(const std::string& folder, std::string_view handler_path) const {
    auto it = files_.find(to_lower(folder));
    if (it == files_.end() || handler_path.empty() || handler_path == "*") return "";
    for (const auto& f : it->second) {
      std::string_view name = file_name(f);
      bool match = handler_path.starts_with("*.") ? iends_with(name, handler_path.substr(1))
                                                  : iequals(name, handler_path);
      if (match) return f;
    }
    return "";
  }

 private:
  static std::string join(const std::string& folder, const std::string& rel) {
    return rel.empty() ? folder : folder + "/" + rel;
  }
  static void rebase(Application& app, const std::string& folder) {
    app.root = join(folder, app.root);
    app.entry = join(folder, app.entry);
    for (auto& b : app.binaries.edit()) b.path = join(folder, b.path);
    for (auto& c : app.configs) {
      // A web.config's IIS module evidence starts with the config's path.
      for (auto& m : c.iis_modules) {
        if (m.evidence.starts_with(c.path + ":")) m.evidence = join(folder, m.evidence);
      }
      c.path = join(folder, c.path);
    }
    for (auto& r : app.runtime_configs) r.path = join(folder, r.path);
    for (auto& h : app.source_hits) h.file = join(folder, h.file);
    for (auto& m : app.markers) m.path = join(folder, m.path);
  }

  void flush_held_problems(const std::string& folder) {
    auto held = held_problems_.find(to_lower(folder));
    if (held == held_problems_.end() || hold_problems_) return;
    for (auto& p : held->second) problems_.push_back(std::move(p));
    held_problems_.erase(held);
  }

  // The parsed binaries the folders read and not yet released hold, and
  // their peak (LIFTSHIFT_STATS's held_binaries_peak).
  void count_held_binaries(std::int64_t delta) {
    held_ += delta;
    auto& peak = run_stats().held_binaries_peak;
    const auto now = static_cast<std::uint64_t>(held_);
    if (now > peak.load()) peak.store(now);
  }

  const Volume& volume_;
  const ReadLimits& limits_;
  std::vector<Problem>& problems_;
  std::map<std::string, std::vector<Application>> cache_;
  std::map<std::string, int> uses_;
  std::map<std::string, std::vector<Problem>> held_problems_;
  bool hold_problems_ = false;
  std::map<std::string, std::size_t> held_binaries_;
  std::int64_t held_ = 0;
  BinaryParseCache binaries_;  // a DLL in many sites' bin folders is parsed once
  std::map<std::string, std::string> asp_pages_;
  // Each folder's files, for matching server-wide handlers: capped per folder.
  static constexpr std::size_t kFilesKept = 100'000;
  std::map<std::string, std::vector<std::string>> files_;
};

std::string parent_of(const std::string& path) { return std::string(parent_dir(path)); }

// What the site's own web.config and pages show it needs from IIS (URL
// Rewrite rules, handlers, WebSockets), added to what applicationHost.config
// said. The web.config's modules are those read_source collected into its
// ConfigFacts (configs of the site's folder itself, not of subfolders).
void add_site_modules(const Volume& volume, const FolderReader& reader,
                      const std::vector<ConfigFacts>& configs, const std::string& folder,
                      const IisConfigFacts& server, IisInfo& iis) {
  for (const auto& c : configs) {
    if (iequals(parent_of(c.path), folder) && iequals(file_name(c.path), "web.config")) {
      for (const auto& use : c.iis_modules) add_module_use(iis.modules, use);
    }
  }
  if (std::string page = reader.asp_page(folder); !page.empty())
    add_module_use(iis.modules, {"classic-asp", page + ": a classic ASP page"});
  // A server-wide FastCGI or iisnode handler serves the site when it holds
  // files of the handler's path; the FastCGI application it runs is named.
  for (const auto& h : server.script_handlers) {
    std::string file = reader.file_matching(folder, h.path);
    if (file.empty()) continue;
    IisModuleUse use = h.use;
    use.evidence += "; the site serves " + file;
    for (const auto& app : server.fastcgi_apps) {
      if (!use.program.empty() && iequals(app, use.program))
        use.evidence += "; system.webServer/fastCgi application " + app;
    }
    add_module_use(iis.modules, std::move(use));
  }
  // Whether each FastCGI program is on this volume, to be copied with its folder.
  for (auto& m : iis.modules) {
    if (m.module != "fastcgi") continue;
    std::string exe = m.program.substr(0, m.program.find('|'));
    auto rel = volume_path(exe);
    auto found = rel ? volume.find(*rel) : std::nullopt;
    m.program_present = found && !found->is_dir;
  }
}

// The app in `apps` whose entry is `exe` (case-insensitive), if any.
std::optional<Application> app_for_exe(const std::vector<Application>& apps,
                                       const std::string& exe) {
  for (const auto& a : apps) {
    if (iequals(a.entry, exe)) return a;
  }
  return std::nullopt;
}

std::string safe_id(std::string s) {
  for (char& c : s) {
    if (c == '\\') c = '/';
  }
  return s;
}

// One application the server names (an IIS application, a service, a task,
// a desktop program's folder), made in its turn: the applications are made
// one at a time and each is finished (and handed on) before the next folder
// is read, so a server's parsed binaries are not all held at once.
struct AppMaker {
  std::optional<std::string> folder;  // what it reads through the FolderReader
  std::function<void(std::vector<Application>& out)> make;
};

// Every maker of the server, in the order the applications are listed, and
// every folder that may be an application's root, known before any of them
// is made: an application whose folder holds another's root waits for all to
// be made (its configs there are the other's; the deeper one owns a COM file).
struct ServerMakers {
  std::vector<AppMaker> makers;
  std::vector<std::string> roots;
};

void make_iis_app(const Volume& volume, FolderReader& reader, const MachineFacts& machine,
                  const std::string& source_name, const IisConfigFacts& iis, const IisInfo& info,
                  std::vector<Application>& out, std::vector<Problem>& problems) {
  const std::string config_path = "Windows/System32/inetsrv/config/applicationHost.config";
  Application app;
  app.entry = info.physical_path;  // replaced by the site's web.config when it can be read
  auto folder = volume_path(info.physical_path);
  std::string label = info.app_path == "/" ? info.site : info.site + info.app_path;
  if (!folder) {
    app.not_assessed = "site '" + label + "' serves " + info.physical_path + ", which " +
                       not_on_volume(info.physical_path);
    problems.push_back({config_path, app.not_assessed + ": its content was not assessed"});
  } else if (std::string missing = missing_drive(volume, machine, info.physical_path);
             !missing.empty()) {
    app.not_assessed = "site '" + label + "' serves " + info.physical_path + ", which " + missing;
    problems.push_back({config_path, app.not_assessed + ": its content was not assessed"});
  } else if (auto found = volume.find(*folder); !found || !found->is_dir) {
    app.not_assessed = "site '" + label + "' serves " + info.physical_path +
                       ", which does not exist on this server";
    problems.push_back({config_path, app.not_assessed});
  } else {
    for (auto& a : reader.apps(found->path)) {
      if (iequals(a.root, found->path) &&
          (a.kind == AppKind::kWeb || iends_with(a.entry, "web.config"))) {
        app = a;
      }
    }
    if (app.root.empty()) {
      app.root = found->path;
      app.entry = found->path;  // a site without web.config: static content or classic ASP
      app.framework = {FrameworkKind::kStatic, "",
                       found->path + ": no web.config and no bin folder (static content)"};
    }
  }
  app.iis = info;
  if (app.not_assessed.empty())
    add_site_modules(volume, reader, app.configs, app.root, iis, *app.iis);
  for (auto& b : app.iis->bindings) {
    if (b.protocol != "https") continue;
    std::string port = ":" + std::to_string(b.port);
    for (const auto& [endpoint, hash] : machine.ssl_certificates) {
      bool sni = !b.host.empty() && iequals(endpoint, b.host + port);
      bool ip =
          iequals(endpoint, (b.address == "*" || b.address.empty() ? "0.0.0.0" : b.address) + port);
      if (sni || (ip && b.certificate_hash.empty())) b.certificate_hash = hash;
    }
  }
  for (const auto& p : iis.windows_auth_paths) {
    if (iequals(p, info.site + info.app_path) || iequals(p + "/", info.site + info.app_path) ||
        (info.app_path == "/" && iequals(p, info.site))) {
      app.markers.push_back(
          {MarkerCategory::kWindowsAuth, config_path, "windowsAuthentication enabled for " + p});
    }
  }
  if (iis.windows_auth_default) {
    app.markers.push_back(
        {MarkerCategory::kWindowsAuth, config_path, "windowsAuthentication enabled server-wide"});
  }
  app.name = info.app_path == "/" ? info.site : info.site + info.app_path;
  app.id = source_name + "/iis/" + safe_id(app.name);
  app.kind = AppKind::kWeb;
  out.push_back(std::move(app));
}

void add_iis_makers(const Volume& volume, FolderReader& reader, const MachineFacts& machine,
                    const std::string& source_name, ServerMakers& out,
                    std::vector<Problem>& problems) {
  const std::string config_path = "Windows/System32/inetsrv/config/applicationHost.config";
  auto entry = volume.find(config_path);
  if (!entry) return;
  auto bytes = volume.read(entry->path, 0, 64u << 20);
  if (!bytes) {
    problems.push_back({config_path, bytes.error().message});
    return;
  }
  auto parsed = parse_iis_config(decode_text(*bytes), entry->path);
  if (!parsed) {
    problems.push_back({config_path, parsed.error().message});
    return;
  }
  for (const auto& w : parsed->warnings) problems.push_back({config_path, w});
  auto iis = std::make_shared<const IisConfigFacts>(std::move(*parsed));
  for (std::size_t i = 0; i < iis->apps.size(); ++i) {
    const IisInfo& info = iis->apps[i];
    AppMaker maker;
    auto folder = volume_path(info.physical_path);
    if (folder && missing_drive(volume, machine, info.physical_path).empty()) {
      if (auto found = volume.find(*folder); found && found->is_dir) {
        maker.folder = found->path;
        out.roots.push_back(found->path);
      }
    }
    maker.make = [&volume, &reader, &machine, &source_name, &problems, iis,
                  i](std::vector<Application>& apps) {
      make_iis_app(volume, reader, machine, source_name, *iis, iis->apps[i], apps, problems);
    };
    out.makers.push_back(std::move(maker));
  }
}

void add_exe_app(const Volume& volume, FolderReader& reader, const MachineFacts& machine,
                 const std::string& exe_windows, Application base, std::vector<Application>& out,
                 std::vector<Problem>& problems, const std::string& what) {
  auto rel = volume_path(exe_windows);
  std::string missing = missing_drive(volume, machine, exe_windows);
  std::optional<FileEntry> found = rel ? volume.find(*rel) : std::nullopt;
  if (found && !found->is_dir) {
    if (auto a = app_for_exe(reader.apps(parent_of(found->path)), found->path)) {
      a->id = base.id;
      a->name = base.name;
      a->service = base.service;
      a->task = base.task;
      out.push_back(std::move(*a));
      return;
    }
  }
  base.not_assessed = what + ": its program " + exe_windows + " " +
                      (found              ? "could not be read as an application"
                       : !missing.empty() ? missing
                       : rel              ? "does not exist on this server"
                                          : not_on_volume(exe_windows));
  problems.push_back({rel.value_or(exe_windows), base.not_assessed});
  base.entry = exe_windows;
  out.push_back(std::move(base));
}

// The maker of the application a program is (add_exe_app): it reads the
// program's folder, the application's root.
AppMaker exe_maker(const Volume& volume, FolderReader& reader, const MachineFacts& machine,
                   std::string exe_windows, Application base, std::vector<Problem>& problems,
                   std::string what, ServerMakers& out) {
  AppMaker maker;
  auto rel = volume_path(exe_windows);
  if (auto found = rel ? volume.find(*rel) : std::nullopt; found && !found->is_dir) {
    maker.folder = parent_of(found->path);
    out.roots.push_back(*maker.folder);
  }
  maker.make = [&volume, &reader, &machine, &problems, exe = std::move(exe_windows),
                base = std::move(base), what = std::move(what)](std::vector<Application>& apps) {
    add_exe_app(volume, reader, machine, exe, base, apps, problems, what);
  };
  return maker;
}

void add_service_makers(const Volume& volume, FolderReader& reader, const MachineFacts& m,
                        const std::string& source_name, ServerMakers& out,
                        std::vector<Problem>& problems) {
  for (const auto& s : m.services) {
    if (s.microsoft || s.agent) continue;  // Windows' and the platform's, listed apart
    Application base;
    base.id = source_name + "/service/" + s.name;
    base.name = s.name;
    base.service = s;
    base.kind = AppKind::kService;
    out.makers.push_back(exe_maker(volume, reader, m, executable_of(s.image_path), std::move(base),
                                   problems, "service " + s.name, out));
  }
}

bool microsoft_task(const TaskFacts& t) {
  return istarts_with(t.info.path, "\\Microsoft\\") || icontains(t.author, "Microsoft") ||
         istarts_with(t.author, "$(@%SystemRoot%");
}

// A maker that only lists problems met before its turn, in its turn.
AppMaker problems_maker(std::vector<Problem> held, std::vector<Problem>& problems) {
  AppMaker maker;
  maker.make = [held = std::move(held), &problems](std::vector<Application>&) {
    problems.insert(problems.end(), held.begin(), held.end());
  };
  return maker;
}

// The task files are read and parsed first (their programs' folders are
// roots); what went wrong with each is listed in its turn.
void add_task_makers(const Volume& volume, FolderReader& reader, const MachineFacts& machine,
                     const std::string& source_name, ServerMakers& out,
                     std::vector<Problem>& problems) {
  auto tasks = volume.find("Windows/System32/Tasks");
  if (!tasks || !tasks->is_dir) return;
  std::vector<FileEntry> files;
  SubVolume sub(volume, tasks->path);
  std::vector<Problem> walked;
  sub.walk(
      [&](const FileEntry& e) {
        if (e.is_dir) return !iequals(e.path, "Microsoft");
        if (files.size() < 10'000) files.push_back(e);
        return true;
      },
      walked);
  out.makers.push_back(problems_maker(std::move(walked), problems));
  for (const auto& f : files) {
    auto bytes = sub.read(f.path, 0, 1u << 20);
    if (!bytes) {
      out.makers.push_back(
          problems_maker({{tasks->path + "/" + f.path, bytes.error().message}}, problems));
      continue;
    }
    auto task = parse_task_xml(decode_text(*bytes), tasks->path + "/" + f.path);
    if (!task) {
      out.makers.push_back(
          problems_maker({{tasks->path + "/" + f.path, task.error().message}}, problems));
      continue;
    }
    if (microsoft_task(*task) || task->info.command.empty()) continue;
    Application base;
    base.id = source_name + "/task" + safe_id(task->info.path);
    base.name = task->info.path;
    base.task = task->info;
    base.kind = AppKind::kTask;
    std::string exe = executable_of(task->info.command);
    if (istarts_with(exe, "C:\\Windows\\") || !iends_with(exe, ".exe")) {
      // A script run by a Windows program (cmd, powershell, cscript): the app is the task itself.
      base.entry =
          task->info.command + (task->info.arguments.empty() ? "" : " " + task->info.arguments);
      AppMaker maker;
      maker.make = [base = std::move(base)](std::vector<Application>& apps) {
        apps.push_back(base);
      };
      out.makers.push_back(std::move(maker));
      continue;
    }
    out.makers.push_back(exe_maker(volume, reader, machine, exe, std::move(base), problems,
                                   "task " + task->info.path, out));
  }
}

// A desktop program's folder is read first: its applications' roots are
// found only there.
void add_desktop_makers(const Volume& volume, FolderReader& reader, const MachineFacts& m,
                        const std::string& source_name, ServerMakers& out) {
  for (const auto& p : m.programs) {
    if (p.install_location.empty() || icontains(p.publisher, "Microsoft")) continue;
    auto rel = volume_path(p.install_location);
    if (!rel) continue;
    auto found = volume.find(*rel);
    if (!found || !found->is_dir) continue;
    for (const auto& a : reader.read_ahead(found->path)) {
      if (a.kind == AppKind::kDesktop) out.roots.push_back(a.root);
    }
    AppMaker maker;
    maker.folder = found->path;
    maker.make = [&reader, &source_name, &p, folder = found->path](std::vector<Application>& apps) {
      for (auto& a : reader.apps(folder)) {
        if (a.kind != AppKind::kDesktop) continue;
        bool known = false;
        for (const auto& o : apps) known = known || iequals(o.entry, a.entry);
        if (known) continue;
        a.id = source_name + "/program/" + safe_id(p.name) + "/" + std::string(file_name(a.entry));
        a.name = p.name + " (" + std::string(file_name(a.entry)) + ")";
        apps.push_back(std::move(a));
      }
    };
    out.makers.push_back(std::move(maker));
  }
}

// The path with %SystemDrive%, %SystemRoot% and %windir% expanded to drive C:,
// and without a \\?\ or \??\ prefix.
std::string expanded(std::string_view windows_path) {
  std::string p = trim(windows_path);
  if (istarts_with(p, "\\\\?\\") || istarts_with(p, "\\??\\")) p.erase(0, 4);
  if (istarts_with(p, "%SystemDrive%")) p = "C:" + p.substr(13);
  if (istarts_with(p, "%SystemRoot%") || istarts_with(p, "%windir%")) {
    p = "C:\\Windows" + p.substr(p.find('%', 1) + 1);
  }
  return p;
}

// 'D' for "D:\\x" or "d:", else nullopt (shares, relative paths).
std::optional<char> drive_letter(const std::string& p) {
  if (p.size() < 2 || p[1] != ':' || (p.size() > 2 && p[2] != '\\' && p[2] != '/')) {
    return std::nullopt;
  }
  char c = p[0];
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c < 'A' || c > 'Z') return std::nullopt;
  return c;
}

// A site's folder may hold another application's folder (an IIS
// application /orders served from a sub-folder of the site, a service
// installed under it): the configs there belong to that application, the one
// with the deepest root, not to the site that contains it.
void drop_configs_of_nested_apps(Application& app, const std::vector<Application>& apps) {
  if (app.root.empty()) return;
  std::erase_if(app.configs, [&](const ConfigFacts& c) {
    for (const auto& other : apps) {
      if (other.root.size() > app.root.size() && is_under(other.root, app.root) &&
          is_under(c.path, other.root))
        return true;
    }
    return false;
  });
}

// Whether another application's root may lie inside the app's folder: then
// it is finished only once every application is made.
bool may_hold_another(const Application& app, const std::vector<std::string>& roots) {
  if (app.root.empty()) return false;
  for (const auto& r : roots) {
    if (r.size() > app.root.size() && is_under(r, app.root)) return true;
  }
  return false;
}

// What is left once the server's applications that may hold apps[i]'s root
// are made: its configs, its profile and kind, the folders on other drives it
// names, the COM classes it holds or names; then it is handed on.
void finish_app(const Volume& volume, ComClassAttacher& com, std::vector<Application>& apps,
                std::size_t i, const AppFinished& on_finished) {
  Application& app = apps[i];
  drop_configs_of_nested_apps(app, apps);
  AppKind kind = app.kind;
  // A site is profiled again with what applicationHost.config said (a
  // server-wide FastCGI handler names its runtime).
  if (!app.binaries.empty() || !app.configs.empty() || (app.iis && app.not_assessed.empty()))
    profile_app(app);
  // What the server says wins over what the files suggest.
  if (app.service) app.kind = AppKind::kService;
  if (app.task) app.kind = AppKind::kTask;
  if (app.iis)
    app.kind = kind == AppKind::kWcf || app.kind == AppKind::kWcf ? AppKind::kWcf : AppKind::kWeb;
  if (app.not_assessed.empty()) measure_drive_folders(volume, app);
  com.attach(apps, i);
  if (on_finished) on_finished(i, app);
}

}  // namespace

std::optional<std::string> volume_path(std::string_view windows_path) {
  const std::string p = expanded(windows_path);
  auto letter = drive_letter(p);
  if (!letter) return std::nullopt;
  // ".." is resolved by name, as Windows resolves it; one that would climb
  // above the root of the drive is refused: the path never leaves the drive.
  auto rest = resolve_dot_segments(p.substr(2));
  if (!rest || *letter == 'C') return rest;
  // Another drive of the server: its folder "D:" (sources/server_volume.hpp).
  return std::string(1, *letter) + ":" + (rest->empty() ? "" : "/" + *rest);
}

std::string not_on_volume(std::string_view windows_path) {
  return drive_letter(expanded(windows_path)) ? "climbs out of the drive with '..'"
                                              : "is not on a drive of this server";
}

std::string missing_drive(const Volume& volume, const MachineFacts& machine,
                          std::string_view windows_path) {
  auto letter = drive_letter(expanded(windows_path));
  if (!letter || *letter == 'C') return {};
  std::string drive = std::string(1, *letter) + ":";
  if (volume.find(drive)) return {};
  for (const auto& [name, location] : machine.drives) {
    if (iequals(name, drive)) {
      return "is on drive " + drive + ", which is on no disk given (the server mounts " + drive +
             " from " + location + "; add that disk with --disk)";
    }
  }
  return "is on drive " + drive +
         ", which is on no disk given (the server's MountedDevices does not name " + drive +
         "; add its disk with --disk " + drive + "=PATH)";
}

std::vector<Application> collect_server_apps(const Volume& volume, const MachineFacts& machine,
                                             const std::string& source_name,
                                             const ReadLimits& limits,
                                             std::vector<Problem>& problems,
                                             const AppFinished& on_finished) {
  FolderReader reader(volume, limits, problems);
  ServerMakers plan;
  add_iis_makers(volume, reader, machine, source_name, plan, problems);
  add_service_makers(volume, reader, machine, source_name, plan, problems);
  add_task_makers(volume, reader, machine, source_name, plan, problems);
  add_desktop_makers(volume, reader, machine, source_name, plan);
  for (const auto& m : plan.makers) {
    if (m.folder) reader.expect(*m.folder);
  }
  ComClassAttacher com(volume, machine);
  std::vector<Application> apps;
  std::vector<std::size_t> waiting;
  for (const auto& m : plan.makers) {
    const std::size_t first = apps.size();
    m.make(apps);
    if (m.folder) reader.release(*m.folder);
    for (std::size_t i = first; i < apps.size(); ++i) {
      if (may_hold_another(apps[i], plan.roots)) {
        waiting.push_back(i);
      } else {
        finish_app(volume, com, apps, i, on_finished);
      }
    }
  }
  for (std::size_t i : waiting) finish_app(volume, com, apps, i, on_finished);
  return apps;
}

}  // namespace liftshift
