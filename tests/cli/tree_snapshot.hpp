// A snapshot of a folder tree for "nothing changed" checks: every entry's
// type, size, content hash (files) or target (links), and its modification,
// change and access times, taken with lstat (links are never followed).
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace liftshift::test {

struct EntryState {
  char type = '?';  // 'f' file, 'd' folder, 'l' link, 'o' other
  std::uint64_t size = 0;
  std::uint64_t hash = 0;  // FNV-1a of the bytes (files) or of the target (links)
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::int64_t atime_ns = 0;
  unsigned mode = 0;
};

using TreeSnapshot = std::map<std::string, EntryState>;  // path relative to the root

inline std::int64_t ns(const timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

inline std::uint64_t fnv1a(std::uint64_t h, const unsigned char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}

// Hashes a file without changing its access time (O_NOATIME, as liftshift reads).
inline std::uint64_t hash_file(const std::filesystem::path& path) {
  std::uint64_t h = 1469598103934665603ULL;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME);
  if (fd < 0) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  std::vector<unsigned char> buf(1 << 20);
  ssize_t n;
  while ((n = ::read(fd, buf.data(), buf.size())) > 0) {
    h = fnv1a(h, buf.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  return h;
}

inline EntryState state_of(const std::filesystem::path& path) {
  EntryState e;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return e;
  e.size = static_cast<std::uint64_t>(st.st_size);
  e.mtime_ns = ns(st.st_mtim);
  e.ctime_ns = ns(st.st_ctim);
  e.atime_ns = ns(st.st_atim);
  e.mode = st.st_mode;
  if (S_ISREG(st.st_mode)) {
    e.type = 'f';
    e.hash = hash_file(path);
  } else if (S_ISDIR(st.st_mode)) {
    e.type = 'd';
  } else if (S_ISLNK(st.st_mode)) {
    e.type = 'l';
    std::error_code ec;
    const std::string target = std::filesystem::read_symlink(path, ec).string();
    e.hash = fnv1a(1469598103934665603ULL, reinterpret_cast<const unsigned char*>(target.data()),
                   target.size());
  } else {
    e.type = 'o';
  }
  return e;
}

inline TreeSnapshot snapshot(const std::filesystem::path& root) {
  TreeSnapshot out;
  out[""] = state_of(root);
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(
           root, std::filesystem::directory_options::skip_permission_denied, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    out[std::filesystem::relative(it->path(), root).string()] = state_of(it->path());
  }
  return out;
}

// What differs between two snapshots, one line per entry; what is compared:
// content, size, type, mode, mtime and ctime always; atime of regular files
// when with_atime.
inline std::vector<std::string> changes(const TreeSnapshot& before, const TreeSnapshot& after,
                                        bool with_atime) {
  std::vector<std::string> out;
  for (const auto& [path, b] : before) {
    auto it = after.find(path);
    if (it == after.end()) {
      out.push_back(path + ": removed");
      continue;
    }
    const EntryState& a = it->second;
    if (a.type != b.type || a.size != b.size || a.hash != b.hash) out.push_back(path + ": content");
    if (a.mode != b.mode) out.push_back(path + ": mode");
    if (a.mtime_ns != b.mtime_ns) out.push_back(path + ": mtime");
    if (a.ctime_ns != b.ctime_ns) out.push_back(path + ": ctime");
    if (with_atime && b.type == 'f' && a.atime_ns != b.atime_ns) out.push_back(path + ": atime");
  }
  for (const auto& [path, a] : after) {
    if (!before.count(path)) out.push_back(path + ": added");
  }
  return out;
}

}  // namespace liftshift::test
