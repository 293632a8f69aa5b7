#include "collect/source_identity.hpp"

#include <filesystem>

namespace liftshift {

namespace fs = std::filesystem;

std::string source_identity(const std::string& path, const std::vector<std::string>& qualifiers) {
  std::error_code ec;
  fs::path absolute = fs::absolute(fs::path(path), ec);
  if (ec) absolute = fs::path(path);
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  fs::path normal = (ec ? absolute : canonical).lexically_normal();
  std::string out = normal.string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  for (const auto& q : qualifiers) {
    if (!q.empty()) out += "|" + q;
  }
  return out;
}

}  // namespace liftshift
