// Configuration files below an application's root that apply to it besides
// its own web.config/app.config: sub-folder web.config files (ASP.NET merges
// them for requests under that folder) and logging configurations kept in
// files of their own (log4net.config, NLog.config), and ASP.NET Core's
// appsettings*.json. In a source tree, the logging configs of the library
// projects an application folds in are its own too.
#pragma once

#include <vector>

#include "collect/parsed_files.hpp"
#include "core/model.hpp"

namespace liftshift {

// Adds to each application the nested configs whose deepest containing root
// is that application's, after the ones it already has.
void attach_nested_configs(const ParsedSource& parsed, std::vector<Application>& apps);

}  // namespace liftshift
