// The IIS site in the image, as it was on the server (issue: "the running
// container matches the server"): its application pool by name with its
// runtime, pipeline, bitness and identity; the site by its name, id and
// ports; nested applications with their pools; virtual directories;
// authentication; the IIS features its modules need; and the HTTP checks the
// orchestrator runs against it. Every value from the server's configuration
// reaches a PowerShell RUN line only as a single-quoted literal.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "core/app_queries.hpp"
#include "core/powershell_quote.hpp"
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

constexpr std::string_view kApphost = "'MACHINE/WEBROOT/APPHOST'";
constexpr std::string_view kHealthSite = "liftshift-health";
constexpr std::string_view kHealthFolder = "C:\\liftshift-health";
constexpr std::string_view kHealthPage = "health.htm";

// A value that can stand in a Dockerfile RUN line as a PowerShell literal
// (core/powershell_quote writes control characters as [char] concatenations,
// so a newline cannot end the instruction): no double quote (the command line
// that docker hands PowerShell strips them), strict UTF-8.
bool runnable(std::string_view s) {
  if (s.size() > 1024 || !is_valid_utf8(s)) return false;
  return std::none_of(s.begin(), s.end(), [](char c) { return c == '"'; });
}

// A pool name ServiceMonitor can be given on the ENTRYPOINT line, in exec
// form and in Log Monitor's shell form alike: one word, nothing to quote
// (docker hands a shell-form command line over with its double quotes stripped).
bool plain_name(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("_.-").find(c) != std::string_view::npos;
  });
}

std::string safe_pool_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (out.size() >= 64) break;
    out.push_back(plain_name(std::string_view(&c, 1)) ? c : '-');
  }
  out = trim(out);
  return out.empty() ? "AppPool" : out;
}

// A folder as a comparable '/'-separated path: "C:/inetpub/shop" for the
// system volume (written C: or %SystemDrive%), the path with its dot segments
// resolved otherwise.
std::optional<std::string> folder_path(std::string_view windows_path) {
  std::string p = trim(windows_path);
  if (auto sys = system_volume_path(p)) return "C:/" + *sys;
  return resolve_dot_segments(p);
}

// The folder below `root` that `path` is, with '\\' separators ("api\\v2"),
// or nullopt when it is not below it. Case-insensitive, as Windows is.
std::optional<std::string> below(std::string_view path, std::string_view root) {
  auto p = folder_path(path);
  auto r = folder_path(root);
  if (!p || !r || r->empty() || p->size() <= r->size() + 1 || !istarts_with(*p, *r + "/"))
    return std::nullopt;
  std::string rel = p->substr(r->size() + 1);
  for (char& c : rel) c = c == '/' ? '\\' : c;
  return rel;
}

std::string without_trailing_slash(std::string s) {
  while (s.size() > 1 && (s.back() == '\\' || s.back() == '/')) s.pop_back();
  return s;
}

bool is_domain_account(std::string_view user, const Application& app) {
  if (user.find('@') != std::string_view::npos) return true;
  auto slash = user.find('\\');
  if (slash == std::string_view::npos) return false;
  std::string_view domain = user.substr(0, slash);
  if (domain == "." || iequals(domain, "NT AUTHORITY") || iequals(domain, "BUILTIN") ||
      iequals(domain, "IIS AppPool"))
    return false;
  return !(app.machine && iequals(domain, app.machine->computer_name));
}

class SitePlanner {
 public:
  SitePlanner(const AppAssessment& a, AppPlan& plan) : a_(a), app_(a.app), plan_(plan) {}

