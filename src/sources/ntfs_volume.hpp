// Volume over the NTFS file system of one partition of a disk image, read in
// userspace with libfsntfs through the DiskImage (no mount, no root, no copy).
// Names are matched case-insensitively, as Windows does. The walk is
// iterative and capped (depth, entries, folders seen twice), reparse points
// (junctions, symbolic links) are reported and not followed, alternate data
// streams are ignored, NTFS metadata files ($MFT...) are not listed.
// Thread-safe: walks and lookups are serialised; reads of the files a walk
// listed run in parallel, each on a libfsntfs handle of its own.
#pragma once

#include <cstdint>
#include <memory>

#include "formats/partition_table.hpp"
#include "sources/disk_image.hpp"
#include "sources/volume.hpp"

namespace liftshift {

class NtfsVolume final : public Volume {
 public:
  // Opens the NTFS in partition of image; the error names the image and partition.
  static Result<std::unique_ptr<NtfsVolume>> open(std::shared_ptr<const DiskImage> image,
                                                  const Partition& partition);
  ~NtfsVolume() override;

  [[nodiscard]] std::string describe() const override;
  void walk(const std::function<bool(const FileEntry&)>& visit,
            std::vector<Problem>& problems) const override;
  [[nodiscard]] Result<std::vector<std::uint8_t>> read(const std::string& path,
                                                       std::uint64_t offset,
                                                       std::size_t max_bytes) const override;
  [[nodiscard]] std::optional<FileEntry> find(const std::string& path) const override;

  [[nodiscard]] const DiskImage& image() const;
  [[nodiscard]] const Partition& partition() const;

  static constexpr int kMaxDepth = 64;                     // as DirectoryVolume
  static constexpr std::uint64_t kMaxEntries = 5'000'000;  // entries visited by one walk

  struct Impl;

 private:
  explicit NtfsVolume(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace liftshift
