// One server from all its disks: the system disk (a disk image or a copied
// system drive) plus data disks, each partition given the drive letter the
// server's SYSTEM\MountedDevices says (MBR disk signature + partition offset,
// or GPT partition GUID), or the letter the user named. The result is a
// ServerVolume, so collectors and the context writer read D:\Sites\x from the
// right disk.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "sources/open_source.hpp"

namespace liftshift {

struct DataDisk {
  std::filesystem::path path;  // disk image, or folder (a copied drive: needs a letter)
  char letter = 0;             // 'D' when the user named it; 0: by MountedDevices
};

// "D:=data.vhdx" -> {data.vhdx, 'D'}; "data.vhdx" -> {data.vhdx, 0}. The
// error says what is wrong with a letter ("C:" is the system drive's).
Result<DataDisk> parse_data_disk(const std::string& text);

// Opens the server whose system disk is system_path (partition as for
// open_source) with every data disk attached. A data disk or partition that
// cannot be matched to a letter is a problem naming it (and what to give);
// the server is still opened. OpenedSource::drives lists what was attached.
Result<OpenedSource> open_server(const std::filesystem::path& system_path,
                                 std::optional<int> partition, const std::vector<DataDisk>& disks,
                                 std::vector<Problem>& problems);

}  // namespace liftshift