  void plan_site() {
    const IisInfo& iis = *app_.iis;
    bool nested_app = !iis.app_path.empty() && iis.app_path != "/";
    if (!runnable(iis.site) || iis.site.empty() || (nested_app && !runnable(iis.app_path))) {
      plan_.warnings.push_back(
          "the site's name or path holds characters that can't go into a build step: the image "
          "serves the application from Default Web Site at / with DefaultAppPool; recreate the "
          "site by hand");
      plan_default_site(iis);
      return;
    }
    pool_ = create_pool(iis);
    plan_ports(iis);
    std::string content = plan_.build.app_dir;
    std::string site_root =
        nested_app ? "C:\\inetpub\\sites\\" + safe_pool_name(iis.site) : content;
    std::string cmd = "Import-Module WebAdministration; ";
    cmd +=
        "if (Test-Path -LiteralPath 'IIS:\\Sites\\Default Web Site') { Remove-Website -Name "
        "'Default Web Site' }; ";
    cmd += "New-Item -ItemType Directory -Force -Path " + ps_literal(site_root) + " | Out-Null; ";
    cmd += "New-Website -Name " + ps_literal(iis.site) +
           (iis.site_id > 0 ? " -Id " + std::to_string(iis.site_id) : "") + " -PhysicalPath " +
           ps_literal(site_root) + " -ApplicationPool " +
           ps_literal(nested_app ? "DefaultAppPool" : pool_) + " -Port " +
           std::to_string(http_ports_.front()) + " | Out-Null";
    for (std::size_t i = 1; i < http_ports_.size(); ++i) {
      cmd += "; New-WebBinding -Name " + ps_literal(iis.site) + " -Protocol http -Port " +
             std::to_string(http_ports_[i]) + " -IPAddress '*'";
    }
    bool is_default = iequals(iis.site, "Default Web Site");
    plan_.steps.push_back(
        {"Recreate IIS site '" + printable(iis.site) + "'" +
             (iis.site_id > 0 ? " (id " + std::to_string(iis.site_id) + ")" : "") +
             (is_default ? " with the server's settings" : " in place of Default Web Site") +
             ", on its port(s) inside the container",
         cmd});
    decide(plan_, "IIS site",
           "'" + printable(iis.site) + "' on port(s) " + ports_text() + ", pool '" + pool_ + "'",
           std::string(is_default ? "the server ran this application in its Default Web "
                                    "Site; the image's one is removed and created again with the "
                                    "server's id, pool and ports"
                                  : "the base image's Default Web Site listens on *:80 in "
                                    "DefaultAppPool; the server ran this application in site '" +
                                        printable(iis.site) +
                                        "' with its own pool and ports. Default Web Site is "
                                        "removed (two sites can't share the port) and the site is "
                                        "created by its name") +
               (iis.site_id > 0 ? " and id" : "") +
               ", so settings scoped to the site (<location path=\"" + printable(iis.site) +
               "\">), its log folder (W3SVC" + std::to_string(iis.site_id) +
               ") and scripts that name it still match; renaming and rebinding Default Web Site "
               "would keep its id and defaults instead. Host names stay at the Ingress: the "
               "bindings inside the container take any Host, so probes and port mappings reach "
               "them");
    if (nested_app) {
      if (!iis.inside_of.empty()) {
        plan_.warnings.push_back(
            "IIS application " + printable(iis.app_path) + " lives in the folder of " +
            printable(iis.site + (iis.inside_of == "/" ? "" : iis.inside_of)) +
            ", whose image recreates it too (with its pool): deploy one of the two images for it");
      }
      add_application(iis.app_path, content, pool_);
      plan_.url_path = iis.app_path;
      decide(plan_, "IIS application", printable(iis.app_path),
             "the application ran at " + printable(iis.app_path) + " of site '" +
                 printable(iis.site) +
                 "' on the server; it keeps that path in the container (links, cookies and "
                 "redirects stay right) and the site's root serves nothing");
    }
    plan_virtual_dirs(iis, iis.app_path);
    plan_authentication(iis);
    plan_nested(iis, content);
    plan_modules(iis.modules);
    plan_tcp(iis, iis.site);
  }

  // The site as Default Web Site: its modules (runtimes, features) and its
  // net.tcp binding still go into the image.
  void plan_default_site(const IisInfo& iis) {
    pool_ = "DefaultAppPool";
    http_ports_ = {80};
    plan_modules(iis.modules);
    plan_tcp(iis, "Default Web Site");
  }

  const std::string& pool() const { return pool_; }
  const std::vector<int>& http_ports() const { return http_ports_; }
  bool anonymous_off() const { return anonymous_off_; }

