// Helpers shared by the disk image tests: where the images are (built by
// tests/fixtures/images/build.sh), walking a volume to a sorted list, and a
// file's fingerprint for "the image was not changed" checks.
#pragma once

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sources/volume.hpp"
#include "test_support.hpp"

namespace liftshift::test {

inline std::filesystem::path images() { return fixtures() / "images"; }
inline std::filesystem::path hostile() { return images() / "hostile"; }
inline std::filesystem::path drive() { return images() / "drive"; }

// The same disk in every container format make_images.sh writes.
inline const std::vector<std::string>& server_images() {
  static const std::vector<std::string> names{
      "server.raw",     "server.vhd",       "server-fixed.vhd",  "server.vhdx",
      "server.vmdk",    "server-desc.vmdk", "server-gpt.raw",    "server-gpt.vhdx",
      "server-two.raw", "server-two.vmdk",  "server-volume.ntfs"};
  return names;
}

// "path" for files, "path/" for folders, sorted.
inline std::vector<std::string> walk_sorted(const Volume& v, std::vector<Problem>& problems) {
  std::vector<std::string> out;
  v.walk(
      [&](const FileEntry& e) {
        out.push_back(e.path + (e.is_dir ? "/" : ""));
        return true;
      },
      problems);
  std::sort(out.begin(), out.end());
  return out;
}

// FNV-1a of the whole file plus its modification time: equal before and after
// means the file was neither written nor touched.
struct Fingerprint {
  std::uint64_t hash = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t size = 0;
  bool operator==(const Fingerprint&) const = default;
};

inline Fingerprint fingerprint(const std::filesystem::path& path) {
  Fingerprint f;
  f.hash = 1469598103934665603ULL;
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      f.hash = (f.hash ^ static_cast<unsigned char>(buf[static_cast<std::size_t>(i)])) *
               1099511628211ULL;
      ++f.size;
    }
  }
  struct stat st {};
  ::stat(path.c_str(), &st);
  f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return f;
}

}  // namespace liftshift::test
