// The drives of one server as one Volume. The system drive's files are at
// the root, as for a single disk; every other drive letter the server mounts
// is a top-level folder named "D:" holding that drive's files ("D:/Sites/x").
// A colon is never part of a Windows file name, so those folders cannot be
// confused with the system drive's own (a folder named "D:" on a copied drive
// is hidden, not read).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sources/volume.hpp"

namespace liftshift {

class ServerVolume final : public Volume {
 public:
  explicit ServerVolume(std::unique_ptr<Volume> system);

  // letter: 'D'..'Z' (or 'A', 'B'); what: "data.vhdx partition 1", for messages.
  void add_drive(char letter, std::unique_ptr<Volume> volume, std::string what);
  [[nodiscard]] bool has_drive(char letter) const;

  [[nodiscard]] std::string describe() const override;
  void walk(const std::function<bool(const FileEntry&)>& visit,
            std::vector<Problem>& problems) const override;
  [[nodiscard]] Result<std::vector<std::uint8_t>> read(const std::string& path,
                                                       std::uint64_t offset,
                                                       std::size_t max_bytes) const override;
  [[nodiscard]] std::optional<FileEntry> find(const std::string& path) const override;

 private:
  struct Drive {
    char letter;
    std::unique_ptr<Volume> volume;
    std::string what;
  };
  struct Route {
    const Drive* drive = nullptr;  // null: the path names a drive that is not attached
    std::string inner;             // the path on that drive ("" for its root)
  };
  // The drive a path lies on; nullopt for paths on the system drive.
  [[nodiscard]] std::optional<Route> route(const std::string& path) const;

  std::unique_ptr<Volume> system_;
  std::vector<Drive> drives_;
};

// 'D' for "D:" or "d:/x" (a path that starts with a drive folder), else nullopt.
std::optional<char> drive_folder_letter(std::string_view path);

}  // namespace liftshift
