// Checks a plan file's edits and carries out what an edit implies, once the
// file is read (plan_file_read.cpp): the Windows version moves the Microsoft
// images to that version's tags; a tag that doesn't exist for the version,
// Hyper-V isolation on Kubernetes, a volume over a system folder or over the
// application itself, and a secret written as a value are errors naming their line.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

// The line of each value read, by its path: "apps[0].volumes[1].size" -> 42.
using PlanLines = std::map<std::string, int>;

void apply_plan_edits(Plan& plan, const PlanLines& lines, const std::string& file,
                      std::vector<std::string>& errors);

}  // namespace liftshift
