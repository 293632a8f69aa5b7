#include "sources/sub_volume.hpp"

#include "core/text.hpp"

namespace liftshift {

SubVolume::SubVolume(const Volume& base, std::string prefix)
    : base_(base), prefix_(std::move(prefix)) {}

std::string SubVolume::describe() const { return base_.describe() + " folder " + prefix_; }

void SubVolume::walk(const std::function<bool(const FileEntry&)>& visit,
                     std::vector<Problem>& problems) const {
  const std::string p = prefix_ + "/";
  std::vector<Problem> base_problems;
  base_.walk(
      [&](const FileEntry& e) {
        if (istarts_with(e.path, p)) {
          FileEntry inner = e;
          inner.path = e.path.substr(p.size());
          return visit(inner);
        }
        // Enter only the folders on the way to the prefix.
        return e.is_dir && istarts_with(p, e.path + "/");
      },
      base_problems);
  for (auto& pr : base_problems) {
    if (istarts_with(pr.path, p)) {
      pr.path = pr.path.substr(p.size());
      problems.push_back(std::move(pr));
    }
  }
}

Result<std::vector<std::uint8_t>> SubVolume::read(const std::string& path, std::uint64_t offset,
                                                  std::size_t max_bytes) const {
  return base_.read(prefix_ + "/" + path, offset, max_bytes);
}

std::optional<FileEntry> SubVolume::find(const std::string& path) const {
  auto e = base_.find(prefix_ + "/" + path);
  if (!e) return std::nullopt;
  if (istarts_with(e->path, prefix_ + "/")) e->path = e->path.substr(prefix_.size() + 1);
  return e;
}

}  // namespace liftshift
