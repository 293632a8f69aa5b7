// The data disks' paths a plan records: absolute, so that containerize
// --plan finds them from any folder. A relative path (a plan written before
// this, or edited by hand) is taken from the plan file's folder.
#pragma once

#include <filesystem>
#include <string>

#include "core/plan.hpp"

namespace liftshift {

// `path` made absolute from the working folder, as the disk was opened;
// unchanged when it cannot be.
std::string absolute_disk_path(const std::string& path);

// Every relative disks[].path of the plan taken from plan_folder.
void resolve_disk_paths(Plan& plan, const std::filesystem::path& plan_folder);

}  // namespace liftshift
