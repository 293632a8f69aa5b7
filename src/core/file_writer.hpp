// The one way liftshift writes a file: atomically (a temporary file in the
// same folder, written, fsync'd and closed with every error checked, then put
// in place by rename, or by link when an existing file must not be replaced),
// never through a symbolic link, errors as values.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace liftshift {

struct WriteOptions {
  // false: an existing file is refused, and the new one is linked into place
  // so a file that appears meanwhile is not replaced either.
  bool overwrite = true;
  // Permissions of a new file (before the umask); 0600 for files that carry
  // a secret.
  unsigned mode = 0644;
};

// The parts of a plain relative path ('/'-separated, no empty, "." or ".."
// part, not absolute, no backslash or NUL); empty when it is not one.
std::vector<std::string> plain_path_parts(std::string_view relative);

// A folder that bounds what is written: nothing is written outside it, and no
// folder below it, nor the file itself, may be a symbolic link (a link could
// lead out of it).
class OutputFolder {
 public:
  // Opens root, creating it when missing; refused when root itself is a link.
  static Result<OutputFolder> open(const std::filesystem::path& root);

  OutputFolder(OutputFolder&& other) noexcept;
  OutputFolder& operator=(OutputFolder&& other) noexcept;
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder();

  // What write() would refuse (a link on the way, something not a regular
  // file, an existing file without overwrite), found without writing.
  // Folders that do not exist yet are no obstacle.
  [[nodiscard]] std::optional<Error> check(std::string_view relative,
                                           const WriteOptions& options) const;

  // Writes content to root/relative (a plain relative path), creating the
  // folders on the way. Returns the path written.
  Result<std::filesystem::path> write(std::string_view relative, std::string_view content,
                                      const WriteOptions& options) const;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  friend Result<std::filesystem::path> write_file(const std::filesystem::path&, std::string_view,
                                                  const WriteOptions&);
  OutputFolder(std::filesystem::path root, int fd) : root_(std::move(root)), fd_(fd) {}
  static Result<OutputFolder> open_folder(const std::filesystem::path& root, bool follow_link);

  std::filesystem::path root_;
  int fd_ = -1;
};

// One file named by the user (`-o FILE`): its folder is taken as named
// (created when missing, reached through links the user chose), the file
// itself must not be a symbolic link or anything but a regular file.
Result<std::filesystem::path> write_file(const std::filesystem::path& path,
                                         std::string_view content, const WriteOptions& options);

}  // namespace liftshift
