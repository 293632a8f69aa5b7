// SYSTEM\MountedDevices: which partition each drive letter names. A value
// "\DosDevices\D:" holds 12 bytes (MBR disk signature, then the partition's
// byte offset, both little-endian), or "DMIO:ID:" and the GPT partition's
// unique GUID (24 bytes), or else a UTF-16LE device string (winreg-kb,
// "Mounted devices"). Bytes in, facts out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_reader.hpp"

namespace liftshift {

class Hive;

struct MountedDrive {
  enum class Kind { kMbr, kGpt, kOther };
  char letter = 0;  // upper-case: 'D'
  Kind kind = Kind::kOther;
  std::uint32_t disk_signature = 0;  // kMbr
  std::uint64_t offset = 0;          // kMbr: the partition's first byte on the disk
  std::string partition_guid;        // kGpt: upper-case, no braces
  std::string device;                // kOther: the device string, printable
};

// The drive of one MountedDevices value; nullopt for values that name no
// drive letter (\??\Volume{GUID}) and for data too short to be any kind.
std::optional<MountedDrive> parse_mounted_device(std::string_view value_name, Bytes data);

// Every drive letter of the hive's MountedDevices key, in letter order.
std::vector<MountedDrive> read_mounted_devices(const Hive& system_hive);

// "MBR disk signature 1A2B3C4D, partition at 1 MiB", "GPT partition
// 6F1E3C55-...", "device \Device\CdRom0": what to look for, for messages.
std::string describe_location(const MountedDrive& drive);

}  // namespace liftshift