 private:
  // The pool by its name, with its runtime, pipeline, bitness and identity.
  std::string create_pool(const IisInfo& info) {
    std::string name = info.app_pool.empty() ? "DefaultAppPool" : info.app_pool;
    if (!plain_name(name)) {
      std::string safe = safe_pool_name(name);
      plan_.warnings.push_back("application pool '" + printable(name) +
                               "' has characters ServiceMonitor's command line can't carry: "
                               "it is recreated as '" +
                               safe + "'");
      name = safe;
    }
    if (!created_pools_.insert(to_lower(name)).second) return name;
    std::string path = ps_literal("IIS:\\AppPools\\" + name);
    std::string cmd = "Import-Module WebAdministration; ";
    cmd += "if (-not (Test-Path -LiteralPath " + path + ")) { New-WebAppPool -Name " +
           ps_literal(name) + " | Out-Null }; ";
    std::string runtime = info.runtime_version;
    std::string why_runtime;
    if (iequals(runtime, "v2.0")) {
      // The 4.x images carry no CLR 2.0; Dockerfile.netfx3 enables it. The
      // step asks the image, so the same step serves both Dockerfiles.
      cmd +=
          "$clr = if (Test-Path (Join-Path $env:windir "
          "'Microsoft.NET\\Framework64\\v2.0.50727\\mscorwks.dll')) { 'v2.0' } else { 'v4.0' }; ";
      cmd += "Set-ItemProperty -LiteralPath " + path + " -Name managedRuntimeVersion -Value $clr; ";
      why_runtime =
          "; managedRuntimeVersion v2.0 where the image has the CLR 2.0 (Dockerfile.netfx3), "
          "v4.0 on the .NET Framework 4.x image, where the seed tests 2.x/3.x applications first";
    } else {
      if (!runnable(runtime)) runtime = "v4.0";
      cmd += "Set-ItemProperty -LiteralPath " + path + " -Name managedRuntimeVersion -Value " +
             ps_literal(runtime) + "; ";
    }
    std::string pipeline = iequals(info.pipeline_mode, "Classic") ? "Classic" : "Integrated";
    cmd += "Set-ItemProperty -LiteralPath " + path + " -Name managedPipelineMode -Value " +
           ps_literal(pipeline) + "; ";
    cmd += "Set-ItemProperty -LiteralPath " + path + " -Name enable32BitAppOnWin64 -Value " +
           (info.enable_32bit ? "$true" : "$false") + "; ";
    std::string identity = pool_identity(info, name);
    cmd += "Set-ItemProperty -LiteralPath " + path + " -Name processModel.identityType -Value " +
           ps_literal(identity);
    plan_.steps.push_back(
        {"Application pool '" + name + "' as on the server (" +
             (runtime.empty() ? std::string("no managed code") : info.runtime_version) + ", " +
             pipeline + (info.enable_32bit ? ", 32-bit" : "") + ", " + identity + ")",
         cmd});
    decide(plan_, "application pool", name,
           "the server ran the application in pool '" + printable(info.app_pool) +
               "': recreated by name with its settings (managedRuntimeVersion '" +
               printable(info.runtime_version) + "', " + pipeline + " pipeline, " +
               (info.enable_32bit ? "32-bit worker process" : "64-bit worker process") + ")" +
               why_runtime);
    return name;
  }

  std::string pool_identity(const IisInfo& info, const std::string& pool) {
    std::string id = info.identity;
    if (!istarts_with(id, "SpecificUser")) {
      for (std::string_view known :
           {"ApplicationPoolIdentity", "NetworkService", "LocalService", "LocalSystem"}) {
        if (iequals(id, known)) return std::string(known);
      }
      return "ApplicationPoolIdentity";
    }
    std::string user = id.size() > 14 ? id.substr(14) : "";
    if (is_domain_account(user, app_)) {
      decide(plan_, "pool identity", "ApplicationPoolIdentity (pool '" + pool + "')",
             "the pool ran as the domain account " + printable(user) +
                 "; a container can't be domain-joined and holds no password: the pool runs as "
                 "ApplicationPoolIdentity, which reaches the network as the container's gMSA "
                 "(identity decision)");
    } else {
      plan_.warnings.push_back("application pool '" + pool + "' ran as the local account " +
                               printable(user) +
                               ", which the image doesn't have: it runs as "
                               "ApplicationPoolIdentity; grant 'IIS AppPool\\" +
                               pool + "' the file rights that account had");
    }
    return "ApplicationPoolIdentity";
  }

  // http bindings keep their ports; https ends at the ingress, which forwards
  // HTTP to the site's http port (or port 80 when the site had none).
  void plan_ports(const IisInfo& iis) {
    bool https = false;
    for (const auto& b : iis.bindings) {
      if (b.protocol == "https") https = true;
      if (b.protocol != "http" || b.port <= 0 || b.port > 65535) continue;
      if (std::find(http_ports_.begin(), http_ports_.end(), b.port) == http_ports_.end())
        http_ports_.push_back(b.port);
    }
    if (http_ports_.empty()) http_ports_.push_back(80);
    for (std::size_t i = 0; i < http_ports_.size(); ++i) {
      plan_.ports.push_back({http_ports_[i], "TCP",
                             i == 0 ? "http" : "http-" + std::to_string(i + 1),
                             "HTTP (IIS site '" + printable(iis.site) + "')"});
    }
    if (https) {
      decide(plan_, "https binding",
             "served as HTTP on port " + std::to_string(http_ports_.front()),
             "the site's https binding ends at the ingress (TLS decision): the container has no "
             "certificate and serves the same site over HTTP on " +
                 std::to_string(http_ports_.front()) +
                 (iis.bindings.size() > 1 ? ", its http port"
                                          : ", not on 443, so plain HTTP is not "
                                            "on the TLS port"));
    }
  }

