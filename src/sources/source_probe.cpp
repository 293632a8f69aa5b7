#include "sources/source_probe.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "sources/directory_volume.hpp"

namespace liftshift {

namespace fs = std::filesystem;

namespace {

bool has_at(const std::array<char, 1024>& buf, std::size_t n, std::size_t offset,
            std::string_view magic) {
  return n >= offset + magic.size() &&
         std::memcmp(buf.data() + offset, magic.data(), magic.size()) == 0;
}

// Reads at most buf.size() bytes at offset. The file is opened with O_NOATIME
// where allowed, as every read of a source is: probing leaves even its
// access time as it was.
std::size_t read_at(const fs::path& path, std::uint64_t offset, std::array<char, 1024>& buf,
                    std::size_t want) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME | O_NONBLOCK);
  if (fd < 0 && errno == EPERM) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return 0;
  std::size_t done = 0;
  while (done < want) {
    const ssize_t n =
        ::pread(fd, buf.data() + done, want - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return done;
}

// The first segment of a split raw image (disk.001 or disk.raw.001, with
// disk.002 beside it), as dd | split, FTK Imager and others write them.
bool is_split_segment(const fs::path& path) {
  std::string name = path.filename().string();
  if (name.size() < 5 || name.compare(name.size() - 4, 4, ".001") != 0) return false;
  std::error_code ec;
  return fs::exists(path.parent_path() / (name.substr(0, name.size() - 4) + ".002"), ec);
}

std::string disk_format(const fs::path& path, std::uint64_t size) {
  std::array<char, 1024> head{};
  const std::size_t n = read_at(path, 0, head, head.size());
  if (n == 0) return {};
  if (has_at(head, n, 0, "vhdxfile")) return "VHDX";
  if (has_at(head, n, 0, "KDMV") || has_at(head, n, 0, "# Disk DescriptorFile")) return "VMDK";
  if (has_at(head, n, 0, "conectix")) return "VHD";
  if (has_at(head, n, 0, "QFI\xfb")) return "QCOW2";
  if (has_at(head, n, 0, std::string_view("EVF\x09\x0d\x0a\xff\x00", 8))) return "EWF";
  if (has_at(head, n, 0, std::string_view("EVF2\x0d\x0a\x81\x00", 8))) return "EWF";
  if (has_at(head, n, 0, std::string_view("LVF\x09\x0d\x0a\xff\x00", 8))) return "EWF (logical)";
  if (is_split_segment(path)) return "split raw";
  if (size >= 512) {
    std::array<char, 1024> tail{};
    if (read_at(path, size - 512, tail, 512) == 512 && has_at(tail, 512, 0, "conectix"))
      return "VHD";
  }
  if (has_at(head, n, 512, "EFI PART")) return "raw (GPT)";
  if (has_at(head, n, 3, "NTFS    ")) return "NTFS volume";
  if (n >= 512 && static_cast<unsigned char>(head[510]) == 0x55 &&
      static_cast<unsigned char>(head[511]) == 0xAA) {
    return "raw (MBR)";
  }
  return {};
}

}  // namespace

std::string disk_image_format(const fs::path& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  return disk_format(path, ec ? 0 : size);
}

ProbeResult probe_source(const fs::path& path) {
  ProbeResult r;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    r.error = "no such file or folder";
    return r;
  }
  r.exists = true;
  if (fs::is_directory(status)) {
    r.is_directory = true;
    DirectoryVolume volume(path);
    if (volume.find("Windows/System32/config/SYSTEM")) {
      r.kind = SourceKind::kSystemDrive;
      r.format = "Windows system drive";
    }
    return r;
  }
  if (!fs::is_regular_file(status)) {
    r.error = "neither a folder nor a regular file";
    return r;
  }
  std::ifstream test(path, std::ios::binary);
  if (!test) {
    r.error = "cannot be opened for reading";
    return r;
  }
  r.format = disk_image_format(path);
  if (!r.format.empty()) {
    r.kind = SourceKind::kDiskImage;
  } else {
    r.error = "a single file that is not a disk image: give the folder that holds the application";
  }
  return r;
}

}  // namespace liftshift
