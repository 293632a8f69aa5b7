#include "context/staging_folder.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace liftshift {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = ".liftshift-context-";

std::string err_text(int e = errno) { return std::strerror(e); }

int open_dir_at(int parent, const std::string& name) {
  return ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

// Opens (creating when missing) the folder name inside parent, refusing links.
int make_dir_at(int parent, const std::string& name, std::string& error) {
  if (::mkdirat(parent, name.c_str(), 0755) != 0 && errno != EEXIST) {
    error = name + ": cannot create folder: " + err_text();
    return -1;
  }
  int fd = open_dir_at(parent, name);
  if (fd < 0) {
    error = name + (errno == ELOOP || errno == ENOTDIR
                        ? ": is a symbolic link or not a folder; refusing to write through it"
                        : ": " + err_text());
  }
  return fd;
}

bool exists_at(int dir, const std::string& name) {
  struct stat st {};
  return ::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

std::string random_suffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  return std::to_string(rng());
}

}  // namespace

StagedFile::~StagedFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool StagedFile::append(const void* data, std::size_t size) {
  const auto* p = static_cast<const char*>(data);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::write(fd_, p + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string StagedFile::close() {
  int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) != 0) return "cannot close: " + err_text();
  return "";
}

Result<StagingFolder> StagingFolder::create(const fs::path& out, const std::string& app_folder) {
  if (app_folder.empty() || app_folder == "." || app_folder == ".." ||
      app_folder.find('/') != std::string::npos) {
    return make_error(app_folder + ": not a plain folder name");
  }
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(out, ec))) {
    return make_error(out.string() + ": is a symbolic link; refusing to write through it");
  }
  fs::create_directories(out, ec);
  if (ec) return make_error(out.string() + ": cannot create the folder: " + ec.message());
  int out_fd = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (out_fd < 0)
    return make_error(out.string() + ": cannot open the output folder: " + err_text());
  std::string error;
  int app_fd = make_dir_at(out_fd, app_folder, error);
  ::close(out_fd);
  if (app_fd < 0) return make_error((out / error).string());
  std::string name = std::string(kPrefix) + random_suffix();
  if (::mkdirat(app_fd, name.c_str(), 0700) != 0) {
    int e = errno;
    ::close(app_fd);
    return make_error((out / app_folder / name).string() + ": cannot create: " + err_text(e));
  }
  int fd = open_dir_at(app_fd, name);
  if (fd < 0) {
    int e = errno;
    ::unlinkat(app_fd, name.c_str(), AT_REMOVEDIR);
    ::close(app_fd);
    return make_error((out / app_folder / name).string() + ": cannot open: " + err_text(e));
  }
  return StagingFolder(out / app_folder, app_fd, name, fd);
}

StagingFolder::StagingFolder(StagingFolder&& o) noexcept
    : app_dir_(std::move(o.app_dir_)),
      app_fd_(o.app_fd_),
      name_(std::move(o.name_)),
      fd_(o.fd_),
      path_(std::move(o.path_)),
      done_(o.done_) {
  o.app_fd_ = -1;
  o.fd_ = -1;
  o.done_ = true;
}

StagingFolder::~StagingFolder() { remove(); }

void StagingFolder::remove() {
  if (!done_) {
    std::error_code ec;
    fs::remove_all(path_, ec);  // removes links themselves, never what they point to
    done_ = true;
  }
  if (fd_ >= 0) ::close(fd_);
  if (app_fd_ >= 0) ::close(app_fd_);
  fd_ = app_fd_ = -1;
}

std::optional<Error> StagingFolder::make_folder(const std::vector<std::string>& parts) {
  int current = ::dup(fd_);
  for (const auto& part : parts) {
    std::string error;
    int next = make_dir_at(current, part, error);
    ::close(current);
    if (next < 0) return make_error(error);
    current = next;
  }
  ::close(current);
  return std::nullopt;
}

Result<StagedFile> StagingFolder::create_file(const std::vector<std::string>& parts,
                                              unsigned mode) {
  if (parts.empty()) return make_error("no file name");
  int current = ::dup(fd_);
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    std::string error;
    int next = make_dir_at(current, parts[i], error);
    ::close(current);
    if (next < 0) return make_error(error);
    current = next;
  }
  int fd =
      ::openat(current, parts.back().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
               static_cast<mode_t>(mode));
  int e = errno;
  ::close(current);
  if (fd < 0) return make_error(parts.back() + ": cannot create: " + err_text(e));
  return StagedFile(fd);
}

std::vector<std::string> StagingFolder::entries() const {
  std::vector<std::string> out;
  int fd = ::dup(fd_);
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return out;
  }
  ::rewinddir(dir);
  while (dirent* e = ::readdir(dir)) {
    std::string name = e->d_name;
    if (name != "." && name != ".." && !name.starts_with(".replaced-")) out.push_back(name);
  }
  ::closedir(dir);
  return out;
}

std::vector<std::string> StagingFolder::existing_targets() const {
  std::vector<std::string> out;
  for (const auto& name : entries()) {
    if (exists_at(app_fd_, name)) out.push_back(name);
  }
  return out;
}

std::optional<Error> StagingFolder::commit(bool replace) {
  auto names = entries();
  if (!replace) {
    for (const auto& name : names) {
      if (exists_at(app_fd_, name)) {
        return make_error((app_dir_ / name).string() + ": exists; use --force to overwrite");
      }
    }
  }
  // What is replaced moves into the staging folder first and goes with it;
  // when a move fails, the ones done are undone, so the folder is as before.
  std::vector<std::pair<std::string, bool>> moved;  // name, replaced one
  auto undo = [&] {
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
      ::renameat(app_fd_, it->first.c_str(), fd_, it->first.c_str());
      if (it->second)
        ::renameat(fd_, (".replaced-" + it->first).c_str(), app_fd_, it->first.c_str());
    }
  };
  for (const auto& name : names) {
    bool replacing = exists_at(app_fd_, name);
    if (replacing && ::renameat(app_fd_, name.c_str(), fd_, (".replaced-" + name).c_str()) != 0) {
      std::string e = err_text();
      undo();
      return make_error((app_dir_ / name).string() + ": cannot replace: " + e);
    }
    if (::renameat(fd_, name.c_str(), app_fd_, name.c_str()) != 0) {
      std::string e = err_text();
      if (replacing) ::renameat(fd_, (".replaced-" + name).c_str(), app_fd_, name.c_str());
      undo();
      return make_error((app_dir_ / name).string() + ": cannot move into place: " + e);
    }
    moved.emplace_back(name, replacing);
  }
  ::fsync(app_fd_);
  remove();  // the staging folder, with whatever was replaced
  return std::nullopt;
}

void remove_stale_staging(const fs::path& out, const std::string& app_folder) {
  std::error_code ec;
  fs::path dir = out / app_folder;
  if (fs::is_symlink(fs::symlink_status(dir, ec))) return;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code sec;
    if (name.starts_with(kPrefix) && !it->is_symlink(sec)) fs::remove_all(it->path(), sec);
  }
}

}  // namespace liftshift