  std::string ports_text() const {
    std::string out;
    for (int p : http_ports_) out += (out.empty() ? "" : ", ") + std::to_string(p);
    return out;
  }

  void add_application(const std::string& path, const std::string& folder,
                       const std::string& pool) {
    plan_.steps.push_back(
        {"IIS application " + path + " in pool '" + pool + "', as on the server",
         "New-Item -ItemType Directory -Force -Path " + ps_literal(folder) + " | Out-Null; " +
             std::string(kAppcmd) + " add app " + ps_literal("/site.name:" + app_.iis->site) + " " +
             ps_literal("/path:" + path) + " " + ps_literal("/physicalPath:" + folder) + " " +
             ps_literal("/applicationPool:" + pool) + std::string(kAppcmdCheck)});
  }

  // Virtual directories of an application: a folder on another drive is at
  // the same path on C: (storage makes it a volume); a share is left to the
  // user (storage warns).
  void plan_virtual_dirs(const IisInfo& app, const std::string& app_path) {
    std::string app_name = app_.iis->site + (app_path.empty() ? "/" : app_path);
    if (app_name.back() != '/') app_name += '/';
    for (const auto& v : app.virtual_dirs) {
      if (is_unc(v.physical_path)) continue;
      std::string local = without_trailing_slash(to_c_drive(v.physical_path));
      if (!runnable(v.path) || !runnable(local)) {
        plan_.warnings.push_back("IIS virtual directory " + printable(v.path) +
                                 ": its path or folder holds characters that can't go into a "
                                 "build step; create it in the image by hand");
        continue;
      }
      plan_.steps.push_back({"Serve " + v.path + " from " + local + ", as the server's IIS did",
                             "New-Item -ItemType Directory -Force -Path " + ps_literal(local) +
                                 " | Out-Null; " + std::string(kAppcmd) + " add vdir " +
                                 ps_literal("/app.name:" + app_name) + " " +
                                 ps_literal("/path:" + v.path) + " " +
                                 ps_literal("/physicalPath:" + local) + std::string(kAppcmdCheck)});
    }
  }

  void set_auth(const std::string& location, std::string_view kind, bool enabled,
                std::string& cmd) {
    cmd += "; Set-WebConfigurationProperty -PSPath " + std::string(kApphost) + " -Location " +
           ps_literal(location) + " -Filter " +
           ps_literal("system.webServer/security/authentication/" + std::string(kind)) +
           " -Name enabled -Value " + (enabled ? "$true" : "$false");
  }

  // The authentication the server's applicationHost.config set for the
  // application (and the Windows mode its web.config asks for).
  void auth_step(const IisInfo& info, const std::string& location, bool windows_from_config) {
    IisAuthentication auth = info.authentication;
    if (!auth.windows && windows_from_config) auth.windows = true;
    if (!auth.anonymous && !auth.windows && !auth.basic) return;
    std::string cmd = "Import-Module WebAdministration";
    std::string what;
    auto add = [&](const std::optional<bool>& v, std::string_view kind, std::string_view label) {
      if (!v) return;
      set_auth(location, kind, *v, cmd);
      what += (what.empty() ? "" : ", ") + std::string(label) + (*v ? " on" : " off");
    };
    add(auth.anonymous, "anonymousAuthentication", "anonymous");
    add(auth.windows, "windowsAuthentication", "Windows");
    add(auth.basic, "basicAuthentication", "basic");
    if (auth.windows.value_or(false) && features_.insert("Web-Windows-Auth").second)
      feature_why_.push_back("Windows authentication");
    if (auth.basic.value_or(false) && features_.insert("Web-Basic-Auth").second)
      feature_why_.push_back("basic authentication");
    if (location == site_location_ && auth.anonymous && !*auth.anonymous) anonymous_off_ = true;
    auth_steps_.push_back(
        {"Authentication of '" + printable(location) + "' as on the server (" + what + ")", cmd});
  }

  void plan_authentication(const IisInfo& iis) {
    site_location_ = iis.site + (iis.app_path == "/" || iis.app_path.empty() ? "" : iis.app_path);
    auth_step(iis, site_location_, a_.results.identity.windows_authentication);
  }

