#include "formats/windows_zones.hpp"

#include "core/text.hpp"

namespace liftshift {

namespace {

const std::pair<std::string_view, std::string_view>* find_zone(std::string_view name) {
  for (const auto& row : windows_zone_table()) {
    if (iequals(row.first, name)) return &row;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string_view> windows_zone_id(std::string_view name) {
  const auto* row = find_zone(name);
  if (row == nullptr) return std::nullopt;
  return row->first;
}

std::optional<std::string_view> iana_zone_of(std::string_view windows_zone) {
  const auto* row = find_zone(windows_zone);
  if (row == nullptr) return std::nullopt;
  return row->second;
}

}  // namespace liftshift
