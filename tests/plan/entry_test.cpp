// What the container runs, and as which workload (plan/entry.cpp).
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

TEST(PlanEntry, AConsoleProgramThatExitsIsAJob) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_kind, EntryKind::kJob);
  EXPECT_EQ(p.entry_exe, "C:\\app\\App.exe");
}

TEST(PlanEntry, ASelfHostedServerKeepsRunningWithoutIis) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.app().self_host = SelfHost::kWcf;
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_kind, EntryKind::kConsole);
  EXPECT_EQ(p.entry_exe, "C:\\app\\App.exe");
  EXPECT_EQ(p.base_image.find("wcf"), std::string::npos);
  EXPECT_EQ(p.base_image.find("aspnet"), std::string::npos);
}

TEST(PlanEntry, ATaskUnderProgramFilesKeepsTheSpacesOfItsPath) {
  AppFixture f(AppKind::kTask, FrameworkKind::kNetFx, "4.8");
  // It became C:\app\Program before.
  f.app().task = test::task("C:\\Program Files\\Contoso\\Export Tool.exe", "/all", "0 2 * * *");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.app_exe, "C:\\app\\Export Tool.exe");
  EXPECT_EQ(p.entry_args, "/all");
  // A quoted program followed by arguments in Command: they come first.
  f.app().task = test::task("\"C:\\Program Files\\Contoso\\x.exe\" --mode full", "/all", "");
  AppPlan q = plan_app(f.assessment, options());
  EXPECT_EQ(q.app_exe, "C:\\app\\x.exe");
  EXPECT_EQ(q.entry_args, "--mode full /all");
}

TEST(PlanEntry, ATaskRunByAWindowsProgramRunsItWhereWindowsHasIt) {
  AppFixture f(AppKind::kTask, FrameworkKind::kNetFx, "4.8");
  f.app().task = test::task("C:\\Windows\\System32\\cmd.exe", "/c C:\\Jobs\\run.cmd", "0 2 * * *");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_exe, "C:\\Windows\\System32\\cmd.exe");
  EXPECT_EQ(p.entry_args, "/c C:\\Jobs\\run.cmd");
  bool warned = false;
  for (const auto& w : p.warnings)
    warned = warned || w.find("a program of Windows") != std::string::npos;
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace liftshift
