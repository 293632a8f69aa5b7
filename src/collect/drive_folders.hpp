// The folders on the server's other drives (D:, E:) that an application's
// configuration names, measured where a disk given holds them: IIS virtual
// directories served from another drive and appSettings values naming a
// folder there. The planner moves such folders to C: on a volume and seeds
// it from what is measured here (model.hpp, DriveFolder).
#pragma once

#include "core/model.hpp"
#include "sources/volume.hpp"

namespace liftshift {

// Fills app.drive_folders from the server volume (sources/server_volume.hpp:
// drive D: is its folder "D:"). Counting a folder stops just past
// kMaxDriveSeedBytes, so a huge data folder is never walked whole.
void measure_drive_folders(const Volume& volume, Application& app);

}  // namespace liftshift
