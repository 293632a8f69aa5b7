#include "formats/iis_config.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/numbers.hpp"
#include "core/text.hpp"
#include "formats/format_util.hpp"
#include "formats/iis_modules.hpp"

namespace liftshift {

namespace {

using fmt_util::attr_value;
using fmt_util::child;
using fmt_util::name_is;

// IIS applicationHost.config has hundreds of sites at most; these caps keep
// a hostile file from building an unbounded model.
constexpr std::size_t kMaxSites = 10'000;
constexpr std::size_t kMaxApps = 50'000;
constexpr std::size_t kMaxVirtualDirs = 1'000;  // per application
constexpr std::size_t kMaxLocations = 50'000;
constexpr std::size_t kMaxEntries = 10'000;  // FastCGI applications, server handlers
// Nested applications are copied into their parent's facts: at most this
// many per application and in all, so a site of 50,000 applications stays small.
constexpr std::size_t kMaxNestedPerApp = 64;
constexpr std::size_t kMaxNestedTotal = 10'000;

IisAppPool read_pool(const pugi::xml_node& add, const IisAppPool& defaults) {
  IisAppPool pool = defaults;
  pool.name = attr_value(add, "name");
  if (add.attribute("managedRuntimeVersion"))
    pool.runtime_version = attr_value(add, "managedRuntimeVersion");
  if (add.attribute("managedPipelineMode"))
    pool.pipeline_mode = attr_value(add, "managedPipelineMode");
  if (add.attribute("enable32BitAppOnWin64"))
    pool.enable_32bit = iequals(attr_value(add, "enable32BitAppOnWin64"), "true");
  if (auto pm = child(add, "processModel")) {
    std::string type = attr_value(pm, "identityType");
    if (iequals(type, "SpecificUser")) {
      pool.identity = "SpecificUser: " + attr_value(pm, "userName");
    } else if (!type.empty()) {
      pool.identity = type;
    }
  }
  return pool;
}

pugi::xml_node authentication_of(const pugi::xml_node& system_web_server) {
  return child(child(system_web_server, "security"), "authentication");
}

bool windows_auth_enabled(const pugi::xml_node& system_web_server) {
  auto windows = child(authentication_of(system_web_server), "windowsAuthentication");
  return windows && iequals(attr_value(windows, "enabled"), "true");
}

// The enabled attributes a section sets, over what `auth` already holds.
void apply_authentication(const pugi::xml_node& system_web_server, IisAuthentication& auth) {
  auto section = authentication_of(system_web_server);
  auto set = [&](std::string_view element, std::optional<bool>& value) {
    auto e = child(section, element);
    if (e && e.attribute("enabled")) value = iequals(attr_value(e, "enabled"), "true");
  };
  set("anonymousAuthentication", auth.anonymous);
  set("windowsAuthentication", auth.windows);
  set("basicAuthentication", auth.basic);
}

// A <location path="..."> of applicationHost.config, with the path that the
// applications it covers start with: "Shop/" for "Shop", "Shop/api/" for
// "Shop/api"; "" for a location that covers the whole server.
struct Location {
  std::string prefix;
  std::string path;
  pugi::xml_node system_web_server;
};

std::string covering_prefix(std::string path) {
  for (char& c : path) c = c == '\\' ? '/' : c;
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path.empty() || path == "." ? "" : path + "/";
}

// "Shop" and "/" -> "Shop/"; "Shop" and "/api" -> "Shop/api/".
std::string app_key(const IisInfo& info) {
  std::string key = info.site + info.app_path;
  if (key.empty() || key.back() != '/') key += '/';
  return key;
}

// The locations by lower-case prefix, each list in file order: an
// application looks up the prefixes of its own key ("", "shop/",
// "shop/api/"), not every location.
using LocationIndex = std::unordered_map<std::string, std::vector<const Location*>>;

LocationIndex index_locations(const std::vector<Location>& locations) {
  LocationIndex index;
  for (const auto& l : locations) index[to_lower(l.prefix)].push_back(&l);
  return index;
}

// Authentication and modules of each application, from the server level and
// then each location that covers it, shorter paths first (the nearer wins).
void apply_locations(const LocationIndex& locations, const IisAuthentication& server_auth,
                     const std::vector<IisModuleUse>& server_modules, IisInfo& info) {
  IisAuthentication auth = server_auth;
  // Every location prefix is "" or ends in '/': those of the key, shortest first.
  const std::string key = to_lower(app_key(info));
  std::vector<const Location*> covering;
  for (std::size_t end = 0;;) {
    if (auto found = locations.find(key.substr(0, end)); found != locations.end())
      covering.insert(covering.end(), found->second.begin(), found->second.end());
    const std::size_t slash = key.find('/', end);
    if (slash == std::string::npos) break;
    end = slash + 1;
  }
  info.modules = server_modules;
  for (const Location* l : covering) {
    apply_authentication(l->system_web_server, auth);
    scan_iis_modules(l->system_web_server,
                     "applicationHost.config <location path=\"" + l->path + "\">", info.modules);
  }
  info.authentication = auth;
}

// Each application gets the site's applications below it (capped). Sorted by
// path, the applications below one follow it in a block, so this is
// n log n, not n squared, on a site with thousands of applications.
// "%SystemDrive%\\Sites\\Shop\\" -> "c:/sites/shop", to tell whether one folder is in another.
std::string folder_key(std::string_view windows_path) {
  std::string p = to_lower(trim(windows_path));
  if (p.starts_with("%systemdrive%")) p = "c:" + p.substr(13);
  for (char& c : p) c = c == '\\' ? '/' : c;
  while (!p.empty() && p.back() == '/') p.pop_back();
  return p;
}

// Each application below another whose folder holds its own: inside_of.
// Walks the sorted paths with a stack of ancestors; only the nearest few are
// compared, so a hostile chain of nested paths stays linear.
void mark_inside(std::vector<IisInfo>& apps,
                 const std::vector<std::pair<std::string, std::size_t>>& keys) {
  constexpr std::size_t kAncestorsCompared = 8;
  std::vector<std::size_t> stack;  // positions in keys
  for (std::size_t k = 0; k < keys.size(); ++k) {
    while (!stack.empty() && !keys[k].first.starts_with(keys[stack.back()].first)) stack.pop_back();
    IisInfo& app = apps[keys[k].second];
    std::string folder = folder_key(app.physical_path);
    for (std::size_t d = 0; d < stack.size() && d < kAncestorsCompared && !folder.empty(); ++d) {
      const IisInfo& above = apps[keys[stack[stack.size() - 1 - d]].second];
      std::string root = folder_key(above.physical_path);
      if (keys[stack[stack.size() - 1 - d]].first != keys[k].first && !root.empty() &&
          folder.starts_with(root + "/")) {
        app.inside_of = above.app_path;
        break;
      }
    }
    stack.push_back(k);
  }
}

void attach_nested(std::vector<IisInfo>& apps, std::size_t first, std::size_t& total) {
  std::vector<std::pair<std::string, std::size_t>> keys;
  for (std::size_t i = first; i < apps.size(); ++i)
    keys.emplace_back(to_lower(app_key(apps[i])), i);
  std::sort(keys.begin(), keys.end());
  mark_inside(apps, keys);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    IisInfo& parent = apps[keys[k].second];
    for (std::size_t n = k + 1; n < keys.size() && keys[n].first.starts_with(keys[k].first); ++n) {
      if (total >= kMaxNestedTotal || parent.nested_apps.size() >= kMaxNestedPerApp) break;
      if (keys[n].first == keys[k].first) continue;  // the same path twice
      parent.nested_apps.push_back(apps[keys[n].second]);
      parent.nested_apps.back().nested_apps.clear();
      ++total;
    }
  }
}

}  // namespace

