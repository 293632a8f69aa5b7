#include "formats/iis_locked_sections.hpp"

#include "core/text.hpp"
#include "formats/format_util.hpp"

namespace liftshift {

namespace {

using fmt_util::attr;
using fmt_util::child;
using fmt_util::name_is;

constexpr std::size_t kMaxSections = 256;
constexpr std::size_t kMaxLocations = 10'000;
constexpr std::size_t kMaxLocationPath = 200;

// The element at `path` ('/'-separated, below system.webServer), or a null node.
pugi::xml_node element_at(pugi::xml_node node, std::string_view path) {
  while (node && !path.empty()) {
    const std::size_t slash = path.find('/');
    node = child(node, path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  }
  return node;
}

void scan(const pugi::xml_node& system_web_server, const std::string& location,
          std::vector<IisLockedSection>& out) {
  if (!system_web_server) return;
  constexpr std::string_view kPrefix = "system.webServer/";
  for (std::string_view section : iis_locked_by_default()) {
    if (out.size() >= kMaxSections) return;
    pugi::xml_node e = element_at(system_web_server, section.substr(kPrefix.size()));
    if (!e) continue;
    IisLockedSection s;
    s.section = std::string(section);
    s.location = location;
    const std::string_view name = section.substr(section.rfind('/') + 1);
    s.element = "<" + std::string(name);
    if (pugi::xml_attribute enabled = attr(e, "enabled")) {
      s.enabled = iequals(trim(enabled.value()), "true");
      s.element += std::string(" enabled=\"") + (*s.enabled ? "true" : "false") + "\"";
    }
    s.element += ">";
    out.push_back(std::move(s));
  }
}

}  // namespace

const std::vector<std::string_view>& iis_locked_by_default() {
  // From the configSections of IIS 10's applicationHost.config. handlers and
  // modules are Deny there too, but its <location path="" overrideMode="Allow">
  // opens them to every web.config; AppHostOnly sections (fastCgi,
  // isapiCgiRestriction) can't be set in a web.config at all.
  static const std::vector<std::string_view> kSections = {
      "system.webServer/security/access",
      "system.webServer/security/applicationDependencies",
      "system.webServer/security/authentication/anonymousAuthentication",
      "system.webServer/security/authentication/basicAuthentication",
      "system.webServer/security/authentication/clientCertificateMappingAuthentication",
      "system.webServer/security/authentication/digestAuthentication",
      "system.webServer/security/authentication/iisClientCertificateMappingAuthentication",
      "system.webServer/security/authentication/windowsAuthentication",
      "system.webServer/security/ipSecurity",
      "system.webServer/security/dynamicIpSecurity",
      "system.webServer/asp",
      "system.webServer/cgi",
      "system.webServer/httpLogging",
      "system.webServer/isapiFilters",
      "system.webServer/serverRuntime",
      "system.webServer/serverSideInclude",
      "system.webServer/webSocket",
  };
  return kSections;
}

std::vector<IisLockedSection> iis_locked_sections_of_web_config(const pugi::xml_document& doc) {
  std::vector<IisLockedSection> out;
  auto config = child(doc, "configuration");
  scan(child(config, "system.webServer"), "", out);
  std::size_t n = 0;
  for (auto location : config.children()) {
    if (!name_is(location, "location")) continue;
    if (++n > kMaxLocations) break;
    std::string path = printable(trim(fmt_util::attr_value(location, "path")));
    if (path.size() > kMaxLocationPath) path.resize(kMaxLocationPath);
    if (path == ".") path.clear();
    scan(child(location, "system.webServer"), path, out);
  }
  return out;
}

}  // namespace liftshift