  // The site's applications below this one: those whose folder is inside
  // this application's folder were copied with it and are recreated with
  // their pools; the others are their own applications (and containers).
  void plan_nested(const IisInfo& iis, const std::string& content) {
    for (const auto& n : iis.nested_apps) {
      auto rel = below(n.physical_path, iis.physical_path);
      if (!rel || !runnable(n.app_path) || !runnable(*rel)) {
        plan_.warnings.push_back(
            "IIS application " + printable(n.app_path) + " of site '" + printable(iis.site) +
            "' is served from " + printable(n.physical_path) +
            ", outside this application's folder: it is assessed and planned on its own; route " +
            printable(n.app_path) + " to it at the Ingress");
        continue;
      }
      std::string pool = create_pool(n);
      add_application(n.app_path, content + "\\" + *rel, pool);
      plan_virtual_dirs(n, n.app_path);
      auth_step(n, iis.site + n.app_path, false);
      plan_modules(n.modules);
    }
  }

  void plan_modules(const std::vector<IisModuleUse>& modules) {
    for (const auto& m : modules) {
      if (!reported_.insert(m.module).second) continue;
      if (m.module == "url-rewrite") {
        plan_iis_msi("url-rewrite", "IIS URL Rewrite", "URL Rewrite 2.1",
                     "Microsoft's URL Rewrite 2.1 installer (rewrite_amd64_en-US.msi)", m.evidence);
      } else if (m.module == "arr") {
        // ARR's installer needs URL Rewrite, whose rules route to it.
        if (reported_.insert("url-rewrite").second)
          plan_iis_msi("url-rewrite", "IIS URL Rewrite", "URL Rewrite 2.1",
                       "Microsoft's URL Rewrite 2.1 installer (rewrite_amd64_en-US.msi)",
                       m.evidence + ", which ARR needs");
        plan_iis_msi("arr", "Application Request Routing", "ARR 3.0",
                     "Microsoft's Application Request Routing 3.0 installer "
                     "(requestRouter_amd64.msi)",
                     m.evidence);
        plan_.warnings.push_back("the site proxies requests through Application Request Routing (" +
                                 printable(m.evidence) +
                                 "): the container must reach the servers it proxies to, or move "
                                 "the proxy rules to the Ingress");
      } else if (m.module == "classic-asp") {
        features_.insert("Web-ASP");
        feature_why_.push_back("classic ASP (" + printable(m.evidence) + ")");
      } else if (m.module == "isapi") {
        features_.insert("Web-ISAPI-Ext");
        features_.insert("Web-ISAPI-Filter");
        feature_why_.push_back("ISAPI (" + printable(m.evidence) +
                               "); its DLL ships with the "
                               "content or must be installed");
      } else if (m.module == "websocket") {
        features_.insert("Web-WebSockets");
        feature_why_.push_back("WebSockets (" + printable(m.evidence) + ")");
      } else if (m.module == "fastcgi") {
        features_.insert("Web-CGI");
        feature_why_.push_back("FastCGI (" + printable(m.evidence) + ")");
        plan_fastcgi(m);
      } else if (m.module == "iisnode") {
        plan_iisnode(m);
      }
    }
  }

  // What an appcmd collection entry ('/+[name=''x'',...]') can hold.
  static bool appcmd_value(std::string_view s) {
    return runnable(s) && s.find_first_of("'[],") == std::string_view::npos;
  }

