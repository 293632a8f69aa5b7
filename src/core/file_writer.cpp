#include "core/file_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "core/text.hpp"

namespace liftshift {

namespace {

// An open descriptor, closed when it goes.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

std::string err_text(int e = errno) { return std::strerror(e); }

// Opens (creating when asked) the folder name inside parent, refusing links.
// Not ok with an empty error: the folder does not exist (and create is false).
Fd open_dir(int parent, const std::string& name, bool create, std::string& error) {
  if (create && ::mkdirat(parent, name.c_str(), 0755) != 0 && errno != EEXIST) {
    error = name + ": cannot create folder: " + err_text();
    return Fd();
  }
  int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP || errno == ENOTDIR) {
      error = name + ": is a symbolic link or not a folder; refusing to write through it";
    } else if (errno != ENOENT || create) {
      error = name + ": " + err_text();
    }
  }
  return Fd(fd);
}

// The file as it is now: a link or something else than a regular file is
// refused, and an existing file without overwrite.
std::string check_existing(int folder, const std::string& name, bool overwrite) {
  struct stat st {};
  if (::fstatat(folder, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return "";
  if (S_ISLNK(st.st_mode)) return "is a symbolic link; refusing to write through it";
  if (!S_ISREG(st.st_mode)) return "exists and is not a regular file";
  if (!overwrite) return "exists; use --force to overwrite";
  return "";
}

std::string temp_name(const std::string& name) {
  static std::mt19937_64 rng{std::random_device{}()};
  return "." + name + ".tmp-" + std::to_string(rng());
}

bool write_all(int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Writes name inside the open folder: temporary file, fsync, close, then
// rename (overwrite) or link (the name must still be free). An error text, or
// "" when the file is in place.
std::string write_in(int folder, const std::string& name, std::string_view content,
                     const WriteOptions& options) {
  std::string tmp = temp_name(name);
  int fd = ::openat(folder, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    static_cast<mode_t>(options.mode));
  if (fd < 0) return "cannot create a temporary file: " + err_text();
  bool ok = write_all(fd, content);
  ok = ok && ::fsync(fd) == 0;
  int saved = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    ::unlinkat(folder, tmp.c_str(), 0);
    return "cannot write: " + err_text(saved);
  }
  // Checked again just before the file goes in place: a link that appeared
  // since the first check is still refused.
  std::string existing = check_existing(folder, name, options.overwrite);
  if (!existing.empty()) {
    ::unlinkat(folder, tmp.c_str(), 0);
    return existing;
  }
  if (options.overwrite) {
    if (::renameat(folder, tmp.c_str(), folder, name.c_str()) != 0) {
      saved = errno;
      ::unlinkat(folder, tmp.c_str(), 0);
      return "cannot rename into place: " + err_text(saved);
    }
  } else {
    // A hard link puts the file in place only if the name is still free.
    int rc = ::linkat(folder, tmp.c_str(), folder, name.c_str(), 0);
    saved = errno;
    ::unlinkat(folder, tmp.c_str(), 0);
    if (rc != 0) {
      return saved == EEXIST ? "exists; use --force to overwrite"
                             : "cannot write: " + err_text(saved);
    }
  }
  // The new name is durable once the folder is; not every file system can
  // sync a folder, so a failure here is not the file's.
  ::fsync(folder);
  return "";
}

}  // namespace

std::vector<std::string> plain_path_parts(std::string_view relative) {
  std::vector<std::string> out;
  if (relative.empty() || relative.front() == '/' || relative.find('\\') != std::string::npos ||
      relative.find('\0') != std::string::npos) {
    return {};
  }
  for (auto& part : split(relative, '/')) {
    if (part.empty() || part == "." || part == "..") return {};
    out.push_back(std::move(part));
  }
  return out;
}

Result<OutputFolder> OutputFolder::open(const std::filesystem::path& root) {
  return open_folder(root, false);
}

Result<OutputFolder> OutputFolder::open_folder(const std::filesystem::path& root,
                                               bool follow_link) {
  std::error_code ec;
  if (!follow_link && std::filesystem::is_symlink(std::filesystem::symlink_status(root, ec))) {
    return make_error(root.string() + ": is a symbolic link; refusing to write through it");
  }
  std::filesystem::create_directories(root, ec);
  if (ec) return make_error(root.string() + ": cannot create the folder: " + ec.message());
  int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow_link ? 0 : O_NOFOLLOW);
  int fd = ::open(root.c_str(), flags);
  if (fd < 0) return make_error(root.string() + ": cannot open the output folder: " + err_text());
  return OutputFolder(root, fd);
}

OutputFolder::OutputFolder(OutputFolder&& other) noexcept
    : root_(std::move(other.root_)), fd_(other.fd_) {
  other.fd_ = -1;
}

OutputFolder& OutputFolder::operator=(OutputFolder&& other) noexcept {
  std::swap(root_, other.root_);
  std::swap(fd_, other.fd_);
  return *this;
}

OutputFolder::~OutputFolder() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<Error> OutputFolder::check(std::string_view relative,
                                         const WriteOptions& options) const {
  auto parts = plain_path_parts(relative);
  if (parts.empty()) {
    return make_error(std::string(relative) + ": not a plain path inside the output folder");
  }
  const std::string shown = (root_ / relative).string();
  Fd current(::dup(fd_));
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    std::string error;
    Fd next = open_dir(current.get(), parts[i], false, error);
    if (!error.empty()) return make_error(shown + ": " + error);
    if (!next.ok()) return std::nullopt;  // not there yet: nothing below it can clash
    current = std::move(next);
  }
  std::string existing = check_existing(current.get(), parts.back(), options.overwrite);
  if (!existing.empty()) return make_error(shown + ": " + existing);
  return std::nullopt;
}

Result<std::filesystem::path> OutputFolder::write(std::string_view relative,
                                                  std::string_view content,
                                                  const WriteOptions& options) const {
  if (auto refused = check(relative, options)) return *refused;
  auto parts = plain_path_parts(relative);
  std::filesystem::path shown = root_ / relative;
  Fd current(::dup(fd_));
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    std::string error;
    Fd next = open_dir(current.get(), parts[i], true, error);
    if (!next.ok()) return make_error(shown.string() + ": " + error);
    current = std::move(next);
  }
  std::string error = write_in(current.get(), parts.back(), content, options);
  if (!error.empty()) return make_error(shown.string() + ": " + error);
  return shown;
}

Result<std::filesystem::path> write_file(const std::filesystem::path& path,
                                         std::string_view content, const WriteOptions& options) {
  std::string name = path.filename().string();
  if (name.empty() || name == "." || name == "..") {
    return make_error(path.string() + ": not a file name");
  }
  auto folder = OutputFolder::open_folder(path.has_parent_path() ? path.parent_path() : ".", true);
  if (!folder) return folder.error();
  if (std::string existing = check_existing(folder->fd_, name, options.overwrite);
      !existing.empty()) {
    return make_error(path.string() + ": " + existing);
  }
  std::string error = write_in(folder->fd_, name, content, options);
  if (!error.empty()) return make_error(path.string() + ": " + error);
  return path;
}

}  // namespace liftshift
