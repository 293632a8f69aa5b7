// VMDK images through libvmdk: a descriptor file with its extent files beside
// it, or one sparse file with the descriptor embedded. Extent paths come from
// the image, so they are checked: none may leave the descriptor's folder.
#include <fmt/format.h>
#include <libvmdk.h>

#include <array>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/text.hpp"
#include "sources/image_backend.hpp"

namespace liftshift {

namespace fs = std::filesystem;

namespace {

std::string take(libvmdk_error_t*& error) {
  return take_libyal_error("libvmdk", error, libvmdk_error_sprint, libvmdk_error_free);
}

class VmdkImage final : public ImageBackend {
 public:
  VmdkImage(std::string name, libvmdk_handle_t* handle, libbfio_pool_t* pool, std::string format,
            std::uint64_t size)
      : name_(std::move(name)),
        handle_(handle),
        pool_(pool),
        format_(std::move(format)),
        size_(size) {}
  ~VmdkImage() override {
    libvmdk_handle_close(handle_, nullptr);
    libvmdk_handle_free(&handle_, nullptr);
    if (pool_ != nullptr) libbfio_pool_free(&pool_, nullptr);
  }

  [[nodiscard]] std::string format() const override { return format_; }
  [[nodiscard]] std::uint64_t size() const override { return size_; }

  Result<std::size_t> read_at(std::uint64_t offset, std::span<std::uint8_t> out) override {
    auto read = [this](std::uint8_t* data, std::size_t size, off64_t at, libvmdk_error_t** error) {
      return libvmdk_handle_read_buffer_at_offset(handle_, data, size, at, error);
    };
    return read_libyal<libvmdk_error_t>(name_, offset, out, read, take);
  }

  // The descriptor's CID, which VMware changes when the disk's content changes.
  [[nodiscard]] std::string identifier() const override {
    std::uint32_t cid = 0;
    libvmdk_error_t* error = nullptr;
    if (libvmdk_handle_get_content_identifier(handle_, &cid, &error) != 1) {
      if (error != nullptr) libvmdk_error_free(&error);
      return {};
    }
    if (cid == 0 || cid == 0xffffffffU) return {};  // unset ("ffffffff" is "no content id")
    return fmt::format("vmdk-cid:{:08x}", cid);
  }

