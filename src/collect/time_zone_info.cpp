#include "collect/time_zone_info.hpp"

#include "core/text.hpp"
#include "formats/windows_zones.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxZoneName = 128;

// The zone name of a REG_SZ value: Windows has been seen to leave bytes after
// the terminating NUL of TimeZoneKeyName, so the name ends at the first one.
std::string zone_name(const Hive& h, Hive::Node node, std::string_view value) {
  std::string s = h.value_text(node, value).value_or("");
  if (auto nul = s.find('\0'); nul != std::string::npos) s.resize(nul);
  return std::string(trim(s));
}

}  // namespace

void read_time_zone(const Hive& system, const std::string& cs, MachineFacts& m,
                    std::vector<Problem>& problems) {
  const std::string key = cs + "\\Control\\TimeZoneInformation";
  auto node = system.find(key);
  if (!node) return;
  std::string name = zone_name(system, *node, "TimeZoneKeyName");
  std::string from = "TimeZoneKeyName";
  if (name.empty()) {
    // Server 2003 keeps only StandardName, the zone's name ("Pacific Standard
    // Time"); later systems write an indirect string ("@tzres.dll,-212") there.
    name = zone_name(system, *node, "StandardName");
    from = "StandardName";
    if (name.starts_with('@') || !windows_zone_id(name)) return;
  }
  if (name.empty()) return;
  auto id = windows_zone_id(name);
  if (!id) {
    problems.push_back(
        {"Windows/System32/config/SYSTEM",
         key + " " + from + "='" + printable(name.substr(0, kMaxZoneName)) +
             "' is no Windows time zone CLDR knows: the image keeps its host's time zone"});
    return;
  }
  m.time_zone = std::string(*id);
  m.daylight_saving_off = system.dword_value(*node, "DynamicDaylightTimeDisabled").value_or(0) != 0;
  if (!m.daylight_saving_off) m.time_zone_iana = std::string(iana_zone_of(*id).value_or(""));
}

}  // namespace liftshift
