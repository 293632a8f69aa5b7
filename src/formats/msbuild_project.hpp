// MSBuild project files (.csproj, .vbproj, .fsproj): old-style (Visual Studio
// 2003-2017 schema, xmlns ".../developer/msbuild/2003") and SDK-style.
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// Reads one project file. `path` gives ProjectFacts::path, the language (from
// its extension: .csproj "cs", .vbproj "vb", .fsproj "fs") and the default
// AssemblyName (the file name without extension). Properties: the last
// unconditional value wins; a conditional value (Condition on the property or
// its group, or inside Choose/When) is used only when there is no
// unconditional one. OutputType defaults to "Library" ("Exe" for
// Microsoft.NET.Sdk.Web). Imports are not followed here; what a project
// takes from Directory.Build.props/.targets is applied by collect/build_files.
// Errors: "<path>: XML error at line N: ..." or not a <Project>.
Result<ProjectFacts> parse_msbuild_project(std::string_view xml_text, const std::string& path);

// "v4.7.2" -> "net472", "v3.5" -> "net35", "v1.1" -> "net11"; "" when the
// text is not a vN.N[.N] version.
std::string normalize_framework_version(std::string_view target_framework_version);

}  // namespace liftshift
