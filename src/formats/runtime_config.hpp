// App.runtimeconfig.json of a published .NET (Core) app: which shared
// frameworks the host (the native apphost App.exe, or `dotnet App.dll`) loads.
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// runtimeOptions.tfm and runtimeOptions.framework / frameworks[] (name,
// version). Errors: "<path>: not JSON" or no runtimeOptions object.
Result<RuntimeConfigFacts> parse_runtime_config(std::string_view json_text,
                                                const std::string& path);

}  // namespace liftshift
