#include "formats/iis_config.hpp"

#include "core/numbers.hpp"
#include "core/text.hpp"
#include "formats/format_util.hpp"

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

IisAppPool read_pool(const pugi::xml_node& add, const IisAppPool& defaults) {
  IisAppPool pool = defaults;
  pool.name = attr_value(add, "name");
  if (add.attribute("managedRuntimeVersion"))
    pool.runtime_version = attr_value(add, "managedRuntimeVersion");
  if (add.attribute("managedPipelineMode"))
    pool.pipeline_mode = attr_value(add, "managedPipelineMode");
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

bool windows_auth_enabled(const pugi::xml_node& system_web_server) {
  auto security = child(system_web_server, "security");
  auto authentication = child(security, "authentication");
  auto windows = child(authentication, "windowsAuthentication");
  return windows && iequals(attr_value(windows, "enabled"), "true");
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
  IisAppPool pool_defaults{"", "v4.0", "Integrated", "ApplicationPoolIdentity"};
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
  std::size_t site_count = 0;
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
    for (auto app : site.children()) {
      if (!name_is(app, "application")) continue;
      if (out.apps.size() >= kMaxApps) break;
      IisInfo info;
      info.site = attr_value(site, "name");
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
        }
      }
      out.apps.push_back(std::move(info));
    }
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
