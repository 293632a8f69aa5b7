// Random access to the virtual disk inside an image file: raw/dd, VHD (fixed
// and dynamic) and VHDX through libvhdi, VMDK (descriptor + extents, or one
// sparse file) through libvmdk. The format is told by magic bytes, never by
// extension. Read-only: the image is opened for reading and nothing is ever
// written, mounted or copied. Every read is bounded and counted.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

// What was read from the image so far (virtual disk bytes fetched from the
// image file; a read served by the block cache is not counted), for benchmarks.
struct ImageReadStats {
  std::atomic<std::uint64_t> bytes{0};
  std::atomic<std::uint64_t> reads{0};
};

class ImageBackend;
class BlockCache;

class DiskImage {
 public:
  // Opens an image file; the error names the file and says why it cannot be read.
  static Result<std::unique_ptr<DiskImage>> open(const std::filesystem::path& path);
  ~DiskImage();
  DiskImage(const DiskImage&) = delete;
  DiskImage& operator=(const DiskImage&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // "raw", "VHD (fixed)", "VHD (dynamic)", "VHDX (dynamic)", "VMDK (monolithicSparse)"...
  [[nodiscard]] const std::string& format() const { return format_; }
  // Size of the virtual disk in bytes.
  [[nodiscard]] std::uint64_t size() const { return size_; }

  // Fills out from offset; fewer bytes only at the end of the disk. Thread-safe.
  // Small reads are served from a cache of recently read blocks (block_cache.hpp).
  Result<std::size_t> read_into(std::uint64_t offset, std::span<std::uint8_t> out) const;
  // Reads at most min(n, kMaxRead) bytes at offset.
  [[nodiscard]] Result<std::vector<std::uint8_t>> read(std::uint64_t offset, std::size_t n) const;

  [[nodiscard]] std::shared_ptr<const ImageReadStats> stats() const { return stats_; }

  // The image's own identity, stable while the disk is unchanged: the VHD
  // footer's unique id ("vhd:GUID"), the VHDX data write identifier
  // ("vhdx:GUID"), the VMDK content id ("vmdk-cid:8 hex digits"); for raw
  // images and when the container has none, a SHA-256 of the first MiB of the
  // virtual disk plus its size ("sha256-1mib:HEX:SIZE"). Not counted in stats().
  [[nodiscard]] std::string identifier() const;

  // The message of the last failed read (for libraries that swallow it), then cleared.
  [[nodiscard]] std::string take_last_error() const;

  static constexpr std::size_t kMaxRead = std::size_t{64} << 20;

 private:
  DiskImage(std::filesystem::path path, std::unique_ptr<ImageBackend> backend);

  std::filesystem::path path_;
  std::unique_ptr<ImageBackend> backend_;
  std::unique_ptr<BlockCache> cache_;  // over backend_, under mutex_
  std::string format_;
  std::uint64_t size_ = 0;
  std::shared_ptr<ImageReadStats> stats_;
  mutable std::mutex mutex_;
  mutable std::string last_error_;
};

}  // namespace liftshift
