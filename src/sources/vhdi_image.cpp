// VHD (fixed, dynamic) and VHDX images through libvhdi.
#include <libvhdi.h>

#include <array>

#include "core/text.hpp"
#include "sources/image_backend.hpp"

namespace liftshift {

namespace {

// Takes ownership of a libvhdi error and turns it into text.
std::string take(libvhdi_error_t*& error) {
  return take_libyal_error("libvhdi", error, libvhdi_error_sprint, libvhdi_error_free);
}

// "01234567-89ab-cdef-0123-456789abcdef" from a big-endian GUID, "" when all zero.
std::string guid_text(const std::array<std::uint8_t, 16>& guid) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  bool zero = true;
  for (std::size_t i = 0; i < guid.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kDigits[guid[i] >> 4];
    out += kDigits[guid[i] & 15];
    zero = zero && guid[i] == 0;
  }
  return zero ? std::string() : out;
}

class VhdiImage final : public ImageBackend {
 public:
  VhdiImage(std::string name, libvhdi_file_t* file, std::string format, std::uint64_t size)
      : name_(std::move(name)), file_(file), format_(std::move(format)), size_(size) {}
  ~VhdiImage() override {
    libvhdi_file_close(file_, nullptr);
    libvhdi_file_free(&file_, nullptr);
  }

  [[nodiscard]] std::string format() const override { return format_; }
  [[nodiscard]] std::uint64_t size() const override { return size_; }

  Result<std::size_t> read_at(std::uint64_t offset, std::span<std::uint8_t> out) override {
    auto read = [this](std::uint8_t* data, std::size_t size, off64_t at, libvhdi_error_t** error) {
      return libvhdi_file_read_buffer_at_offset(file_, data, size, at, error);
    };
    return read_libyal<libvhdi_error_t>(name_, offset, out, read, take);
  }

  // VHD: the footer's unique id; VHDX: the data write identifier (libvhdi's
  // choice), which changes when the virtual disk's data changes.
  [[nodiscard]] std::string identifier() const override {
    std::array<std::uint8_t, 16> guid{};
    libvhdi_error_t* error = nullptr;
    if (libvhdi_file_get_identifier(file_, guid.data(), guid.size(), &error) != 1) {
      if (error != nullptr) libvhdi_error_free(&error);
      return {};
    }
    std::string text = guid_text(guid);
    if (text.empty()) return {};
    return (format_.starts_with("VHDX") ? "vhdx:" : "vhd:") + text;
  }

 private:
  std::string name_;
  libvhdi_file_t* file_;
  std::string format_;
  std::uint64_t size_;
};

}  // namespace

Result<std::unique_ptr<ImageBackend>> open_vhdi_image(const std::filesystem::path& path) {
  std::string name = printable(path.filename().string());
  libvhdi_error_t* error = nullptr;
  libvhdi_file_t* file = nullptr;
  if (libvhdi_file_initialize(&file, &error) != 1) return make_error(name + ": " + take(error));
  auto fail = [&](const std::string& what) -> Error {
    std::string text = name + ": " + what + (error != nullptr ? ": " + take(error) : "");
    libvhdi_file_close(file, nullptr);
    libvhdi_file_free(&file, nullptr);
    return make_error(text);
  };
  if (libvhdi_file_open(file, path.c_str(), LIBVHDI_OPEN_READ, &error) != 1) {
    libvhdi_file_free(&file, nullptr);
    return make_error(name + ": not a readable VHD/VHDX image: " + take(error));
  }
  int file_type = 0;
  std::uint32_t disk_type = 0;
  size64_t media_size = 0;
  if (libvhdi_file_get_file_type(file, &file_type, &error) != 1 ||
      libvhdi_file_get_disk_type(file, &disk_type, &error) != 1 ||
      libvhdi_file_get_media_size(file, &media_size, &error) != 1) {
    return fail("cannot read the image header");
  }
  std::string format = file_type == LIBVHDI_FILE_TYPE_VHDX ? "VHDX" : "VHD";
  if (disk_type == LIBVHDI_DISK_TYPE_DIFFERENTIAL) {
    return fail("a differencing " + format +
                " (it holds only the changes to a parent disk): give the merged or parent image");
  }
  format += disk_type == LIBVHDI_DISK_TYPE_FIXED ? " (fixed)" : " (dynamic)";
  return std::unique_ptr<ImageBackend>(new VhdiImage(name, file, format, media_size));
}

}  // namespace liftshift
