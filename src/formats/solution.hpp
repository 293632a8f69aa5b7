// Visual Studio solution files (.sln, text format).
#pragma once

#include <string>
#include <string_view>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// Solution folder project type; such entries are not projects and are skipped.
inline constexpr std::string_view kSolutionFolderGuid = "2150e333-8fdc-42a3-9474-1a3956d46de8";

// Web Site project type: a folder listed as a project, with no project file.
inline constexpr std::string_view kWebsiteGuid = "e24c65dc-7377-472b-9aba-bc803b73c61a";

// Reads the Project("{type}") = "Name", "rel\path.csproj", "{guid}" lines.
// SolutionProject::path has '/' separators (no trailing '/'); type_guid is
// lower-case without braces. A Web Site project's WebsiteProperties section
// gives its target framework. UTF-8 (BOM optional) or UTF-16LE with BOM.
// Error when the text has neither the "Microsoft Visual Studio Solution File"
// header nor any Project line, or exceeds 64 MiB.
Result<SolutionFacts> parse_solution(std::string_view text, const std::string& path);

}  // namespace liftshift
