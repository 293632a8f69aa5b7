// Partition tables of a disk: MBR (with extended/logical partitions) and GPT,
// parsed from sectors the caller reads for it. A disk that is directly an NTFS
// volume (no table) is one partition at 0. Hostile tables never stop the
// parse: a bad entry is a warning naming the partition, and is skipped.
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
};

struct PartitionTable {
  std::string scheme;  // "MBR", "GPT", "none" (whole disk is one file system), "" (nothing found)
  std::vector<Partition> partitions;
  std::vector<std::string> warnings;
};

// Reads up to n bytes at a disk offset; nullopt (or fewer bytes) when it cannot.
using DiskReadFn =
    std::function<std::optional<std::vector<std::uint8_t>>(std::uint64_t offset, std::size_t n)>;

// Explicit caps against hostile tables.
inline constexpr int kMaxLogicalPartitions = 128;
inline constexpr std::uint32_t kMaxGptEntries = 1024;
inline constexpr std::uint32_t kMaxGptEntrySize = 4096;

PartitionTable read_partition_table(const DiskReadFn& read, std::uint64_t disk_size);

// The file system a partition's first sector announces: "NTFS", "FAT32",
// "FAT", "exFAT", "ReFS", "BitLocker", or "" when none is recognised.
std::string filesystem_name(Bytes first_sector);

// "499 MiB", "1.5 GiB", "512 bytes": sizes for messages.
std::string human_size(std::uint64_t bytes);

}  // namespace liftshift
