// Turns the parsed files of one source into applications: by project in a
// source tree, by web root and executable in a published folder.
#pragma once

#include <string>
#include <vector>

#include "collect/parsed_files.hpp"
#include "core/model.hpp"

namespace liftshift {

// source_name prefixes every app id ("legacy-apps/Contoso.Web").
std::vector<Application> group_source_tree(ParsedSource& parsed, const std::string& source_name);
std::vector<Application> group_published(ParsedSource& parsed, const std::string& source_name);

// Hands markers and source hits to the application with the deepest root
// that contains them (all apps that share that root).
void assign_by_root(ParsedSource& parsed, std::vector<Application>& apps);

// True when path is dir itself or inside it ("" is the root and holds everything).
bool is_under(std::string_view path, std::string_view dir);

}  // namespace liftshift
