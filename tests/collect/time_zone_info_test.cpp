#include "collect/time_zone_info.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

struct Read {
  MachineFacts machine;
  std::vector<Problem> problems;
};

// tests/fixtures/timezones/build.sh writes the hives with hivexsh.
Read read(const std::string& name) {
  Read r;
  const auto file = test::fixtures() / "timezones" / name;
  auto bytes = test::read_bytes(file);
  auto hive = Hive::open(bytes, file.string());
  EXPECT_TRUE(static_cast<bool>(hive));
  if (hive) read_time_zone(*hive, "ControlSet001", r.machine, r.problems);
  return r;
}

TEST(TimeZoneInfo, TheKeyNameNamesTheZoneAndDaylightSavingOffHasNoIanaZone) {
  Read r = read("dstoff.hive");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.machine.time_zone, "Eastern Standard Time");
  EXPECT_TRUE(r.machine.daylight_saving_off);
  // America/New_York observes DST; a server with DST off is not in it.
  EXPECT_EQ(r.machine.time_zone_iana, "");
}

TEST(TimeZoneInfo, Server2003KeepsTheZoneIdInStandardName) {
  Read r = read("legacy.hive");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.machine.time_zone, "Pacific Standard Time");
  EXPECT_FALSE(r.machine.daylight_saving_off);
  EXPECT_EQ(r.machine.time_zone_iana, "America/Los_Angeles");
}

TEST(TimeZoneInfo, AnIndirectStandardNameLeavesTheZoneUnknown) {
  Read r = read("indirect.hive");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.machine.time_zone, "");
}

TEST(TimeZoneInfo, ANameThatIsNoZoneIsAProblemAndNeverTheZone) {
  Read r = read("hostile.hive");
  EXPECT_EQ(r.machine.time_zone, "");
  EXPECT_EQ(r.machine.time_zone_iana, "");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("is no Windows time zone"), std::string::npos);
}

TEST(TimeZoneInfo, TheSampleServerIsInCentralEurope) {
  Read r;
  const auto file =
      test::fixtures() / "servers" / "appsrv01" / "Windows" / "System32" / "config" / "SYSTEM";
  auto bytes = test::read_bytes(file);
  auto hive = Hive::open(bytes, file.string());
  ASSERT_TRUE(static_cast<bool>(hive));
  read_time_zone(*hive, "ControlSet001", r.machine, r.problems);
  EXPECT_EQ(r.machine.time_zone, "W. Europe Standard Time");
  EXPECT_EQ(r.machine.time_zone_iana, "Europe/Berlin");
}

}  // namespace
}  // namespace liftshift
