#include "collect/app_profile.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "collect/project_imports.hpp"
#include "core/app_queries.hpp"
#include "core/native_projects.hpp"
#include "core/text.hpp"
#include "formats/clr_entry_point.hpp"
#include "formats/entry_point_scan.hpp"
#include "formats/source_scan.hpp"

namespace liftshift {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "472" -> "4.7.2"; "48" -> "4.8"; "11" -> "1.1".
std::string dotted(std::string_view digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

// "4.7.2", "v4.7.2", "4.5.2" from a config's targetFramework attribute.
std::string strip_v(std::string_view s) {
  return std::string(!s.empty() && (s[0] == 'v' || s[0] == 'V') ? s.substr(1) : s);
}

}  // namespace

Framework framework_from_tfm(std::string_view tfm) {
  std::string t = to_lower(tfm);
  auto dash = t.find('-');
  if (dash != std::string::npos) t = t.substr(0, dash);
  if (t.rfind("netcoreapp", 0) == 0) return {FrameworkKind::kDotnet, t.substr(10), ""};
  if (t.rfind("netstandard", 0) == 0) return {};
  if (t.rfind("net", 0) == 0) {
    std::string rest = t.substr(3);
    if (all_digits(rest)) return {FrameworkKind::kNetFx, dotted(rest), ""};
    if (rest.find('.') != std::string::npos) return {FrameworkKind::kDotnet, rest, ""};
  }
  if (t.rfind('v', 0) == 0) return {FrameworkKind::kNetFx, t.substr(1), ""};
  return {};
}

Framework framework_from_target_attribute(std::string_view value) {
  auto pos = value.find("Version=");
  if (pos == std::string_view::npos) return {};
  std::string version = strip_v(value.substr(pos + 8));
  if (istarts_with(value, ".NETFramework")) return {FrameworkKind::kNetFx, version, ""};
  if (istarts_with(value, ".NETCoreApp")) return {FrameworkKind::kDotnet, version, ""};
  return {};
}

Framework framework_from_clr(const BinaryFacts& b) {
  const std::string& v = b.clr_version;
  if (istarts_with(v, "v1.0")) return {FrameworkKind::kNetFx, "1.0", ""};
  if (istarts_with(v, "v1.1")) return {FrameworkKind::kNetFx, "1.1", ""};
  if (istarts_with(v, "v2.0")) {
    for (const auto& r : b.assembly_refs) {
      if (iequals(r.name, "System.Core") && istarts_with(r.version, "3.5"))
        return {FrameworkKind::kNetFx, "3.5", ""};
    }
    return {FrameworkKind::kNetFx, "2.0", ""};
  }
  if (istarts_with(v, "v4.0")) {
    for (const auto& r : b.assembly_refs) {
      if (iequals(r.name, "System.Runtime") && !istarts_with(r.version, "4.0")) {
        return {FrameworkKind::kDotnet, "", ""};
      }
    }
    return {FrameworkKind::kNetFx, "4.x", ""};
  }
  return {};
}

namespace {

// The program the app is started by: the binary that is the app's entry
// ("" for a site, whose host is IIS; a DLL in its bin/ is not the host).
const BinaryFacts* host_binary(const Application& app) {
  for (const auto& b : app.binaries) {
    if (!b.is_dll && b.path == app.entry) return &b;
  }
  return nullptr;
}

// The configuration file of the host program ("Tool.exe.config") or the
// site's root web.config (the entry itself).
const ConfigFacts* host_config(const Application& app) {
  for (const auto& c : app.configs) {
    if (iequals(c.path, app.entry + ".config") || iequals(c.path, app.entry)) return &c;
  }
  return nullptr;
}

// The runtime that `<supportedRuntime version>` names: "v4.0.30319" -> 4.x,
// "v2.0.50727" -> 2.0 (3.5 when the host references System.Core 3.5).
Framework framework_from_runtime(std::string_view version, const BinaryFacts* host) {
  BinaryFacts probe;
  if (host != nullptr) probe = *host;
  probe.clr_version = std::string(version);
  Framework f = framework_from_clr(probe);
  return f.kind == FrameworkKind::kDotnet ? Framework{FrameworkKind::kNetFx, "4.x", ""} : f;
}

// Among CLR binaries with no host to say which runtime loads them, the
// newest runtime: a library runs in its host's runtime, which is at least as
// new as the newest library it loads.
const BinaryFacts* newest_clr_binary(const Application& app) {
  const BinaryFacts* best = nullptr;
  for (const auto& b : app.binaries) {
    if (!b.is_clr || framework_from_clr(b).kind == FrameworkKind::kUnknown) continue;
    if (best == nullptr || b.clr_version > best->clr_version) best = &b;
  }
  return best;
}

// A project's framework: its only target, or of several (TargetFrameworks)
// the .NET Framework one, which is what a Windows container lifts as is;
// every target is reported.
Framework project_framework(const ProjectFacts& p) {
  if (is_native_project(p)) {
    const std::string toolset = p.native.platform_toolset.empty()
                                    ? std::string("no PlatformToolset")
                                    : "PlatformToolset " + p.native.platform_toolset;
    return {FrameworkKind::kNative, "", p.path + ": Visual C++ project (" + toolset + ")"};
  }
  const std::string from =
      p.target_frameworks_from.empty() ? "" : " (from " + p.target_frameworks_from + ")";
  Framework best;
  std::string chosen;
  for (const auto& tfm : p.target_frameworks) {
    Framework f = framework_from_tfm(tfm);
    if (f.kind == FrameworkKind::kUnknown ||
        (best.kind != FrameworkKind::kUnknown &&
         (best.kind == FrameworkKind::kNetFx || f.kind != FrameworkKind::kNetFx)))
      continue;
    best = f;
    chosen = tfm;
    best.evidence = p.path + ": target framework " + tfm + from;
  }
  if (best.kind != FrameworkKind::kUnknown && p.target_frameworks.size() > 1) {
    best.targets = p.target_frameworks;
    std::string all;
    for (const auto& t : p.target_frameworks) all += (all.empty() ? "" : ";") + t;
    best.evidence = p.path + ": target frameworks " + all + from + " (" + chosen + " is planned" +
                    (best.kind == FrameworkKind::kNetFx ? ": the .NET Framework one" : "") + ")";
  }
  return best;
}

// A published .NET (Core) app: App.runtimeconfig.json names the shared
// framework the host loads (App.exe is then the native apphost, App.dll the
// managed code).
Framework runtime_config_framework(const Application& app) {
  for (const auto& rc : app.runtime_configs) {
    for (const auto& fw : rc.frameworks) {
      if (!istarts_with(fw.name, "Microsoft.")) continue;
      std::string v = fw.version;
      if (auto dot = v.find('.'); dot != std::string::npos) {
        auto second = v.find('.', dot + 1);
        if (second != std::string::npos) v = v.substr(0, second);
      }
      std::string host = iends_with(app.entry, ".exe") ? "; " + app.entry + " is its apphost" : "";
      return {FrameworkKind::kDotnet, v, rc.path + ": " + fw.name + " " + fw.version + host, {}};
    }
    if (Framework f = framework_from_tfm(rc.tfm); f.kind == FrameworkKind::kDotnet) {
      f.evidence = rc.path + ": tfm " + rc.tfm;
      return f;
    }
  }
  return {};
}

// A runtime IIS runs through a handler of the site's web.config or its
// server's configuration: FastCGI (PHP's php-cgi.exe, Python's wfastcgi) or iisnode.
Framework script_host_framework(const Application& app) {
  for (const IisModuleUse& m : iis_module_uses(app)) {
    if (m.module == "iisnode") return {FrameworkKind::kNode, "", m.evidence};
    if (m.module != "fastcgi") continue;
    if (icontains(m.program, "php")) return {FrameworkKind::kPhp, "", m.evidence};
    if (icontains(m.program, "python") || icontains(m.program, "wfastcgi"))
      return {FrameworkKind::kPython, "", m.evidence};
    return {FrameworkKind::kOther, "", m.evidence};
  }
  return {};
}

Framework detect_framework(const Application& app) {
  for (const auto& p : app.projects) {
    if (Framework f = project_framework(p); f.kind != FrameworkKind::kUnknown) return f;
  }
  if (Framework f = runtime_config_framework(app); f.kind != FrameworkKind::kUnknown) return f;
  const BinaryFacts* host = host_binary(app);
  auto from_binary = [](const BinaryFacts& b) {
    Framework f = framework_from_target_attribute(b.target_framework);
    if (f.kind != FrameworkKind::kUnknown)
      f.evidence = b.path + ": TargetFrameworkAttribute " + b.target_framework;
    return f;
  };
  if (host != nullptr && host->is_clr) {
    if (Framework f = from_binary(*host); f.kind != FrameworkKind::kUnknown) return f;
  }
  // The host's own configuration decides the runtime before anything else in
  // the folder: a site's targetFramework, a program's preferred (first)
  // supportedRuntime.
  const ConfigFacts* own = host_config(app);
  auto from_config = [](const ConfigFacts& c) {
    Framework f = framework_from_target_attribute(c.target_framework);
    if (f.kind == FrameworkKind::kUnknown)
      f = {FrameworkKind::kNetFx, strip_v(c.target_framework), ""};
    f.evidence = c.path + ": targetFramework " + c.target_framework;
    return f;
  };
  if (own != nullptr && !own->target_framework.empty()) return from_config(*own);
  if (own != nullptr && !own->supported_runtimes.empty() && (host == nullptr || host->is_clr)) {
    Framework f = framework_from_runtime(own->supported_runtimes.front(), host);
    if (f.kind != FrameworkKind::kUnknown) {
      f.evidence = own->path + ": preferred supportedRuntime " + own->supported_runtimes.front();
      return f;
    }
  }
  for (const auto& c : app.configs) {
    if (!c.target_framework.empty()) return from_config(c);
  }
  // A site without .NET binaries: a script runtime its handlers name, or what
  // the grouping read from its files (classic ASP or PHP pages, static
  // content) or its solution. A pool's managedRuntimeVersion (v4.0 by
  // default) loads nothing for a site that has no .NET code.
  // Classic ASP as the grouping found it holds .NET assemblies only when they
  // are ComVisible components its pages create (group_published).
  if (newest_clr_binary(app) == nullptr || app.framework.kind == FrameworkKind::kClassicAsp) {
    if (Framework f = script_host_framework(app); f.kind != FrameworkKind::kUnknown) return f;
    // (and a Web Site project's TargetFrameworkMoniker, from its solution).
    if (app.framework.kind != FrameworkKind::kUnknown &&
        app.framework.kind != FrameworkKind::kOther && !app.framework.evidence.empty())
      return app.framework;
  }
  if (app.iis && !app.iis->runtime_version.empty()) {
    Framework f = framework_from_runtime(app.iis->runtime_version, nullptr);
    if (f.kind != FrameworkKind::kUnknown) {
      f.evidence = "application pool " + app.iis->app_pool + ": managedRuntimeVersion " +
                   app.iis->runtime_version;
      return f;
    }
  }
  for (const auto& b : app.binaries) {
    if (Framework f = from_binary(b); f.kind != FrameworkKind::kUnknown) return f;
  }
  const BinaryFacts* clr = host != nullptr && host->is_clr ? host : newest_clr_binary(app);
  if (clr != nullptr) {
    Framework f = framework_from_clr(*clr);
    if (f.kind != FrameworkKind::kUnknown) {
      f.evidence = clr->path + ": CLR metadata version " + clr->clr_version;
      return f;
    }
  }
  const BinaryFacts* entry = entry_binary(app);
  if (entry != nullptr && !entry->is_clr)
    return {FrameworkKind::kNative, "", entry->path + ": native " + entry->machine + " image"};
  for (const auto& m : app.markers) {
    if (m.category != MarkerCategory::kThirdParty) continue;
    FrameworkKind kind = m.detail == "Java" || m.detail == "Apache Tomcat" ? FrameworkKind::kJava
                         : m.detail == "Node.js"                           ? FrameworkKind::kNode
                         : m.detail == "Python"                            ? FrameworkKind::kPython
                         : m.detail == "PHP"                               ? FrameworkKind::kPhp
                                                                           : FrameworkKind::kOther;
    return {kind, "", m.path + ": " + m.detail};
  }
  return {FrameworkKind::kOther, "", ""};
}

// What the entry point does, from the Main method of the entry project's
// sources (formats/entry_point_scan) or the entry binary's entry method.
struct EntryRole {
  bool main_seen = false;
  Evidence gui, service, wcf_host, web_host;
};

// Files a line of evidence under the role a hosting call of this category
// shows (none for other categories).
void add_role_line(EntryRole& role, SourceCategory category, std::string line) {
  switch (category) {
    case SourceCategory::kEntryGui:
      role.gui.push_back(std::move(line));
      break;
    case SourceCategory::kEntryService:
      role.service.push_back(std::move(line));
      break;
    case SourceCategory::kEntryWcfHost:
      role.wcf_host.push_back(std::move(line));
      break;
    case SourceCategory::kEntryWebHost:
      role.web_host.push_back(std::move(line));
      break;
    default:
      break;
  }
}

// Whether a space-separated list holds the word.
bool names_word(std::string_view list, std::string_view word) {
  for (std::size_t at = 0; at <= list.size();) {
    std::size_t end = std::min(list.find(' ', at), list.size());
    if (list.substr(at, end - at) == word) return true;
    at = end + 1;
  }
  return false;
}

// Main makes no hosting call but hands over to a class of the project
// (`new AppHost().Init().Start(url)`): that class's hosting calls are the
// entry point's, one level deep.
// servers_only: only the calls that open a server (WCF or web host), for a
// program whose Main runs a Windows service: the service class it hands over
// opens them in OnStart.
void follow_main_uses(const Application& app, EntryRole& role, bool servers_only = false) {
  for (const auto& use : app.source_hits) {
    if (use.category != SourceCategory::kMainUses || !is_under(use.file, app.root)) continue;
    for (const auto& h : app.source_hits) {
      if (h.category != SourceCategory::kHostingCall || !is_under(h.file, app.root)) continue;
      const auto colon = h.text.find(": ");
      if (colon == std::string::npos) continue;
      const std::string_view owner = std::string_view(h.text).substr(0, colon);
      if (!names_word(use.text, owner)) continue;
      const std::string_view token = std::string_view(h.text).substr(colon + 2);
      const SourceCategory call = hosting_call_role(token);
      if (servers_only && call != SourceCategory::kEntryWcfHost &&
          call != SourceCategory::kEntryWebHost)
        continue;
      const std::string line = h.file + ":" + std::to_string(h.line) + ": " + std::string(token) +
                               " (in " + std::string(owner) + ", which Main at " + use.file + ":" +
                               std::to_string(use.line) + " uses)";
      add_role_line(role, call, line);
    }
  }
}

// A Windows service whose Main names no class that opens a server (the
// service class is reached through a Topshelf extension or a factory): a
// server opened by any class of the service's own project is the service's,
// since nothing but the service runs that code.
void servers_in_service_project(const Application& app, EntryRole& role) {
  for (const auto& h : app.source_hits) {
    if (h.category != SourceCategory::kHostingCall || !is_under(h.file, app.root)) continue;
    const auto colon = h.text.find(": ");
    if (colon == std::string::npos) continue;
    const std::string_view token = std::string_view(h.text).substr(colon + 2);
    const SourceCategory call = hosting_call_role(token);
    if (call != SourceCategory::kEntryWcfHost && call != SourceCategory::kEntryWebHost) continue;
    add_role_line(role, call,
                  h.file + ":" + std::to_string(h.line) + ": " + std::string(token) + " (in " +
                      h.text.substr(0, colon) + " of the service's project)");
  }
}

EntryRole entry_role(const Application& app) {
  EntryRole role;
  const bool native = app.framework.kind == FrameworkKind::kNative;
  for (const auto& h : app.source_hits) {
    // Only the entry project's own folder: a folded library's Main is not the app's.
    if (!is_under(h.file, app.root)) continue;
    // C/C++ sources tell a native program's role, not a .NET program's.
    if (!native && is_native_source(h.file)) continue;
    if (h.category == SourceCategory::kEntryMain) role.main_seen = true;
    add_role_line(role, h.category, h.file + ":" + std::to_string(h.line) + ": " + h.text);
  }
  if (role.gui.empty() && role.service.empty() && role.wcf_host.empty() && role.web_host.empty())
    follow_main_uses(app, role);
  // A service hosts its WCF or web server from its service class (OnStart).
  if (!role.service.empty() && role.wcf_host.empty() && role.web_host.empty()) {
    follow_main_uses(app, role, true);
    if (role.wcf_host.empty() && role.web_host.empty()) servers_in_service_project(app, role);
  }
  if (const BinaryFacts* b = entry_binary(app); b != nullptr && !b->is_dll) {
    for (const auto& call : b->entry_calls) {
      role.main_seen = true;
      // EntryCallRole's order: kNone, kGui, kService, kWcfHost, kWebHost.
      static constexpr SourceCategory kByRole[] = {
          SourceCategory::kEntryMain, SourceCategory::kEntryGui, SourceCategory::kEntryService,
          SourceCategory::kEntryWcfHost, SourceCategory::kEntryWebHost};
      add_role_line(role, kByRole[static_cast<std::size_t>(entry_call_role(call))],
                    b->path + ": entry point calls " + call);
    }
  }
  return role;
}

// Web roots and web projects: IIS-hosted. .svc files in a site do not make
// it a WCF application; a WCF service project or a folder that serves only
// .svc endpoints does.
AppKind web_kind(const Application& app) {
  bool web_project = false;
  bool wcf_project = false;
  for (const auto& p : app.projects) {
    web_project = web_project || p.is_web || iequals(p.sdk, "Microsoft.NET.Sdk.Web");
    wcf_project = wcf_project || p.is_wcf;
  }
  if (!app.projects.empty()) {
    bool entry_wcf = app.projects.front().is_wcf;
    return entry_wcf || (wcf_project && !web_project) ? AppKind::kWcf : AppKind::kWeb;
  }
  if (!markers(app, MarkerCategory::kWebContent).empty()) return AppKind::kWeb;
  if (!markers(app, MarkerCategory::kSvcFile).empty()) return AppKind::kWcf;
  for (const auto& c : app.configs) {
    if (c.has_service_model && !c.endpoints.empty() && c.has_service_host_activation)
      return AppKind::kWcf;
  }
  return AppKind::kWeb;
}

bool is_web_app(const Application& app) {
  if (iends_with(app.entry, "web.config")) return true;
  // A site that is not ASP.NET, named by its global.asa, default document or a page.
  if (app.framework.kind == FrameworkKind::kClassicAsp ||
      app.framework.kind == FrameworkKind::kStatic ||
      (app.framework.kind == FrameworkKind::kPhp && !iends_with(app.entry, ".exe") &&
       !iends_with(app.entry, ".dll")))
    return true;
  // The entry project decides: a program that folds in a WCF service library
  // it hosts (its ServiceHost) or a web-typed module is not an IIS site.
  if (app.projects.empty()) return false;
  const ProjectFacts& p = app.projects.front();
  return p.is_web || p.is_wcf || iequals(p.sdk, "Microsoft.NET.Sdk.Web");
}

AppKind detect_kind(Application& app) {
  if (is_web_app(app)) return web_kind(app);
  EntryRole role = entry_role(app);
  if (!role.wcf_host.empty()) {
    app.self_host = SelfHost::kWcf;
  } else if (!role.web_host.empty()) {
    app.self_host = SelfHost::kWeb;
  }
  if (!role.service.empty()) {
    app.kind_evidence = role.service;
    return AppKind::kService;
  }
  if (!role.gui.empty()) {
    app.kind_evidence = role.gui;
    return AppKind::kDesktop;
  }
  if (!role.web_host.empty() && app.framework.kind == FrameworkKind::kDotnet) {
    app.kind_evidence = role.web_host;
    return AppKind::kWeb;
  }
  if (!role.wcf_host.empty() || !role.web_host.empty()) {
    app.kind_evidence = role.wcf_host.empty() ? role.web_host : role.wcf_host;
    return AppKind::kConsole;
  }
  // The entry point said nothing decisive (or was not found): what the
  // program references.
  for (const auto& p : app.projects) {
    if (iequals(p.sdk, "Microsoft.NET.Sdk.Worker")) {
      app.kind_evidence = {p.path + ": Sdk=\"" + p.sdk + "\""};
      return AppKind::kService;
    }
  }
  if (!role.main_seen) {
    if (Evidence svc = service_evidence(app); !svc.empty()) {
      app.kind_evidence = svc;
      return AppKind::kService;
    }
    if (Evidence wcf = wcf_host_evidence(app); !wcf.empty()) {
      // An executable that opens a ServiceHost hosts WCF itself.
      app.self_host = SelfHost::kWcf;
      app.kind_evidence = wcf;
    }
  }
  const BinaryFacts* entry = entry_binary(app);
  bool gui_entry = (entry != nullptr && entry->subsystem == 2);
  for (const auto& p : app.projects) gui_entry = gui_entry || iequals(p.output_type, "WinExe");
  if (Evidence gui = gui_evidence(app); gui_entry && !gui.empty()) {
    app.kind_evidence = gui;
    return AppKind::kDesktop;
  }
  return AppKind::kConsole;
}

// A Windows service's name from its installer (ServiceInstaller.ServiceName).
// The installer's (ProjectInstaller) assignment wins over the ServiceBase's own.
std::string installer_service_name(const Application& app) {
  std::string any;
  for (const auto& h : app.source_hits) {
    if (h.category != SourceCategory::kServiceName || !is_under(h.file, app.root) || h.text.empty())
      continue;
    if (icontains(file_name(h.file), "installer")) return h.text;
    if (any.empty()) any = h.text;
  }
  return any;
}

// What else the installer registers (service-setting hits "key: value"):
// each key from the first file that sets it, installer classes first, as for
// the name. Nothing set: no installer settings.
std::optional<ServiceInfo> installer_settings(const Application& app) {
  std::vector<const SourceHit*> hits;
  for (const auto& h : app.source_hits) {
    if (h.category == SourceCategory::kServiceSetting && is_under(h.file, app.root))
      hits.push_back(&h);
  }
  std::stable_partition(hits.begin(), hits.end(), [](const SourceHit* h) {
    return icontains(file_name(h->file), "installer");
  });
  ServiceInfo s;
  bool display = false;
  bool account = false;
  bool start = false;
  std::string depends_from;  // the file whose dependencies are taken (all of them)
  for (const SourceHit* h : hits) {
    const std::size_t colon = h->text.find(": ");
    if (colon == std::string::npos) continue;
    const std::string key = h->text.substr(0, colon);
    std::string value = h->text.substr(colon + 2);
    if (key == "display-name" && !std::exchange(display, true)) s.display_name = value;
    // ServiceAccount.User with the Username the designer sets beside it: the user.
    if (key == "account" && (!std::exchange(account, true) || s.account == "User"))
      s.account = value;
    if (key == "start" && !std::exchange(start, true))
      s.start = value == "Automatic" ? 2 : value == "Disabled" ? 4 : 3;
    if (key == "depends-on" && (depends_from.empty() || depends_from == h->file)) {
      depends_from = h->file;
      for (const auto& name : split(value, '/')) {
        if (!name.empty() &&
            std::find(s.depends_on.begin(), s.depends_on.end(), name) == s.depends_on.end())
          s.depends_on.push_back(name);
      }
    }
  }
  if (!display && !account && !start && depends_from.empty()) return std::nullopt;
  return s;
}

}  // namespace

void profile_app(Application& app) {
  settle_project_imports(app);
  app.framework = detect_framework(app);
  app.kind = detect_kind(app);
  if (app.kind == AppKind::kService && app.projects.size() > 0) {
    app.service_name = installer_service_name(app);
    app.installer = installer_settings(app);
  }
}

}  // namespace liftshift
