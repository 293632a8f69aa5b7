// Fuzzes the disk-image open path: format probe, libvhdi/libvmdk/raw
// backends, partition table, NTFS through libfsntfs, and a bounded walk of
// what the volume lists. The input is served from a memfd so the image code
// opens it by path exactly as it opens a user's file.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sources/open_source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  int fd = ::memfd_create("fuzz-image", MFD_CLOEXEC);
  if (fd < 0) return 0;
  std::size_t written = 0;
  while (written < size) {
    ssize_t n = ::write(fd, data + written, size - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  std::vector<liftshift::Problem> problems;
  auto opened = liftshift::open_source(path, std::nullopt, problems);
  if (opened && opened->volume) {
    int budget = 2000;
    std::vector<liftshift::Problem> walk_problems;
    opened->volume->walk(
        [&](const liftshift::FileEntry& entry) {
          if (!entry.is_dir && budget % 16 == 0) (void)opened->volume->read(entry.path, 0, 4096);
          return --budget > 0;
        },
        walk_problems);
    (void)opened->volume->find(liftshift::kSystemHivePath);
  }
  ::close(fd);
  return 0;
}
