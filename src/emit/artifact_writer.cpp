#include "emit/artifact_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "core/text.hpp"

namespace liftshift {

namespace {

// An open directory descriptor, closed when it goes.
class Dir {
 public:
  explicit Dir(int fd = -1) : fd_(fd) {}
  ~Dir() {
    if (fd_ >= 0) ::close(fd_);
  }
  Dir(Dir&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Dir& operator=(Dir&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  Dir(const Dir&) = delete;
  Dir& operator=(const Dir&) = delete;
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

std::string err_text() { return std::strerror(errno); }

// Components of a relative path; empty when it is not a plain relative path.
std::vector<std::string> components(const std::string& rel) {
  std::vector<std::string> out;
  if (rel.empty() || rel.front() == '/' || rel.find('\\') != std::string::npos ||
      rel.find('\0') != std::string::npos) {
    return {};
  }
  for (const auto& part : split(rel, '/')) {
    if (part.empty() || part == "." || part == "..") return {};
    out.push_back(part);
  }
  return out;
}

// Opens (creating when asked) the directory name inside parent, refusing links.
Dir open_dir(int parent, const std::string& name, bool create, std::string& error) {
  if (create && ::mkdirat(parent, name.c_str(), 0755) != 0 && errno != EEXIST) {
    error = name + ": cannot create folder: " + err_text();
    return Dir();
  }
  int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP || errno == ENOTDIR) {
      error = name + ": is a symbolic link or not a folder; refusing to write through it";
    } else if (errno != ENOENT || create) {
      error = name + ": " + err_text();
    }
  }
  return Dir(fd);
}

// Checks one target without writing: the folders on the way and the file
// itself must not be links; the file must not exist unless force.
std::string check_target(int root, const std::vector<std::string>& parts, bool force,
                         const std::string& shown) {
  Dir current(::dup(root));
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    std::string error;
    Dir next = open_dir(current.fd(), parts[i], false, error);
    if (!error.empty()) return shown + ": " + error;
    if (!next.ok()) return "";  // the folder doesn't exist yet: nothing below it can clash
    current = std::move(next);
  }
  struct stat st {};
  if (::fstatat(current.fd(), parts.back().c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (S_ISLNK(st.st_mode)) return shown + ": is a symbolic link; refusing to write through it";
    if (!S_ISREG(st.st_mode)) return shown + ": exists and is not a regular file";
    if (!force) return shown + ": exists; use --force to overwrite";
  }
  return "";
}

std::string temp_name(const std::string& name) {
  static std::mt19937_64 rng{std::random_device{}()};
  return "." + name + ".tmp-" + std::to_string(rng());
}

std::string write_one(int root, const std::vector<std::string>& parts, const std::string& content,
                      bool force, const std::string& shown) {
  Dir current(::dup(root));
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    std::string error;
    Dir next = open_dir(current.fd(), parts[i], true, error);
    if (!next.ok()) return shown + ": " + error;
    current = std::move(next);
  }
  const std::string& name = parts.back();
  std::string tmp = temp_name(name);
  int fd = ::openat(current.fd(), tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0644);
  if (fd < 0) return shown + ": cannot create a temporary file: " + err_text();
  std::size_t done = 0;
  bool ok = true;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  if (!ok) {
    std::string e = err_text();
    ::unlinkat(current.fd(), tmp.c_str(), 0);
    return shown + ": cannot write: " + e;
  }
  struct stat st {};
  if (::fstatat(current.fd(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
    ::unlinkat(current.fd(), tmp.c_str(), 0);
    return shown + ": is a symbolic link; refusing to write through it";
  }
  if (force) {
    if (::renameat(current.fd(), tmp.c_str(), current.fd(), name.c_str()) != 0) {
      std::string e = err_text();
      ::unlinkat(current.fd(), tmp.c_str(), 0);
      return shown + ": cannot rename into place: " + e;
    }
    return "";
  }
  // Without --force, a hard link puts the file in place only if the name is free.
  int rc = ::linkat(current.fd(), tmp.c_str(), current.fd(), name.c_str(), 0);
  int link_errno = errno;
  ::unlinkat(current.fd(), tmp.c_str(), 0);
  if (rc != 0) {
    errno = link_errno;
    return shown + (link_errno == EEXIST ? ": exists; use --force to overwrite"
                                         : ": cannot write: " + err_text());
  }
  return "";
}

}  // namespace

WriteResult write_artifacts(const std::filesystem::path& out, const std::string& folder,
                            const std::vector<Artifact>& artifacts, bool force) {
  WriteResult result;
  std::error_code ec;
  auto st = std::filesystem::symlink_status(out, ec);
  if (!ec && std::filesystem::is_symlink(st)) {
    result.errors.push_back(out.string() + ": is a symbolic link; refusing to write through it");
    return result;
  }
  std::filesystem::create_directories(out, ec);
  Dir root(::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!root.ok()) {
    result.errors.push_back(out.string() + ": cannot open the output folder: " + err_text());
    return result;
  }
  std::vector<std::pair<std::vector<std::string>, const Artifact*>> targets;
  for (const auto& a : artifacts) {
    auto parts = components(folder + "/" + a.path);
    if (parts.empty()) {
      result.errors.push_back(folder + "/" + a.path +
                              ": not a plain path inside the output folder");
      continue;
    }
    std::string shown = (out / (folder + "/" + a.path)).string();
    std::string error = check_target(root.fd(), parts, force, shown);
    if (!error.empty()) result.errors.push_back(error);
    targets.emplace_back(std::move(parts), &a);
  }
  if (!result.errors.empty()) return result;
  for (const auto& [parts, artifact] : targets) {
    std::string shown = (out / (folder + "/" + artifact->path)).string();
    std::string error = write_one(root.fd(), parts, artifact->content, force, shown);
    if (error.empty()) {
      result.written.push_back(folder + "/" + artifact->path);
    } else {
      result.errors.push_back(error);
    }
  }
  return result;
}

}  // namespace liftshift
