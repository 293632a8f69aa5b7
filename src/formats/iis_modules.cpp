#include "formats/iis_modules.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "formats/format_util.hpp"

namespace liftshift {

namespace {

using fmt_util::attr_value;
using fmt_util::child;
using fmt_util::name_is;

// A hostile section may hold millions of entries; counting stops here.
constexpr std::size_t kMaxEntries = 10'000;

bool absolute_url(std::string_view url) {
  return istarts_with(url, "http://") || istarts_with(url, "https://") ||
         istarts_with(url, "{C:1}://") || istarts_with(url, "{R:1}://");
}

void scan_rewrite(const pugi::xml_node& rewrite, const std::string& where,
                  std::vector<IisModuleUse>& out) {
  std::size_t rules = 0;
  std::string proxy_rule;
  for (std::string_view list : {"rules", "globalRules", "outboundRules"}) {
    for (auto rule : child(rewrite, list).children()) {
      if (!name_is(rule, "rule")) continue;
      if (++rules > kMaxEntries) break;
      auto action = child(rule, "action");
      // A rewrite (not a redirect) to another host is a reverse proxy: ARR's job.
      if (proxy_rule.empty() && iequals(attr_value(action, "type"), "Rewrite") &&
          absolute_url(attr_value(action, "url"))) {
        proxy_rule = attr_value(rule, "name");
      }
    }
  }
  bool maps = static_cast<bool>(child(rewrite, "rewriteMaps").first_child());
  if (rules == 0 && !maps) return;
  add_module_use(out, {"url-rewrite", where + ": system.webServer/rewrite (" +
                                          std::to_string(std::min(rules, kMaxEntries)) +
                                          " rule(s)" + (maps ? ", rewrite maps" : "") + ")"});
  if (!proxy_rule.empty()) {
    add_module_use(out, {"arr", where + ": rewrite rule '" + proxy_rule +
                                    "' rewrites to another host (a reverse proxy)"});
  }
}

void scan_handlers(const pugi::xml_node& handlers, const std::string& where,
                   std::vector<IisModuleUse>& out) {
  std::size_t n = 0;
  for (auto add : handlers.children()) {
    if (!name_is(add, "add")) continue;
    if (++n > kMaxEntries) break;
    if (auto use = handler_use(add, where)) add_module_use(out, std::move(*use));
  }
}

}  // namespace

std::optional<IisModuleUse> handler_use(const pugi::xml_node& add, const std::string& where) {
  std::string path = attr_value(add, "path");
  std::string processor = attr_value(add, "scriptProcessor");
  std::string modules = attr_value(add, "modules");
  std::string name = attr_value(add, "name");
  if (iends_with(path, ".asp") || iends_with(processor, "\\asp.dll"))
    return IisModuleUse{"classic-asp", where + ": handler '" + name + "' for " + path};
  if (icontains(modules, "FastCgiModule")) {
    // PHP (php-cgi.exe), Python (wfastcgi): a runtime outside the image.
    IisModuleUse use{
        "fastcgi", where + ": FastCGI handler '" + name + "' for " + path + " (" + processor + ")",
        processor};
    use.handler_name = name;
    use.handler_path = path;
    use.server_config = istarts_with(where, "applicationHost.config");
    return use;
  }
  if (icontains(modules, "iisnode"))
    return IisModuleUse{"iisnode", where + ": iisnode handler '" + name + "' for " + path};
  // ASP.NET's own ISAPI handlers (Classic pipeline) come with ASP.NET.
  if (icontains(modules, "IsapiModule") && !icontains(processor, "aspnet_isapi.dll"))
    return IisModuleUse{"isapi", where + ": ISAPI handler '" + name + "' (" + processor + ")"};
  return std::nullopt;
}

void add_module_use(std::vector<IisModuleUse>& out, IisModuleUse use) {
  for (const auto& u : out) {
    if (u.module == use.module) return;
  }
  out.push_back(std::move(use));
}

void scan_iis_modules(const pugi::xml_node& system_web_server, const std::string& where,
                      std::vector<IisModuleUse>& out, bool server_level) {
  if (!system_web_server) return;
  scan_rewrite(child(system_web_server, "rewrite"), where, out);
  if (auto proxy = child(system_web_server, "proxy");
      proxy && iequals(attr_value(proxy, "enabled"), "true")) {
    add_module_use(out, {"arr", where + ": system.webServer/proxy enabled"});
  }
  if (server_level) return;
  scan_handlers(child(system_web_server, "handlers"), where, out);
  for (auto add : child(system_web_server, "isapiFilters").children()) {
    if (name_is(add, "filter") && !icontains(attr_value(add, "path"), "aspnet_filter.dll")) {
      add_module_use(out, {"isapi", where + ": ISAPI filter '" + attr_value(add, "name") + "'"});
      break;
    }
  }
  if (auto ws = child(system_web_server, "webSocket");
      ws && iequals(attr_value(ws, "enabled"), "true")) {
    add_module_use(out, {"websocket", where + ": system.webServer/webSocket enabled"});
  }
}

std::vector<IisModuleUse> iis_modules_of_web_config(std::string_view xml_text,
                                                    const std::string& path) {
  auto doc = fmt_util::load_xml(xml_text, path);
  if (!doc) return {};
  return iis_modules_of_web_config(**doc, path);
}

std::vector<IisModuleUse> iis_modules_of_web_config(const pugi::xml_document& doc,
                                                    const std::string& path) {
  std::vector<IisModuleUse> out;
  auto config = child(doc, "configuration");
  scan_iis_modules(child(config, "system.webServer"), path, out);
  std::size_t n = 0;
  for (auto location : config.children()) {
    if (!name_is(location, "location")) continue;
    if (++n > kMaxEntries) break;
    scan_iis_modules(child(location, "system.webServer"), path, out);
  }
  return out;
}

}  // namespace liftshift