  // The FastCGI program in the image where the server had it: registered as
  // a FastCGI application (and its handler, when applicationHost.config
  // declared it); its folder copied from the server when it was there, else
  // supplied by the user.
  void plan_fastcgi(const IisModuleUse& m) {
    const std::string exe = m.program.substr(0, m.program.find('|'));
    const std::string args =
        m.program.find('|') == std::string::npos ? "" : m.program.substr(m.program.find('|') + 1);
    const auto slash = exe.rfind('\\');
    // The program's folder on the system volume (C: or %SystemDrive%), below its root.
    auto on_c =
        slash == std::string::npos ? std::nullopt : system_volume_path(exe.substr(0, slash));
    if (on_c && on_c->empty()) on_c.reset();
    if (!on_c || !appcmd_value(exe) || (!args.empty() && !appcmd_value(args)) ||
        !appcmd_value(m.handler_name) || !appcmd_value(m.handler_path)) {
      plan_.warnings.push_back("the site runs the FastCGI program " + printable(m.program) +
                               ", which can't be registered by a build step as it is (not on "
                               "drive C:, or characters appcmd can't take): install it in the "
                               "image and register it with IIS by hand");
      return;
    }
    std::string folder = "C:\\" + *on_c;
    for (char& c : folder) c = c == '/' ? '\\' : c;
    std::string program = folder + exe.substr(slash);
    // Each appcmd argument is one PowerShell literal (ps_literal doubles `'`
    // and the typographic quotes PowerShell also reads as `'`).
    std::string entry =
        "fullPath='" + program + "'" + (args.empty() ? "" : ",arguments='" + args + "'");
    std::string cmd = std::string(kAppcmd) + " set config -section:system.webServer/fastCgi " +
                      ps_literal("/+[" + entry + "]") + std::string(kAppcmdCheck);
    if (m.server_config) {
      cmd += "; " + std::string(kAppcmd) + " set config -section:system.webServer/handlers " +
             ps_literal("/+[name='" + m.handler_name + "',path='" + m.handler_path +
                        "',verb='*',modules='FastCgiModule',scriptProcessor='" + program +
                        (args.empty() ? "" : "|" + args) + "',resourceType='Either']") +
             std::string(kAppcmdCheck);
    } else {
      // The site's web.config declares the handler: IIS locks the section by default.
      cmd += "; " + std::string(kAppcmd) + " unlock config -section:system.webServer/handlers" +
             std::string(kAppcmdCheck);
    }
    BuildStep step;
    step.comment = "FastCGI application " + printable(program) + " as on the server" +
                   (m.server_config ? ", with its handler '" + printable(m.handler_name) +
                                          "' for " + printable(m.handler_path)
                                    : "; the site's web.config holds its handler");
    if (app_.machine != nullptr && m.program_present) {
      const std::string& rel = *on_c;
      ContextCopy c;
      c.from = rel;
      c.to = "runtime/" + dns_label(rel, 40);
      c.image_path = folder;
      c.reason = "the FastCGI runtime " + folder + " the site ran, copied from the server";
      plan_.build.copies.push_back(std::move(c));
      decide(plan_, "FastCGI runtime", folder,
             "the server ran " + printable(program) +
                 " for the site; its folder is copied from the server into the image at the same "
                 "path, so php.ini and extensions stay as they were");
    } else {
      std::string label = dns_label(folder.substr(folder.rfind('\\') + 1), 40);
      step.supplied = "installers/" + (label.empty() ? std::string("fastcgi") : label);
      step.supplied_to = folder;
      step.supplied_what = "the folder " + folder + " with " + exe.substr(slash + 1) +
                           " as the server had it (for PHP: the Windows build the site ran, "
                           "unpacked, with its php.ini and extensions)";
      cmd = "if (-not (Test-Path -LiteralPath " + ps_literal(program) + ")) { throw " +
            ps_literal(program + " is missing: put " + step.supplied_what + " into " +
                       step.supplied + "/ of the build context") +
            " }; " + cmd;
      decide(plan_, "FastCGI runtime", step.supplied + "/ -> " + folder,
             "liftshift downloads nothing it cannot verify and the runtime was not on the source: "
             "you supply it in the build context, the step stops the build while it is missing");
    }
    step.command = cmd;
    plan_.steps.push_back(std::move(step));
    plan_.warnings.push_back("the FastCGI runtime " + printable(program) +
                             " is not Microsoft's: check its vendor's support policy for Windows "
                             "containers and install the Visual C++ runtime it needs in the image");
  }

  // An IIS module Microsoft ships as an MSI the Windows images lack (URL
  // Rewrite, ARR), installed from the installer the user supplies.
  void plan_iis_msi(const std::string& folder, const std::string& module,
                    const std::string& product, const std::string& what,
                    const std::string& evidence) {
    BuildStep step;
    step.comment = product + ", which the site's configuration needs (" + printable(evidence) + ")";
    step.supplied = "installers/" + folder;
    step.supplied_to = "C:\\liftshift\\" + folder;
    step.supplied_what = what;
    const std::string dir = ps_literal(step.supplied_to);
    step.command = "$msi = Get-ChildItem -Path " + dir +
                   " -Filter '*.msi' | Select-Object -First 1; if (-not $msi) { throw " +
                   ps_literal("put " + what + " into " + step.supplied + "/ of the build context") +
                   " }; $p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList '/i', "
                   "$msi.FullName, '/qn'; if ($p.ExitCode -ne 0) { throw ('msiexec failed: ' + "
                   "$msi.Name + ' ' + $p.ExitCode) }; Remove-Item -Recurse -Force " +
                   dir;
    plan_.steps.push_back(std::move(step));
    decide(plan_, module, "installers/" + folder + "/ (you supply the MSI)",
           "the site uses " + module + " (" + printable(evidence) +
               "), which the Windows images don't carry; liftshift downloads nothing it cannot "
               "verify, so the step installs the MSI you put into the build context and stops "
               "the build while it is missing");
  }

