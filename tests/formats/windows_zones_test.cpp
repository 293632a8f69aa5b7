#include "formats/windows_zones.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(WindowsZones, CldrsWorldTableIsCompiledIn) {
  // CLDR 41 maps 139 Windows zones for territory 001; a cut table would lose zones.
  EXPECT_GE(windows_zone_table().size(), 100u);
  for (const auto& [windows, iana] : windows_zone_table()) {
    EXPECT_FALSE(windows.empty());
    EXPECT_NE(iana.find('/'), std::string_view::npos) << windows << " -> " << iana;
  }
}

TEST(WindowsZones, ZonesAreFoundWhateverTheirCase) {
  EXPECT_EQ(windows_zone_id("w. europe standard time"), "W. Europe Standard Time");
  EXPECT_EQ(iana_zone_of("W. Europe Standard Time"), "Europe/Berlin");
  EXPECT_EQ(iana_zone_of("GMT Standard Time"), "Europe/London");
  EXPECT_EQ(iana_zone_of("UTC"), "Etc/UTC");
  EXPECT_FALSE(windows_zone_id("Europe/Berlin").has_value());
  EXPECT_FALSE(iana_zone_of("").has_value());
}

}  // namespace
}  // namespace liftshift
