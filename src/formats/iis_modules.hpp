// What an IIS system.webServer section shows the site needs beyond the
// base image's IIS: URL Rewrite rules, reverse-proxy rules (ARR), classic ASP
// and ISAPI handlers, WebSockets. Used on applicationHost.config's <location>
// sections and on a site's own web.config.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

// Adds to `out` (no duplicate module) what `system_web_server` needs;
// `where` starts each evidence text ("web.config", "applicationHost.config
// <location path=\"Shop\">"). With server_level (applicationHost.config's
// own system.webServer) only global rewrite rules and the proxy count: its
// handler list names every feature installed, not what a site uses.
void scan_iis_modules(const pugi::xml_node& system_web_server, const std::string& where,
                      std::vector<IisModuleUse>& out, bool server_level = false);

// The same over a whole web.config's text: <configuration><system.webServer>
// and its <location> sections. Malformed XML adds nothing (the config parser
// reports it).
std::vector<IisModuleUse> iis_modules_of_web_config(std::string_view xml_text,
                                                    const std::string& path);
// The same over a web.config already loaded.
std::vector<IisModuleUse> iis_modules_of_web_config(const pugi::xml_document& doc,
                                                    const std::string& path);

// What one handler (<handlers><add .../>) needs: classic ASP, FastCGI,
// iisnode or an ISAPI extension; nullopt for any other handler.
std::optional<IisModuleUse> handler_use(const pugi::xml_node& add, const std::string& where);

// Adds `use` unless its module is already in `out`.
void add_module_use(std::vector<IisModuleUse>& out, IisModuleUse use);

}  // namespace liftshift