  // Node.js and iisnode from their MSIs, which the user supplies.
  void plan_iisnode(const IisModuleUse& m) {
    BuildStep step;
    step.comment =
        "Node.js and iisnode, which the site's handler needs (" + printable(m.evidence) + ")";
    step.supplied = "installers/iisnode";
    step.supplied_to = "C:\\liftshift\\iisnode";
    step.supplied_what =
        "Node.js's Windows installer (node-v<version>-x64.msi, the version the site ran) and "
        "iisnode's (iisnode-full-v<version>-x64.msi)";
    step.command =
        "$node = Get-ChildItem -Path 'C:\\liftshift\\iisnode' -Filter 'node-*.msi' | Select-Object "
        "-First 1; $iisnode = Get-ChildItem -Path 'C:\\liftshift\\iisnode' -Filter 'iisnode*.msi' "
        "| "
        "Select-Object -First 1; if (-not $node -or -not $iisnode) { throw " +
        ps_literal("put " + step.supplied_what + " into installers/iisnode/ of the build context") +
        " }; foreach ($msi in @($node, $iisnode)) { $p = Start-Process msiexec.exe -Wait -PassThru "
        "-ArgumentList '/i', $msi.FullName, '/qn'; if ($p.ExitCode -ne 0) { throw ('msiexec "
        "failed: ' + $msi.Name + ' ' + $p.ExitCode) } }; Remove-Item -Recurse -Force "
        "'C:\\liftshift\\iisnode'";
    plan_.steps.push_back(std::move(step));
    decide(plan_, "Node.js and iisnode", "installers/iisnode/ (you supply the MSIs)",
           "the site runs Node.js through iisnode, which the IIS image lacks; liftshift downloads "
           "nothing it cannot verify, so the step installs the MSIs you put into the build "
           "context and stops the build while they are missing");
    plan_.warnings.push_back(
        "Node.js and iisnode are not Microsoft's: check their support policy for Windows "
        "containers (iisnode is no longer developed)");
  }

 public:
  // A site from a folder (no applicationHost.config): the modules its
  // web.config shows (runtimes, URL Rewrite, ARR, ISAPI, WebSockets), and
  // what the rules found in its pages.
  void plan_folder_site() {
    plan_modules(iis_module_uses(app_));
    plan_classic_asp();
  }

  // Classic ASP pages need the ASP feature, whichever source showed them.
  void plan_classic_asp() {
    for (const auto& f : a_.findings) {
      if (f.rule != rule_id::kClassicAsp) continue;
      plan_modules(
          {{"classic-asp", f.evidence.empty() ? "classic ASP pages" : f.evidence.front()}});
      break;  // one finding is enough: the feature is installed once
    }
  }

 private:
  // The site's first net.tcp binding, on the site named `site` in the image.
  void plan_tcp(const IisInfo& iis, const std::string& site) {
    for (const auto& b : iis.bindings) {
      if (b.protocol != "net.tcp" || b.port <= 0 || b.port > 65535) continue;
      std::string root = site + "/";
      plan_.steps.push_back(
          {"net.tcp binding on port " + std::to_string(b.port) + ", as on the server",
           "New-ItemProperty -LiteralPath " + ps_literal("IIS:\\Sites\\" + site) +
               " -Name bindings -Value @{protocol='net.tcp';bindingInformation='" +
               std::to_string(b.port) + ":*'} | Out-Null; " + std::string(kAppcmd) + " set app " +
               ps_literal(root) + " '/enabledProtocols:http,net.tcp'" + std::string(kAppcmdCheck)});
      add_port(plan_, b.port, "net-tcp", "WCF net.tcp");
      break;
    }
  }

 public:
  // Features first (Windows auth must exist before it is configured), then
  // the pools and sites already in the steps, then authentication.
  void finish() {
    if (!features_.empty()) {
      std::string list;
      for (const auto& f : features_) list += (list.empty() ? "" : ", ") + f;
      std::string why;
      for (const auto& w : feature_why_) why += (why.empty() ? "" : "; ") + w;
      plan_.steps.insert(plan_.steps.begin() + static_cast<std::ptrdiff_t>(first_step_),
                         {std::string(app_.iis ? "IIS features the site used on the server"
                                               : "IIS features the site needs") +
                              (why.empty() ? std::string() : ": " + why),
                          "Install-WindowsFeature " + list});
      decide(plan_, "IIS features", list,
             std::string(app_.iis ? "the server's site needed them (" : "the site needs them (") +
                 why + "); the base image carries IIS with ASP.NET at most");
    }
    plan_.steps.insert(plan_.steps.end(), auth_steps_.begin(), auth_steps_.end());
  }

