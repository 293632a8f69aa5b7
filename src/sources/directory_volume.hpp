// Volume over a folder of the host file system. Never writes, never follows
// symbolic links (a link is reported, not read), opens files with O_NOATIME
// where allowed so even access times stay as they were.
#pragma once

#include <filesystem>

#include "sources/volume.hpp"

namespace liftshift {

class DirectoryVolume final : public Volume {
 public:
  explicit DirectoryVolume(std::filesystem::path root);

  [[nodiscard]] std::string describe() const override;
  void walk(const std::function<bool(const FileEntry&)>& visit,
            std::vector<Problem>& problems) const override;
  [[nodiscard]] Result<std::vector<std::uint8_t>> read(const std::string& path,
                                                       std::uint64_t offset,
                                                       std::size_t max_bytes) const override;
  [[nodiscard]] std::optional<FileEntry> find(const std::string& path) const override;

  // Deeper trees than this are reported and not walked (loops, hostile input).
  static constexpr int kMaxDepth = 64;

 private:
  std::filesystem::path root_;
};

}  // namespace liftshift
