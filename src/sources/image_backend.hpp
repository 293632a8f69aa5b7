// Internal to disk_image: one backend per image container format. Backends are
// not thread-safe; DiskImage serialises calls to them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "core/result.hpp"

namespace liftshift {

class ImageBackend {
 public:
  virtual ~ImageBackend() = default;
  ImageBackend() = default;
  ImageBackend(const ImageBackend&) = delete;
  ImageBackend& operator=(const ImageBackend&) = delete;

  [[nodiscard]] virtual std::string format() const = 0;
  [[nodiscard]] virtual std::uint64_t size() const = 0;
  // Reads exactly out.size() bytes at offset, which the caller keeps within size().
  virtual Result<std::size_t> read_at(std::uint64_t offset, std::span<std::uint8_t> out) = 0;
};

// Each error message starts with the image file's name.
Result<std::unique_ptr<ImageBackend>> open_raw_image(const std::filesystem::path& path);
Result<std::unique_ptr<ImageBackend>> open_vhdi_image(const std::filesystem::path& path);
Result<std::unique_ptr<ImageBackend>> open_vmdk_image(const std::filesystem::path& path);

// "libvhdi: unable to open file" style text from a libyal error, on one line.
std::string libyal_message(const char* library, const std::string& text);

}  // namespace liftshift
