// Decides an application's kind (web, wcf, service, console, desktop) and its
// framework and version from its facts, with the evidence for each choice.
#pragma once

#include <string_view>

#include "core/model.hpp"

namespace liftshift {

void profile_app(Application& app);

// "net472" -> netfx 4.7.2, "net8.0-windows" -> dotnet 8.0, "netcoreapp3.1" -> dotnet 3.1.
Framework framework_from_tfm(std::string_view tfm);
// ".NETFramework,Version=v4.7.2" -> netfx 4.7.2; ".NETCoreApp,Version=v8.0" -> dotnet 8.0.
Framework framework_from_target_attribute(std::string_view value);
// CLR metadata version "v2.0.50727" -> netfx 2.0 (3.5 when System.Core 3.5 is referenced).
Framework framework_from_clr(const BinaryFacts& binary);

}  // namespace liftshift
