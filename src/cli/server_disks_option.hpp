// `--disk [D:=]PATH` and `--server`: one server read from all its disks. With
// --disk, the data disks are attached to the one server PATH; with --server,
// every PATH is a disk of the same server and the one holding Windows (a disk
// image, or a copied system drive) is its system disk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sources/server_disks.hpp"

namespace liftshift {

inline constexpr const char* kDiskOptionHelp =
    "Another disk of the server PATH (repeatable): a disk image whose partitions get the drive "
    "letters the server's MountedDevices gives them, or D:=PATH to name the letter (needed for a "
    "folder holding a copied data drive)";
inline constexpr const char* kServerOptionHelp =
    "The PATHs are the disks of one server: the one holding Windows is its system disk, the "
    "others its data disks (as --disk)";

struct ServerSources {
  std::vector<std::string> paths;  // what to collect: the system disk alone when disks are given
  std::vector<DataDisk> disks;
};

// The error says what is wrong (a --disk with several servers, a bad letter,
// --server without a disk holding Windows).
Result<ServerSources> server_sources(const std::vector<std::string>& paths,
                                     const std::vector<std::string>& disk_options, bool server,
                                     std::optional<int> partition);

}  // namespace liftshift
