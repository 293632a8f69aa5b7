// NuGet packages.config (<packages><package id= version= targetFramework= /></packages>).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

// The packages in file order; entries without an id are skipped. Errors:
// "<path>: XML error at line N: ..." or a root element other than <packages>.
Result<std::vector<PackageRef>> parse_packages_config(std::string_view xml_text,
                                                      const std::string& path);

}  // namespace liftshift
