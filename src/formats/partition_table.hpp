// Partition tables of a disk: MBR (with extended/logical partitions) and GPT,
// parsed from sectors the caller reads for it. A disk that is directly an NTFS
// volume (no table) is one partition at 0. Hostile tables never stop the
// parse: a bad entry is a warning naming the partition, and is skipped. A GPT
// is checked as Windows checks it (header and entry-array CRC32s); when the
// primary copy is damaged the backup at the disk's last sector is read.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/byte_reader.hpp"

namespace liftshift {

struct Partition {
  int index = 0;             // 1-based: MBR primaries 1-4 by slot, logicals from 5; GPT by entry
  std::uint64_t offset = 0;  // bytes from the start of the disk
  std::uint64_t size = 0;    // bytes
  std::string type;          // MBR: "0x07"; GPT: type GUID "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7"
  std::string name;          // GPT partition name, else a description of the type
  std::string unique_guid;   // GPT: the partition's own GUID (MountedDevices names it); MBR: ""
};

struct PartitionTable {
  std::string scheme;  // "MBR", "GPT", "none" (whole disk is one file system), "" (nothing found)
  std::vector<Partition> partitions;
  std::vector<std::string> warnings;
  std::uint32_t disk_signature = 0;  // MBR: the 4 bytes at 0x1B8 (MountedDevices names it)
  std::string disk_guid;             // GPT: the disk's GUID
};

// Reads up to n bytes at a disk offset; nullopt (or fewer bytes) when it cannot.
using DiskReadFn =
    std::function<std::optional<std::vector<std::uint8_t>>(std::uint64_t offset, std::size_t n)>;

// Explicit caps against hostile tables.
inline constexpr int kMaxLogicalPartitions = 128;
inline constexpr std::uint32_t kMaxGptEntries = 1024;
inline constexpr std::uint32_t kMaxGptEntrySize = 4096;

PartitionTable read_partition_table(const DiskReadFn& read, std::uint64_t disk_size);

// A GUID stored as on disk (first three fields little-endian), upper-case
// without braces: "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7"; "" for fewer than 16 bytes.
std::string guid_string(Bytes guid);

// CRC-32 (IEEE 802.3, as the GPT header and entry array carry it).
std::uint32_t crc32(Bytes data);

// The file system a partition's first sector announces: "NTFS", "FAT32",
// "FAT", "exFAT", "ReFS", "BitLocker", or "" when none is recognised.
std::string filesystem_name(Bytes first_sector);

// "499 MiB", "1.5 GiB", "512 bytes": sizes for messages.
std::string human_size(std::uint64_t bytes);

}  // namespace liftshift
