// The folder a build context is assembled in before it goes in place: a
// fresh hidden folder inside the application's output folder, every file and
// folder created below it by descriptor (openat, O_NOFOLLOW, O_EXCL), so
// nothing is written outside it and no link is followed. commit() renames
// its top-level entries (app/, src/, seed/, vdir/) into the application's
// folder; a staging folder that is not committed is removed, so a failure
// leaves no half context.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

// A file being written; closed (and, on error, left for the staging folder's
// removal) when it goes.
class StagedFile {
 public:
  explicit StagedFile(int fd) : fd_(fd) {}
  StagedFile(StagedFile&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  StagedFile& operator=(StagedFile&&) = delete;
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  ~StagedFile();

  // Appends bytes; false with errno set on failure.
  bool append(const void* data, std::size_t size);
  // Closes the file; an error text, or "" when every byte is written.
  std::string close();

 private:
  int fd_;
};

class StagingFolder {
 public:
  // Creates OUT/<app_folder>/ when missing (refusing links on the way) and a
  // fresh staging folder inside it; app_folder is a plain relative name.
  static Result<StagingFolder> create(const std::filesystem::path& out,
                                      const std::string& app_folder);

  StagingFolder(StagingFolder&& other) noexcept;
  StagingFolder& operator=(StagingFolder&&) = delete;
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;
  ~StagingFolder();

  // Creates the folder parts (relative, plain names) and those on the way.
  std::optional<Error> make_folder(const std::vector<std::string>& parts);
  // A new file at parts (its folders created); refused when it exists.
  Result<StagedFile> create_file(const std::vector<std::string>& parts, unsigned mode = 0644);

  // The top-level entries already in the application's folder that commit
  // would replace ("app", "seed"...).
  [[nodiscard]] std::vector<std::string> existing_targets() const;

  // Moves every top-level entry into the application's folder; an entry of
  // the same name already there is replaced when replace is true, refused
  // otherwise (before anything moves).
  std::optional<Error> commit(bool replace);

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  StagingFolder(std::filesystem::path app_dir, int app_fd, std::string name, int fd)
      : app_dir_(std::move(app_dir)),
        app_fd_(app_fd),
        name_(std::move(name)),
        fd_(fd),
        path_(app_dir_ / name_) {}
  [[nodiscard]] std::vector<std::string> entries() const;
  void remove();

  std::filesystem::path app_dir_;
  int app_fd_ = -1;
  std::string name_;  // the staging folder's name inside app_dir_
  int fd_ = -1;
  std::filesystem::path path_;
  bool done_ = false;
};

// Removes what a crashed run left: staging folders inside OUT/<app_folder>.
void remove_stale_staging(const std::filesystem::path& out, const std::string& app_folder);

}  // namespace liftshift