  void mark_first_step() { first_step_ = plan_.steps.size(); }

  // Before the other features, so theirs is the reason named: the sections
  // the site's web.config sets that the image's IIS locks, and their features.
  void plan_locked_sections() {
    LockedSectionsPlan locked = liftshift::plan_locked_sections(app_, plan_);
    for (auto& [feature, why] : locked.features) {
      if (features_.insert(feature).second) feature_why_.push_back(std::move(why));
    }
    if (locked.unlock) auth_steps_.insert(auth_steps_.begin(), std::move(*locked.unlock));
    anonymous_off_ = anonymous_off_ || locked.anonymous_off;
  }

 private:
  const AppAssessment& a_;
  const Application& app_;
  AppPlan& plan_;
  std::string pool_ = "DefaultAppPool";
  std::vector<int> http_ports_;
  std::set<std::string> created_pools_;
  std::set<std::string> features_;
  std::vector<std::string> feature_why_;
  std::set<std::string> reported_;
  std::vector<BuildStep> auth_steps_;
  std::string site_location_;
  bool anonymous_off_ = false;
  std::size_t first_step_ = 0;
};

// Readiness on the application's own URL; liveness on a static page that the
// same pool's worker process serves from a small site of its own.
void plan_health(AppPlan& plan, const std::string& pool, int app_port, bool anonymous_off) {
  int port = 8099;
  while (std::any_of(plan.ports.begin(), plan.ports.end(),
                     [&](const Port& p) { return p.port == port; }))
    ++port;
  std::string folder(kHealthFolder);
  plan.steps.push_back(
      {"Health page for the liveness probe: a static file in a site of its own, served by pool '" +
           pool + "' (not published; the probe runs inside the pod)",
       "Import-Module WebAdministration; New-Item -ItemType Directory -Force -Path " +
           ps_literal(folder) + " | Out-Null; Set-Content -LiteralPath " +
           ps_literal(folder + "\\" + std::string(kHealthPage)) +
           " -Value 'ok'; New-Website -Name " + ps_literal(kHealthSite) + " -PhysicalPath " +
           ps_literal(folder) + " -ApplicationPool " + ps_literal(pool) + " -Port " +
           std::to_string(port) + " | Out-Null; Set-WebConfigurationProperty -PSPath " +
           std::string(kApphost) + " -Location " + ps_literal(kHealthSite) +
           " -Filter 'system.webServer/security/authentication/anonymousAuthentication' -Name "
           "enabled -Value $true"});
  plan.health.used = true;
  plan.health.liveness = {"/" + std::string(kHealthPage), port};
  std::string app_path = plan.url_path;
  if (app_path.empty() || app_path.back() != '/') app_path += '/';
  plan.health.readiness = anonymous_off ? plan.health.liveness : HttpCheck{app_path, app_port};
  if (anonymous_off) {
    plan.warnings.push_back(
        "the site turns anonymous authentication off, so an HTTP GET from the orchestrator gets "
        "401: readiness checks IIS and the pool's worker process (the health page), not the "
        "application's pages; add an anonymous health URL to the application to check it");
  }
  decide(plan, "health checks",
         "readiness GET " + plan.health.readiness.path + " on port " +
             std::to_string(plan.health.readiness.port) + ", liveness GET " +
             plan.health.liveness.path + " on port " + std::to_string(port),
         "readiness asks the application itself, so a pod takes traffic only once the site "
         "answers (its first request compiles and warms it up); liveness restarts the container, "
         "so it asks only whether pool '" +
             pool +
             "' still serves a static page: a database outage would fail the application's pages "
             "on every replica at once, and restarting them would not fix it");
}

}  // namespace

void plan_iis_site(const AppAssessment& a, AppPlan& plan) {
  std::string pool = "DefaultAppPool";
  int port = 80;
  bool anonymous_off = false;
  if (a.app.iis) {
    SitePlanner site(a, plan);
    site.mark_first_step();
    site.plan_locked_sections();
    site.plan_site();
    site.plan_classic_asp();
    site.finish();
    pool = site.pool();
    port = site.http_ports().front();
    anonymous_off = site.anonymous_off();
  } else {
    SitePlanner site(a, plan);
    site.mark_first_step();
    site.plan_locked_sections();
    site.plan_folder_site();
    site.finish();
    anonymous_off = site.anonymous_off();
  }
  // ServiceMonitor watches DefaultAppPool unless told otherwise.
  if (pool != "DefaultAppPool") plan.entry_args = "w3svc " + pool;
  plan_health(plan, pool, port, anonymous_off);
}

}  // namespace liftshift
