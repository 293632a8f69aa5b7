#include "sources/disk_image.hpp"

#include <algorithm>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "sources/block_cache.hpp"
#include "sources/image_backend.hpp"
#include "sources/source_probe.hpp"

namespace liftshift {

namespace fs = std::filesystem;

std::string libyal_message(const char* library, const std::string& text) {
  std::string one_line;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      if (!one_line.empty() && one_line.back() != ' ') one_line += "; ";
    } else {
      one_line += c;
    }
  }
  while (!one_line.empty() && (one_line.back() == ' ' || one_line.back() == ';')) {
    one_line.pop_back();
  }
  if (one_line.empty()) one_line = "unknown error";
  return std::string(library) + ": " + printable(one_line);
}

DiskImage::DiskImage(fs::path path, std::unique_ptr<ImageBackend> backend)
    : path_(std::move(path)),
      backend_(std::move(backend)),
      format_(backend_->format()),
      size_(backend_->size()),
      stats_(std::make_shared<ImageReadStats>()) {
  cache_ = std::make_unique<BlockCache>(
      size_, [this](std::uint64_t offset, std::span<std::uint8_t> out) -> Result<std::size_t> {
        auto r = backend_->read_at(offset, out);
        if (r) {
          stats_->bytes += *r;
          stats_->reads += 1;
        }
        return r;
      });
}

DiskImage::~DiskImage() = default;

Result<std::unique_ptr<DiskImage>> DiskImage::open(const fs::path& path) {
  std::string name = printable(path.filename().string());
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return make_error(name + ": no such file");
  if (!fs::is_regular_file(status)) return make_error(name + ": not a regular file");
  std::string magic = disk_image_format(path);
  Result<std::unique_ptr<ImageBackend>> backend = make_error("");
  if (magic == "VHD" || magic == "VHDX") {
    backend = open_vhdi_image(path);
  } else if (magic == "VMDK") {
    backend = open_vmdk_image(path);
  } else if (magic == "raw (MBR)" || magic == "raw (GPT)" || magic == "NTFS volume") {
    backend = open_raw_image(path);
  } else if (magic == "QCOW2") {
    return make_error(name + ": QCOW2 images are not read; convert with qemu-img convert -O vhdx");
  } else if (magic == "EWF" || magic == "EWF (logical)") {
    return make_error(name + ": " +
                      (magic == "EWF" ? "EWF (E01) forensic images are not read; convert to raw "
                                        "with ewfexport -f raw (ewf-tools), or mount it with "
                                        "ewfmount and give the raw image it shows"
                                      : "EWF logical evidence files (L01) hold files, not a "
                                        "disk; export the files and give their folder"));
  } else if (magic == "split raw") {
    std::string base = name.substr(0, name.size() - 4);
    return make_error(name + ": a split raw image (" + base + ".001, " + base +
                      ".002, ...) is not read segment by segment; join the segments first (cat " +
                      base + ".0?? > " + base + ".img) and give the joined image");
  } else {
    return make_error(name + ": not a disk image (no VHD, VHDX, VMDK, MBR, GPT or NTFS signature)");
  }
  if (!backend) return backend.error();
  if ((*backend)->size() == 0) return make_error(name + ": the virtual disk is empty");
  return std::unique_ptr<DiskImage>(new DiskImage(path, std::move(backend).value()));
}

Result<std::size_t> DiskImage::read_into(std::uint64_t offset, std::span<std::uint8_t> out) const {
  if (offset >= size_ || out.empty()) return std::size_t{0};
  std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), size_ - offset));
  std::lock_guard lock(mutex_);
  auto r = cache_->read(offset, out.first(n));
  if (!r) last_error_ = r.error().message;
  return r;
}

Result<std::vector<std::uint8_t>> DiskImage::read(std::uint64_t offset, std::size_t n) const {
  std::vector<std::uint8_t> out(std::min(n, kMaxRead));
  auto r = read_into(offset, out);
  if (!r) return r.error();
  out.resize(*r);
  return out;
}

std::string DiskImage::identifier() const {
  std::string own = backend_->identifier();
  if (!own.empty()) return own;
  // Read straight from the backend so the identity does not count as assessment reads.
  constexpr std::uint64_t kHashedBytes = std::uint64_t{1} << 20;
  std::string head(static_cast<std::size_t>(std::min(size_, kHashedBytes)), '\0');
  std::lock_guard lock(mutex_);
  auto r = backend_->read_at(
      0, std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(head.data()), head.size()));
  if (!r) return {};
  head.resize(*r);
  return "sha256-1mib:" + sha256_hex(head) + ":" + std::to_string(size_);
}

std::string DiskImage::take_last_error() const {
  std::lock_guard lock(mutex_);
  return std::exchange(last_error_, std::string());
}

}  // namespace liftshift
