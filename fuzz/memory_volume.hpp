// A Volume whose files live in memory, so a fuzz target can hand hostile
// bytes to the collectors through the same interface a disk image uses.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "sources/volume.hpp"

namespace liftshift::fuzz {

class MemoryVolume : public Volume {
 public:
  void add(const std::string& path, std::vector<std::uint8_t> bytes) {
    files_[to_lower(path)] = {path, std::move(bytes)};
  }

  [[nodiscard]] std::string describe() const override { return "memory volume"; }

  void walk(const std::function<bool(const FileEntry&)>& visit,
            std::vector<Problem>& /*problems*/) const override {
    for (const auto& [key, file] : files_) {
      visit(FileEntry{file.first, file.second.size(), false});
    }
  }

  [[nodiscard]] Result<std::vector<std::uint8_t>> read(const std::string& path,
                                                       std::uint64_t offset,
                                                       std::size_t max_bytes) const override {
    auto it = files_.find(to_lower(path));
    if (it == files_.end()) return make_error(path + ": no such file");
    const auto& bytes = it->second.second;
    if (offset >= bytes.size()) return std::vector<std::uint8_t>{};
    std::size_t n = std::min<std::size_t>(max_bytes, bytes.size() - offset);
    auto first = bytes.begin() + static_cast<std::ptrdiff_t>(offset);
    return std::vector<std::uint8_t>(first, first + static_cast<std::ptrdiff_t>(n));
  }

  [[nodiscard]] std::optional<FileEntry> find(const std::string& path) const override {
    auto it = files_.find(to_lower(path));
    if (it == files_.end()) return std::nullopt;
    return FileEntry{it->second.first, it->second.second.size(), false};
  }

 private:
  std::map<std::string, std::pair<std::string, std::vector<std::uint8_t>>> files_;
};

}  // namespace liftshift::fuzz
