// The system.webServer sections a site's web.config sets that a fresh IIS
// locks at server level: overrideModeDefault="Deny" in the applicationHost.config
// that Windows' IIS installs (security/access, the authentication sections,
// ipSecurity, asp, serverRuntime...). In a new container such a web.config
// fails with HTTP 500.19 until the image unlocks the section.
#pragma once

#include <pugixml.hpp>
#include <string_view>
#include <vector>

#include "core/facts.hpp"

namespace liftshift {

// The section paths ("system.webServer/security/ipSecurity") a fresh IIS locks.
const std::vector<std::string_view>& iis_locked_by_default();

// The locked sections the web.config sets, at its top and in each
// <location>, each level in the order of iis_locked_by_default(); at most 256.
std::vector<IisLockedSection> iis_locked_sections_of_web_config(const pugi::xml_document& doc);

}  // namespace liftshift
