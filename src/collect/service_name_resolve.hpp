// A Windows service whose source sets its name from an identifier instead of a
// literal (`ServiceName = Names.Orders`, Topshelf's
// `SetServiceName(Configuration.ServiceName)`): the identifier is followed
// through the project's C# and VB files, constant to property to constant,
// to the literal it stands for, and to the configuration's appSettings where
// the code reads one (AppSettings["key"], GetSettingOrDefault(key, fallback)).
// Only files that can hold a definition are read: the one named after the
// type first, then those of the project declaring it, within a byte budget.
#pragma once

#include <vector>

#include "core/model.hpp"
#include "sources/volume.hpp"

namespace liftshift {

// Files and bytes one application's resolution may read at most.
inline constexpr std::size_t kMaxResolveFiles = 200;
inline constexpr std::uint64_t kMaxResolveBytes = std::uint64_t{8} << 20;

// files: every file of the volume (the walk's list). Sets service_name and
// service_name_trail of each service app whose name no literal gave; when no
// literal is reached, only the trail says where the name comes from.
void resolve_service_names(const Volume& volume, const std::vector<FileEntry>& files,
                           std::vector<Application>& apps);

}  // namespace liftshift
