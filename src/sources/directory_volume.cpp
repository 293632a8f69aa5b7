#include "sources/directory_volume.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/run_stats.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace fs = std::filesystem;

namespace {

std::string rel_string(const fs::path& rel) { return rel.generic_string(); }

// Lists one folder; folders are walked iteratively (explicit stack) so a deep
// tree cannot exhaust the call stack.
struct PendingDir {
  fs::path rel;
  int depth;
};

int open_at(int dir_fd, const char* name, int flags) {
  int fd = ::openat(dir_fd, name, flags | O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOATIME);
  if (fd < 0 && errno == EPERM)
    fd = ::openat(dir_fd, name, flags | O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  return fd;
}

// Opens root/rel one component at a time, refusing symbolic links anywhere in
// the path (O_NOFOLLOW alone checks only the last component) and "..".
int open_beneath(const fs::path& root, const std::string& rel) {
  int fd = ::open(root.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY);
  if (fd < 0) return -1;
  auto parts = split(rel, '/');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    bool last = i + 1 == parts.size();
    if (part.empty() || part == "." || part == "..") {
      ::close(fd);
      errno = EACCES;
      return -1;
    }
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
    // forever; read() refuses anything but a regular file once it is open.
    int next = open_at(fd, part.c_str(), last ? O_NONBLOCK : O_DIRECTORY);
    int err = errno;
    ::close(fd);
    if (next < 0) {
      errno = err;
      return -1;
    }
    fd = next;
  }
  return fd;
}

// What a file that is neither a folder, a regular file nor a link is.
const char* special_kind(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::character:
      return "a character device";
    default:
      return "an unknown kind of file";
  }
}

}  // namespace

DirectoryVolume::DirectoryVolume(fs::path root) : root_(std::move(root)) {}

std::string DirectoryVolume::describe() const { return "folder " + root_.string(); }

void DirectoryVolume::walk(const std::function<bool(const FileEntry&)>& visit,
                           std::vector<Problem>& problems) const {
  std::vector<PendingDir> stack{{fs::path(), 0}};
  while (!stack.empty()) {
    PendingDir dir = std::move(stack.back());
    stack.pop_back();
    std::error_code ec;
    fs::directory_iterator it(root_ / dir.rel, fs::directory_options::none, ec);
    if (ec) {
      problems.push_back({printable(rel_string(dir.rel)), "cannot list folder: " + ec.message()});
      continue;
    }
    std::vector<PendingDir> children;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        problems.push_back({printable(rel_string(dir.rel)), "listing stopped: " + ec.message()});
        break;
      }
      fs::path rel = dir.rel / it->path().filename();
      std::error_code sec;
      auto status = it->symlink_status(sec);
      if (sec) {
        problems.push_back(
            {printable(rel_string(rel)), "cannot read file status: " + sec.message()});
        continue;
      }
      if (fs::is_symlink(status)) {
        std::error_code lec;
        auto target = fs::read_symlink(it->path(), lec);
        problems.push_back({printable(rel_string(rel)),
                            "symbolic link not followed (points to " +
                                printable(lec ? std::string("?") : target.string()) + ")"});
        continue;
      }
      if (fs::is_directory(status)) {
        if (!visit(FileEntry{rel_string(rel), 0, true})) continue;
        if (dir.depth + 1 >= kMaxDepth) {
          problems.push_back({printable(rel_string(rel)), "folder nesting deeper than " +
                                                              std::to_string(kMaxDepth) +
                                                              " levels: not walked further"});
        } else {
          children.push_back({rel, dir.depth + 1});
        }
      } else if (fs::is_regular_file(status)) {
        std::error_code zec;
        auto size = it->file_size(zec);
        visit(FileEntry{rel_string(rel), zec ? 0 : size, false});
      } else {
        problems.push_back({printable(rel_string(rel)), std::string("not a regular file (") +
                                                            special_kind(status) + "): not read"});
      }
    }
    // Reverse so that children are walked in listing order.
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
}

Result<std::vector<std::uint8_t>> DirectoryVolume::read(const std::string& path,
                                                        std::uint64_t offset,
                                                        std::size_t max_bytes) const {
  int fd = open_beneath(root_, path);
  if (fd < 0) return make_error(printable(path) + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return make_error(printable(path) + ": not a regular file");
  }
  std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  std::vector<std::uint8_t> out;
  if (offset < size) {
    std::uint64_t want = std::min<std::uint64_t>(size - offset, max_bytes);
    out.resize(static_cast<std::size_t>(want));
    std::size_t done = 0;
    while (done < out.size()) {
      ssize_t n =
          ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        int err = errno;
        ::close(fd);
        return make_error(printable(path) + ": read failed: " + std::strerror(err));
      }
      if (n == 0) break;
      done += static_cast<std::size_t>(n);
    }
    out.resize(done);
  }
  ::close(fd);
  count_file_read(out.size());
  return out;
}

std::optional<FileEntry> DirectoryVolume::find(const std::string& path) const {
  fs::path current;
  for (const auto& part : split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") return std::nullopt;  // never leave the volume
    std::error_code ec;
    bool found = false;
    for (fs::directory_iterator it(root_ / current, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (iequals(name, part)) {
        std::error_code sec;
        if (it->is_symlink(sec)) return std::nullopt;
        current /= name;
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;
  }
  std::error_code ec;
  auto status = fs::symlink_status(root_ / current, ec);
  if (ec) return std::nullopt;
  FileEntry entry{rel_string(current), 0, fs::is_directory(status)};
  if (fs::is_regular_file(status)) entry.size = fs::file_size(root_ / current, ec);
  return entry;
}

}  // namespace liftshift