 private:
  std::string name_;
  libvmdk_handle_t* handle_;
  libbfio_pool_t* pool_;  // the extent files, when we opened them ourselves
  std::string format_;
  std::uint64_t size_;
};

// True when an extent file name, taken relative to dir, would lie outside it
// (absolute, "..", or a symbolic link out).
bool escapes(const fs::path& dir, const std::string& name) {
  fs::path p(name);
  if (name.empty() || p.is_absolute() || p.has_root_name()) return true;
  fs::path norm = p.lexically_normal();
  if (norm.empty() || *norm.begin() == "..") return true;
  std::error_code ec;
  fs::path base = fs::weakly_canonical(dir, ec);
  if (ec) return true;
  fs::path target = fs::weakly_canonical(dir / norm, ec);
  if (ec) return true;
  fs::path rel = target.lexically_relative(base);
  return rel.empty() || *rel.begin() == "..";
}

std::string disk_type_name(int type) {
  switch (type) {
    case LIBVMDK_DISK_TYPE_MONOLITHIC_SPARSE:
      return "monolithicSparse";
    case LIBVMDK_DISK_TYPE_MONOLITHIC_FLAT:
      return "monolithicFlat";
    case LIBVMDK_DISK_TYPE_2GB_EXTENT_SPARSE:
      return "twoGbMaxExtentSparse";
    case LIBVMDK_DISK_TYPE_2GB_EXTENT_FLAT:
      return "twoGbMaxExtentFlat";
    case LIBVMDK_DISK_TYPE_STREAM_OPTIMIZED:
      return "streamOptimized";
    case LIBVMDK_DISK_TYPE_VMFS_FLAT:
      return "vmfs";
    case LIBVMDK_DISK_TYPE_VMFS_SPARSE:
      return "vmfsSparse";
    default:
      return "type " + std::to_string(type);
  }
}

// A sparse VMDK whose descriptor is embedded ("KDMV") is its own single
// extent, whatever name its descriptor remembers (the file may have been
// renamed since): libvmdk is handed the file itself.
bool is_embedded_sparse(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 4> magic{};
  in.read(magic.data(), magic.size());
  return in.gcount() == 4 && std::memcmp(magic.data(), "KDMV", 4) == 0;
}

libbfio_pool_t* pool_of_self(const fs::path& path) {
  libbfio_error_t* error = nullptr;
  libbfio_pool_t* pool = nullptr;
  libbfio_handle_t* file = nullptr;
  int entry = 0;
  std::string text = path.string();
  bool ok = libbfio_pool_initialize(&pool, 0, LIBBFIO_POOL_UNLIMITED_NUMBER_OF_OPEN_HANDLES,
                                    &error) == 1 &&
            libbfio_file_initialize(&file, &error) == 1 &&
            libbfio_file_set_name(file, text.c_str(), text.size(), &error) == 1 &&
            libbfio_pool_append_handle(pool, &entry, file, LIBBFIO_OPEN_READ, &error) == 1;
  if (error != nullptr) libbfio_error_free(&error);
  if (!ok) {
    // Once appended the pool owns the file handle; append is the last step.
    if (file != nullptr) libbfio_handle_free(&file, nullptr);
    if (pool != nullptr) libbfio_pool_free(&pool, nullptr);
    return nullptr;
  }
  return pool;
}

}  // namespace

Result<std::unique_ptr<ImageBackend>> open_vmdk_image(const fs::path& path) {
  std::string name = printable(path.filename().string());
  libvmdk_error_t* error = nullptr;
  libvmdk_handle_t* handle = nullptr;
  if (libvmdk_handle_initialize(&handle, &error) != 1) return make_error(name + ": " + take(error));
  bool opened = false;
  auto fail = [&](const std::string& what) -> Error {
    std::string text = name + ": " + what + (error != nullptr ? ": " + take(error) : "");
    if (opened) libvmdk_handle_close(handle, nullptr);
    libvmdk_handle_free(&handle, nullptr);
    return make_error(text);
  };
  if (libvmdk_handle_open(handle, path.c_str(), LIBVMDK_OPEN_READ, &error) != 1) {
    return fail("not a readable VMDK descriptor");
  }
  opened = true;
  size_t parent_size = 0;
  if (libvmdk_handle_get_utf8_parent_filename_size(handle, &parent_size, &error) == 1 &&
      parent_size > 1) {
    return fail(
        "a VMDK snapshot (it holds only the changes to a parent disk): give the parent or a "
        "consolidated image");
  }
  if (error != nullptr) libvmdk_error_free(&error);
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  int extents = 0;
  if (libvmdk_handle_get_number_of_extents(handle, &extents, &error) != 1) {
    return fail("cannot list the extents");
  }
  if (extents <= 0) return fail("the descriptor lists no extent");
  libbfio_pool_t* pool = nullptr;
  if (extents == 1 && is_embedded_sparse(path)) {
    pool = pool_of_self(path);
    if (pool == nullptr) return fail("cannot open the image file");
    if (libvmdk_handle_open_extent_data_files_file_io_pool(handle, pool, &error) != 1) {
      libbfio_pool_free(&pool, nullptr);
      return fail("cannot read the sparse extent");
    }
  }
  for (int i = 0; pool == nullptr && i < extents; ++i) {
    libvmdk_extent_descriptor_t* extent = nullptr;
    if (libvmdk_handle_get_extent_descriptor(handle, i, &extent, &error) != 1) {
      return fail("cannot read extent " + std::to_string(i + 1));
    }
    std::size_t size = 0;
    std::string file;
    if (libvmdk_extent_descriptor_get_utf8_filename_size(extent, &size, &error) == 1 && size > 0 &&
        size < 65536) {
      std::vector<std::uint8_t> buf(size);
      if (libvmdk_extent_descriptor_get_utf8_filename(extent, buf.data(), buf.size(), &error) ==
          1) {
        file.assign(reinterpret_cast<const char*>(buf.data()), size - 1);
      }
    }
    libvmdk_extent_descriptor_free(&extent, nullptr);
    if (error != nullptr)
      return fail("cannot read the file name of extent " + std::to_string(i + 1));
    if (escapes(dir, file)) {
      return fail("extent file \"" + printable(file) +
                  "\" lies outside the descriptor's folder: refused");
    }
  }
  std::string dir_text = dir.string();
  if (pool == nullptr && (libvmdk_handle_set_extent_data_files_path(handle, dir_text.c_str(),
                                                                    dir_text.size(), &error) != 1 ||
                          libvmdk_handle_open_extent_data_files(handle, &error) != 1)) {
    return fail("cannot open the extent files");
  }
  int disk_type = 0;
  size64_t media_size = 0;
  if (libvmdk_handle_get_disk_type(handle, &disk_type, &error) != 1 ||
      libvmdk_handle_get_media_size(handle, &media_size, &error) != 1) {
    std::string why = name + ": cannot read the disk geometry: " + take(error);
    libvmdk_handle_close(handle, nullptr);
    libvmdk_handle_free(&handle, nullptr);
    if (pool != nullptr) libbfio_pool_free(&pool, nullptr);
    return make_error(why);
  }
  return std::unique_ptr<ImageBackend>(
      new VmdkImage(name, handle, pool, "VMDK (" + disk_type_name(disk_type) + ")", media_size));
}

}  // namespace liftshift
