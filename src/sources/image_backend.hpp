// Internal to disk_image: one backend per image container format. Backends are
// not thread-safe; DiskImage serialises calls to them.
#pragma once

#include <sys/types.h>

#include <array>
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
  // The container's own identifier ("vhdx:GUID"), "" when it has none.
  [[nodiscard]] virtual std::string identifier() const { return {}; }
};

// Each error message starts with the image file's name.
Result<std::unique_ptr<ImageBackend>> open_raw_image(const std::filesystem::path& path);
Result<std::unique_ptr<ImageBackend>> open_vhdi_image(const std::filesystem::path& path);
Result<std::unique_ptr<ImageBackend>> open_vmdk_image(const std::filesystem::path& path);

// "libvhdi: unable to open file" style text from a libyal error, on one line.
std::string libyal_message(const char* library, const std::string& text);

// Turns a libyal library's error (libvhdi_error_t, libvmdk_error_t...) into
// text with its sprint function, then frees it with its free function.
template <typename ErrorT, typename SprintFn, typename FreeFn>
std::string take_libyal_error(const char* library, ErrorT*& error, SprintFn sprint, FreeFn free) {
  std::array<char, 2048> buf{};
  std::string text;
  if (error != nullptr && sprint(error, buf.data(), buf.size()) > 0) text = buf.data();
  free(&error);
  return libyal_message(library, text);
}

// Fills out from a libyal read_buffer_at_offset call, read(data, size, offset,
// &error), until it is full or the virtual disk ends; take turns the error to text.
template <typename ErrorT, typename ReadFn, typename TakeFn>
Result<std::size_t> read_libyal(const std::string& name, std::uint64_t offset,
                                std::span<std::uint8_t> out, ReadFn read, TakeFn take) {
  ErrorT* error = nullptr;
  std::size_t done = 0;
  while (done < out.size()) {
    auto n =
        read(out.data() + done, out.size() - done, static_cast<off64_t>(offset + done), &error);
    if (n < 0) {
      return make_error(name + ": cannot read the virtual disk at byte " +
                        std::to_string(offset + done) + ": " + take(error));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return done;
}

}  // namespace liftshift
