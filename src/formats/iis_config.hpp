// IIS applicationHost.config: sites, applications, virtual directories,
// bindings, application pools, each application's authentication and the
// modules its <location> sections show. Bytes/text in, facts out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace liftshift {

struct IisAppPool {
  std::string name;
  std::string runtime_version;  // managedRuntimeVersion ("v4.0", "v2.0", "" = no managed code)
  std::string pipeline_mode;    // "Integrated" / "Classic"
  std::string identity;         // identityType, or "SpecificUser: DOMAIN\\user" (never a password)
  bool enable_32bit = false;    // enable32BitAppOnWin64
};

struct IisConfigFacts {
  std::vector<IisInfo> apps;  // one per site application, bindings from its site
  std::vector<IisAppPool> pools;
  std::vector<std::string> windows_auth_paths;  // location paths with windowsAuthentication enabled
  bool windows_auth_default = false;            // enabled for every site
  // Server-level FastCGI and iisnode handlers (system.webServer/handlers):
  // every site has them, and one uses them when it serves files of their path.
  struct ScriptHandler {
    std::string path;  // "*.php", "server.js"
    IisModuleUse use;
  };
  std::vector<ScriptHandler> script_handlers;
  // system.webServer/fastCgi/application: "fullPath" or "fullPath|arguments",
  // as a handler's scriptProcessor names it.
  std::vector<std::string> fastcgi_apps;
  std::vector<std::string> warnings;
};

Result<IisConfigFacts> parse_iis_config(std::string_view xml_text, const std::string& path);

// "*:443:shop.contoso.com" -> address "*", port 443, host "shop.contoso.com".
IisBinding parse_binding(std::string_view protocol, std::string_view information);

}  // namespace liftshift
