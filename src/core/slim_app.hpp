// What an application keeps once the rules have run on it. The rules read
// every list parsed from its binaries (imports, references, metadata names:
// most of a server's memory); after them only a binary's path and what it is
// are read (the planner's entry program and shipped folders, the report), so
// the rest is dropped as soon as the application is assessed and memory does
// not grow with the number of applications (cli/assess_source.hpp).
#pragma once

#include "core/model.hpp"

namespace liftshift {

// Each binary keeps its path, machine, PE kind, CLR version, assembly name
// and version, target framework and version resource; its lists go.
void slim_binaries(Application& app);

}  // namespace liftshift
