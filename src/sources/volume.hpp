// A read-only view of the files of a source (a folder today; disk images and
// copied system drives behind the same interface later). Collectors see only
// this interface, never the host file system.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/facts.hpp"
#include "core/result.hpp"

namespace liftshift {

struct FileEntry {
  std::string path;  // relative to the volume root, '/' separated, no leading '/'
  std::uint64_t size = 0;
  bool is_dir = false;
};

class Volume {
 public:
  virtual ~Volume() = default;
  Volume() = default;
  Volume(const Volume&) = delete;
  Volume& operator=(const Volume&) = delete;

  // What the volume is, for messages ("folder /srv/app").
  [[nodiscard]] virtual std::string describe() const = 0;

  // Calls visit for every regular file and folder, parents before children;
  // a folder is entered only when visit returns true for it. What cannot be
  // listed is added to problems; the walk goes on.
  virtual void walk(const std::function<bool(const FileEntry&)>& visit,
                    std::vector<Problem>& problems) const = 0;

  // Reads at most max_bytes starting at offset. Short reads at the end are not errors.
  [[nodiscard]] virtual Result<std::vector<std::uint8_t>> read(const std::string& path,
                                                               std::uint64_t offset,
                                                               std::size_t max_bytes) const = 0;

  // Finds a path case-insensitively, as Windows would; returns it as stored.
  [[nodiscard]] virtual std::optional<FileEntry> find(const std::string& path) const = 0;
};

}  // namespace liftshift
