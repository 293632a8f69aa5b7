// Visual C++ projects (.vcxproj): a native program's or library's build
// settings, read as ProjectFacts with language "cpp" and its
// NativeProjectFacts.
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// Reads one .vcxproj. The configuration read is the Release one of the
// ProjectConfiguration items (x64 before Win32 before any other platform),
// else the first listed; a property counts when its element or group has no
// Condition, or a Condition whose quoted values name that configuration
// ("'$(Configuration)|$(Platform)'=='Release|x64'", "'$(Configuration)'=='Release'");
// a later value wins, as in MSBuild. output_type: "WinExe" for an Application
// with SubSystem Windows, "Exe" for any other Application, "Library" for the
// rest; assembly_name: TargetName, else the file name without extension.
// Errors: "<path>: XML error at line N: ..." or not a <Project>.
Result<ProjectFacts> parse_vcxproj(std::string_view xml_text, const std::string& path);

}  // namespace liftshift
