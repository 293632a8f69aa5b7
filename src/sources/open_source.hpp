// Opens what the user named as a Volume: a folder as is, a disk image by
// finding its partitions and the NTFS one that holds Windows (or the one the
// user chose with --partition N).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "formats/hive.hpp"
#include "formats/partition_table.hpp"
#include "sources/disk_image.hpp"
#include "sources/volume.hpp"

namespace liftshift {

struct OpenedSource {
  std::unique_ptr<Volume> volume;
  std::string format;                  // "folder", or the image format: "VHDX (dynamic)"...
  std::optional<Partition> partition;  // the partition read, for disk images
  std::string chosen;                  // "partition 2 (NTFS, 30 MiB, holds Windows)": tell the user
  std::uint64_t image_size = 0;        // virtual disk size, for disk images
  std::shared_ptr<const ImageReadStats> read_stats;  // bytes read from the image; null for folders
  std::string image_identifier;                      // DiskImage::identifier(), "" for folders
  // open_server: the other drives attached, "D: data.vhdx partition 1 (NTFS, 30 MiB)".
  std::vector<std::string> drives;
  // Disk images: the image the volume reads, so open_server attaches its
  // other partitions without opening the image again.
  std::shared_ptr<const DiskImage> image;
  // open_server: the drive letters read from each data disk, in the order
  // the disks were given, and what was read from each (null for a folder).
  std::vector<std::vector<char>> disk_letters;
  std::vector<std::shared_ptr<const ImageReadStats>> disk_read_stats;
  // open_server: the system drive's SYSTEM hive, read once for the drive
  // letters and kept for the machine collector (null when it could not be read).
  std::shared_ptr<const Hive> system_hive;

  // Bytes read from every disk image of the source: the system disk and the data disks.
  [[nodiscard]] std::uint64_t bytes_read() const;
};

// partition: 1-based, overrides the automatic choice. Warnings (bad partition
// table entries, unreadable partitions) go to problems; the error says why
// nothing could be opened, naming the file.
Result<OpenedSource> open_source(const std::filesystem::path& path, std::optional<int> partition,
                                 std::vector<Problem>& problems);

// The volume alone; describe() says which partition was chosen.
Result<std::unique_ptr<Volume>> open_volume(const std::filesystem::path& path,
                                            std::optional<int> partition,
                                            std::vector<Problem>& problems);

// The partition table of a disk image, read through the image.
PartitionTable read_image_partitions(const DiskImage& image);

// Where Windows keeps the SYSTEM hive: the mark of a Windows system partition.
inline constexpr const char* kSystemHivePath = "Windows/System32/config/SYSTEM";

// Whether a disk is a server's system disk (--server): a copied system
// drive, or a disk image with an NTFS partition (the one given, else any)
// holding kSystemHivePath. Reads only the partition table, each partition's
// first sector and, of an NTFS one, its boot records and the folder index
// entries on the way to the hive, up to the first partition that holds it;
// bytes_read is what was read from the image (0 for folders).
struct SystemDiskProbe {
  bool holds_windows = false;
  std::uint64_t bytes_read = 0;
};
SystemDiskProbe probe_system_disk(const std::filesystem::path& path, std::optional<int> partition);

}  // namespace liftshift
