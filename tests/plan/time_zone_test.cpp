// The server's time zone in the image and in its tasks' CronJobs
// (plan/time_zone.cpp, plan/network.cpp).
#include <gtest/gtest.h>

#include <memory>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"
#include "powershell_parser.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

std::shared_ptr<MachineFacts> machine(std::string zone, std::string iana, bool dst_off = false) {
  auto m = std::make_shared<MachineFacts>();
  m->time_zone = std::move(zone);
  m->time_zone_iana = std::move(iana);
  m->daylight_saving_off = dst_off;
  return m;
}

const BuildStep* tz_step(const AppPlan& p) {
  for (const auto& s : p.steps) {
    if (s.command.starts_with("tzutil")) return &s;
  }
  return nullptr;
}

TEST(PlanTimeZone, TheServersZoneIsSetInTheImage) {
  LIFTSHIFT_REQUIRE_PWSH();
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(tz_step(p), nullptr) << "no server, no zone";
  f.app().machine = machine("W. Europe Standard Time", "Europe/Berlin");
  p = plan_app(f.assessment, options());
  const BuildStep* s = tz_step(p);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->command, "tzutil /s 'W. Europe Standard Time'");
  bool decided = false;
  for (const auto& d : p.decisions)
    decided = decided || (d.topic == "time-zone" && d.choice == "W. Europe Standard Time");
  EXPECT_TRUE(decided);
  const std::string on = s->command;
  f.app().machine = machine("Eastern Standard Time", "", true);
  AppPlan q = plan_app(f.assessment, options());
  const BuildStep* off = tz_step(q);
  ASSERT_NE(off, nullptr);
  EXPECT_EQ(off->command, "tzutil /s 'Eastern Standard Time_dstoff'");
  auto parsed = test::parse_powershell({on, off->command});
  ASSERT_TRUE(parsed);
  for (const auto& r : *parsed) {
    EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
    EXPECT_EQ(r.command_words, std::vector<int>{3}) << "the zone stays one argument";
  }
}

TEST(PlanTimeZone, Server2016AndNanoServerKeepTheHostsZoneWithAWarning) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().machine = machine("Tokyo Standard Time", "Asia/Tokyo");
  AppPlan p = plan_app(f.assessment, options(WindowsVersion::kLtsc2016));
  EXPECT_EQ(tz_step(p), nullptr);
  bool warned = false;
  for (const auto& w : p.warnings)
    warned = warned || w.find("cannot keep a zone of its own") != std::string::npos;
  EXPECT_TRUE(warned);
  // A .NET 8 console program on Nano Server: no PowerShell to run tzutil in.
  AppFixture nano(AppKind::kConsole, FrameworkKind::kDotnet, "8.0");
  nano.app().machine = machine("Tokyo Standard Time", "Asia/Tokyo");
  AppPlan q = plan_app(nano.assessment, options());
  ASSERT_TRUE(q.nano_server);
  EXPECT_EQ(tz_step(q), nullptr);
  warned = false;
  for (const auto& w : q.warnings)
    warned = warned || w.find("Nano Server container has its host's zone") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(PlanTimeZone, ATasksLocalStartTimesAreInTheServersZone) {
  AppFixture f(AppKind::kTask, FrameworkKind::kNetFx, "4.8");
  f.app().task = test::task("C:\\T\\t.exe", "", "");
  TaskTrigger local;
  local.text = "daily at 02:00";
  local.crons = {"0 2 * * *"};
  TaskTrigger utc = local;
  utc.text = "daily at 03:00 UTC";
  utc.crons = {"0 3 * * *"};
  utc.time_zone = "Etc/UTC";
  f.app().task->triggers = {local, utc};
  f.app().machine = machine("W. Europe Standard Time", "Europe/Berlin");
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.schedules.size(), 2u);
  EXPECT_EQ(p.schedules[0].time_zone, "Europe/Berlin");
  EXPECT_EQ(p.schedules[1].time_zone, "Etc/UTC") << "an explicit offset stays";
  for (const auto& w : p.warnings) EXPECT_EQ(w.find("server's local time"), std::string::npos) << w;
  // Daylight saving off: no IANA zone fits, so the warning stays.
  f.app().machine = machine("W. Europe Standard Time", "", true);
  p = plan_app(f.assessment, options());
  EXPECT_EQ(p.schedules[0].time_zone, "");
  bool warned = false;
  for (const auto& w : p.warnings)
    warned = warned || w.find("server's local time") != std::string::npos;
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace liftshift
