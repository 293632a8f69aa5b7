#include "emit/artifact_writer.hpp"

#include "core/file_writer.hpp"

namespace liftshift {

WriteResult write_artifacts(const std::filesystem::path& out, const std::string& folder,
                            const std::vector<Artifact>& artifacts, bool force) {
  WriteResult result;
  auto root = OutputFolder::open(out);
  if (!root) {
    result.errors.push_back(root.error().message);
    return result;
  }
  const WriteOptions options{.overwrite = force};
  for (const auto& a : artifacts) {
    if (auto refused = root->check(folder + "/" + a.path, options)) {
      result.errors.push_back(refused->message);
    }
  }
  if (!result.errors.empty()) return result;
  for (const auto& a : artifacts) {
    std::string relative = folder + "/" + a.path;
    auto written = root->write(relative, a.content, options);
    if (written) {
      result.written.push_back(relative);
    } else {
      result.errors.push_back(written.error().message);
    }
  }
  return result;
}

}  // namespace liftshift
