// .NET Framework configuration files: web.config, app.config, *.exe.config
// (and standalone log4net / NLog configs, which use the same reader).
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// Reads one configuration file. `path` is used for ConfigFacts::path and in
// error messages ("web.config: XML error at line 12: Start-end tags mismatch").
// Secrets (connection string passwords, secret-looking app settings, LDAP URL
// credentials) are masked before they reach the facts. Elements are matched by
// local name, case-insensitively, wherever they sit (inside <location> too).
// DOCTYPEs are skipped; entities are never expanded. Input is capped at 64 MiB;
// any nesting depth is walked iteratively. A file named web.config also gets
// its ConfigFacts::iis_modules (iis_modules_of_web_config, same document).
// `within` ("system.serviceModel"): the section groups an included file's
// section sits in, '/'-separated, read as if the file were in their place.
Result<ConfigFacts> parse_dotnet_config(std::string_view xml_text, const std::string& path,
                                        std::string_view within = {});

}  // namespace liftshift