IisBinding parse_binding(std::string_view protocol, std::string_view information) {
  IisBinding b;
  b.protocol = to_lower(protocol);
  auto parts = split(information, ':');
  if ((b.protocol == "http" || b.protocol == "https") && parts.size() >= 2) {
    b.address = parts[0];
    b.port = leading_number<int>(parts[1]).value_or(0);
    if (parts.size() >= 3) b.host = parts[2];
  } else if (b.protocol == "net.tcp" && !parts.empty()) {
    b.port = leading_number<int>(parts[0]).value_or(0);
    b.host = parts.size() > 1 ? parts[1] : "";
  } else {
    b.host = std::string(information);
  }
  return b;
}

Result<IisConfigFacts> parse_iis_config(std::string_view xml_text, const std::string& path) {
  auto doc = fmt_util::load_xml(xml_text, path);
  if (!doc) return doc.error();
  IisConfigFacts out;
  auto config = child(**doc, "configuration");
  auto host = child(config, "system.applicationHost");
  if (!host) {
    out.warnings.push_back(path + ": no system.applicationHost section");
    return out;
  }
  IisAppPool pool_defaults{"", "v4.0", "Integrated", "ApplicationPoolIdentity", false};
  auto pools = child(host, "applicationPools");
  if (auto d = child(pools, "applicationPoolDefaults")) pool_defaults = read_pool(d, pool_defaults);
  for (auto add : pools.children()) {
    if (name_is(add, "add")) out.pools.push_back(read_pool(add, pool_defaults));
  }
  auto sites = child(host, "sites");
  std::string default_pool = "DefaultAppPool";
  if (auto d = child(sites, "applicationDefaults"); d && d.attribute("applicationPool")) {
    default_pool = attr_value(d, "applicationPool");
  }
  std::vector<Location> locations;
  for (auto location : config.children()) {
    if (!name_is(location, "location")) continue;
    if (locations.size() >= kMaxLocations) {
      out.warnings.push_back(path + ": more than 50000 <location> sections; the rest are skipped");
      break;
    }
    auto sws = child(location, "system.webServer");
    if (!sws) continue;
    std::string lpath = attr_value(location, "path");
    locations.push_back({covering_prefix(lpath), lpath, sws});
  }
  std::vector<IisModuleUse> server_modules;
  scan_iis_modules(child(config, "system.webServer"), "applicationHost.config", server_modules,
                   true);
  for (auto app : child(child(config, "system.webServer"), "fastCgi").children()) {
    if (!name_is(app, "application") || out.fastcgi_apps.size() >= kMaxEntries) continue;
    std::string args = attr_value(app, "arguments");
    out.fastcgi_apps.push_back(attr_value(app, "fullPath") + (args.empty() ? "" : "|" + args));
  }
  for (auto add : child(child(config, "system.webServer"), "handlers").children()) {
    if (!name_is(add, "add") || out.script_handlers.size() >= kMaxEntries) continue;
    auto use = handler_use(add, "applicationHost.config (server-wide)");
    if (use && (use->module == "fastcgi" || use->module == "iisnode"))
      out.script_handlers.push_back({attr_value(add, "path"), std::move(*use)});
  }
  const LocationIndex location_index = index_locations(locations);
  IisAuthentication server_auth;
  apply_authentication(child(config, "system.webServer"), server_auth);
  if (child(child(config, "webFarms"), "webFarm")) {
    add_module_use(server_modules,
                   {"arr", "applicationHost.config: webFarms (Application Request Routing)"});
  }
  std::size_t site_count = 0;
  std::size_t nested_total = 0;
  for (auto site : sites.children()) {
    if (!name_is(site, "site")) continue;
    if (++site_count > kMaxSites) {
      out.warnings.push_back(path + ": more than 10000 sites; the rest are skipped");
      break;
    }
    std::vector<IisBinding> bindings;
    for (auto b : child(site, "bindings").children()) {
      if (name_is(b, "binding")) {
        bindings.push_back(
            parse_binding(attr_value(b, "protocol"), attr_value(b, "bindingInformation")));
      }
    }
    std::string site_pool = default_pool;
    if (auto d = child(site, "applicationDefaults"); d && d.attribute("applicationPool")) {
      site_pool = attr_value(d, "applicationPool");
    }
    std::size_t first_app = out.apps.size();
    int site_id = leading_number<int>(attr_value(site, "id")).value_or(0);
    for (auto app : site.children()) {
      if (!name_is(app, "application")) continue;
      if (out.apps.size() >= kMaxApps) break;
      IisInfo info;
      info.site = attr_value(site, "name");
      info.site_id = site_id;
      info.app_path = attr_value(app, "path");
      info.app_pool =
          app.attribute("applicationPool") ? attr_value(app, "applicationPool") : site_pool;
      for (auto vdir : app.children()) {
        if (!name_is(vdir, "virtualDirectory")) continue;
        std::string vpath = attr_value(vdir, "path");
        if (vpath == "/") {
          info.physical_path = attr_value(vdir, "physicalPath");
        } else if (info.virtual_dirs.size() < kMaxVirtualDirs) {
          info.virtual_dirs.push_back(
              {vpath, attr_value(vdir, "physicalPath"), attr_value(vdir, "userName")});
        }
      }
      info.bindings = bindings;
      for (const auto& p : out.pools) {
        if (iequals(p.name, info.app_pool)) {
          info.runtime_version = p.runtime_version;
          info.pipeline_mode = p.pipeline_mode;
          info.identity = p.identity;
          info.enable_32bit = p.enable_32bit;
        }
      }
      apply_locations(location_index, server_auth, server_modules, info);
      out.apps.push_back(std::move(info));
    }
    attach_nested(out.apps, first_app, nested_total);
  }
  if (windows_auth_enabled(child(config, "system.webServer"))) out.windows_auth_default = true;
  for (auto location : config.children()) {
    if (name_is(location, "location") &&
        windows_auth_enabled(child(location, "system.webServer"))) {
      out.windows_auth_paths.push_back(attr_value(location, "path"));
    }
  }
  return out;
}

}  // namespace liftshift
