// Says what a path given on the command line is, before anything is opened
// as a Volume: a folder (application source tree / published folder / copied
// Windows system drive) or a disk image, by magic bytes, never by extension.
#pragma once

#include <filesystem>
#include <string>

#include "core/model.hpp"

namespace liftshift {

struct ProbeResult {
  bool exists = false;
  bool is_directory = false;
  SourceKind kind = SourceKind::kUnknown;  // kSystemDrive / kDiskImage when recognised
  std::string format;  // "VHDX", "VHD", "VMDK", "raw (MBR)", "raw (GPT)", "NTFS volume"
  std::string error;   // why it cannot be used, when it cannot
};

ProbeResult probe_source(const std::filesystem::path& path);

// The disk image format of a regular file by its magic bytes (the values of
// ProbeResult::format, and "QCOW2"), or "" when it is not a disk image.
std::string disk_image_format(const std::filesystem::path& path);

}  // namespace liftshift
