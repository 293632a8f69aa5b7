// What a project or a published app takes from the files beside it:
// Directory.Build.props/.targets (MSBuild imports them from the project's
// folder or above) and App.runtimeconfig.json (the host reads it beside App.exe).
#pragma once

#include <vector>

#include "collect/parsed_files.hpp"
#include "core/model.hpp"

namespace liftshift {

// A project that sets no target framework itself takes it from the nearest
// Directory.Build.props up the tree that sets one (MSBuild imports the
// nearest; a nearer one that sets none is taken to import its parent, as the
// usual GetPathOfFileAbove pattern does), else from the nearest
// Directory.Build.targets. target_frameworks_from names the file.
void inherit_build_files(std::vector<ProjectFacts>& projects,
                         const std::vector<ProjectFacts>& build_files);

// Gives each app the runtimeconfig.json beside its entry with the same name
// (App.exe or App.dll -> App.runtimeconfig.json).
void attach_runtime_configs(const ParsedSource& parsed, std::vector<Application>& apps);

}  // namespace liftshift
