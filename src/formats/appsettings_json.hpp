// ASP.NET Core configuration files (appsettings.json, appsettings.*.json):
// the connection strings and the settings whose values are shaped like
// secrets, in the same ConfigFacts the .NET Framework configs fill.
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// Reads one appsettings file (comments allowed, as ASP.NET Core allows them).
// "ConnectionStrings": {"Name": "..."} become connection strings; every other
// string value becomes a setting named by its path ("Smtp:Password"), masked
// when it or its name looks secret. Nesting is walked iteratively; input is
// capped at 16 MiB and at 10000 settings.
Result<ConfigFacts> parse_appsettings_json(std::string_view text, const std::string& path);

}  // namespace liftshift
