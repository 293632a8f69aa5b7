// A view of one folder of another Volume, as a Volume of its own: lets the
// application collectors read an IIS site or a service's folder inside a
// server image exactly as they read a folder given on the command line.
#pragma once

#include <string>

#include "sources/volume.hpp"

namespace liftshift {

class SubVolume final : public Volume {
 public:
  // prefix: a folder of base, '/' separated, as stored (see Volume::find).
  SubVolume(const Volume& base, std::string prefix);

  [[nodiscard]] std::string describe() const override;
  void walk(const std::function<bool(const FileEntry&)>& visit,
            std::vector<Problem>& problems) const override;
  [[nodiscard]] Result<std::vector<std::uint8_t>> read(const std::string& path,
                                                       std::uint64_t offset,
                                                       std::size_t max_bytes) const override;
  [[nodiscard]] std::optional<FileEntry> find(const std::string& path) const override;

 private:
  const Volume& base_;
  std::string prefix_;
};

}  // namespace liftshift
