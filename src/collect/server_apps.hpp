// Finds the applications on a whole server: every IIS application, every
// non-Microsoft Windows service and scheduled task, and every installed
// desktop program. Each is read from its own folder with the same collectors
// as a folder given on the command line, then given what the server says
// about it (service account, bindings, schedule). One folder at a time: each
// application is finished and handed to on_finished before the next folder is
// read, and a folder's parsed files are dropped after its last application.
#pragma once

#include <string>
#include <vector>

#include "collect/app_finished.hpp"
#include "collect/parsed_files.hpp"
#include "core/model.hpp"
#include "sources/volume.hpp"

namespace liftshift {

std::vector<Application> collect_server_apps(const Volume& volume, const MachineFacts& machine,
                                             const std::string& source_name,
                                             const ReadLimits& limits,
                                             std::vector<Problem>& problems,
                                             const AppFinished& on_finished = {});

// "C:\\inetpub\\wwwroot" or "%SystemDrive%\\inetpub\\wwwroot" -> "inetpub/wwwroot";
// another drive's path "D:\\Sites\\x" -> "D:/Sites/x" (that drive's folder of a
// server volume, sources/server_volume.hpp); ".." resolved by name
// ("C:\\a\\..\\b" -> "b"); nullopt for UNC paths, relative paths and a ".."
// that climbs above the root of the drive.
std::optional<std::string> volume_path(std::string_view windows_path);

// Why volume_path gave nullopt, for messages: "is not on a drive of this
// server" or "climbs out of the drive with '..'".
std::string not_on_volume(std::string_view windows_path);

// For a path on a drive other than C: that the volume does not hold: "is on
// drive D:, which is on no disk given (the server mounts D: from MBR disk
// signature 1A2B3C4D, partition at 1 MiB; ...)"; "" otherwise.
std::string missing_drive(const Volume& volume, const MachineFacts& machine,
                          std::string_view windows_path);

}  // namespace liftshift
