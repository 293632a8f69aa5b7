// Schedules of a scheduled task (plan/network.cpp).
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

TaskTrigger trigger(std::string text, std::vector<std::string> crons, std::string zone = "",
                    std::vector<std::string> notes = {}) {
  TaskTrigger t;
  t.text = std::move(text);
  t.crons = std::move(crons);
  t.time_zone = std::move(zone);
  t.notes = std::move(notes);
  return t;
}

bool warns(const AppPlan& p, const std::string& text) {
  for (const auto& w : p.warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(PlanSchedule, EveryCronOfEveryEnabledTriggerIsACronJob) {
  AppFixture f(AppKind::kTask, FrameworkKind::kNetFx, "4.8");
  f.app().task = test::task("C:\\T\\t.exe", "", "");
  TaskTrigger off = trigger("daily at 01:00 (disabled)", {"0 1 * * *"});
  off.enabled = false;
  f.app().task->triggers = {
      trigger("monthly on day the last day at 22:30",
              {"30 22 31 1,3,5,7,8,10,12 *", "30 22 30 4,6,9,11 *", "30 22 28 2 *"}, "Etc/GMT-2",
              {"in a leap year February's run is on the 28th"}),
      trigger("at system startup", {}, "", {"cron cannot start it on that"}), off,
      trigger("daily at 22:30", {"30 22 28 2 *"}, "Etc/GMT-2")};  // the same as one above
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.schedules.size(), 3u);
  EXPECT_EQ(p.schedules[0].cron, "30 22 31 1,3,5,7,8,10,12 *");
  EXPECT_EQ(p.schedules[0].time_zone, "Etc/GMT-2");
  EXPECT_EQ(p.schedule, "30 22 31 1,3,5,7,8,10,12 *");
  EXPECT_TRUE(warns(p, "leap year"));
  EXPECT_TRUE(warns(p, "cron cannot start it on that"));
  EXPECT_TRUE(warns(p, "is disabled on the server"));
  EXPECT_FALSE(warns(p, "server's local time"));  // every schedule has its zone
}

TEST(PlanSchedule, LocalTimesAndUnknownSchedulesAreWarnings) {
  AppFixture f(AppKind::kTask, FrameworkKind::kNetFx, "4.8");
  f.app().task = test::task("C:\\T\\t.exe", "", "0 2 * * *");
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.schedules.size(), 1u);
  EXPECT_TRUE(warns(p, "server's local time"));
  f.app().task->triggers = {trigger("at logon", {})};
  AppPlan q = plan_app(f.assessment, options());
  ASSERT_EQ(q.schedules.size(), 1u);
  EXPECT_EQ(q.schedules[0].cron, "0 2 * * *");
  EXPECT_TRUE(warns(q, "no trigger of the task has a cron schedule"));
}

// Hangfire on a shared job store (SQL Server, Redis...) shares its work
// between replicas: its schedule neither blocks the autoscaler nor asks for
// one replica. In memory, or beside another scheduler, it does.
TEST(PlanScale, HangfireOnASharedJobStoreScales) {
  auto site = [](std::vector<std::string> packages) {
    AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
    f.finding("scheduled-task");
    ProjectFacts project;
    project.path = "App/App.csproj";
    for (auto& id : packages) project.packages.push_back({std::move(id), "1.7.0"});
    f.app().projects.push_back(project);
    return f;
  };
  AppFixture shared = site({"Hangfire.Core", "Hangfire.SqlServer"});
  AppPlan p = plan_app(shared.assessment, options());
  EXPECT_TRUE(p.autoscale);
  EXPECT_TRUE(warns(p,
                    "Hangfire on a shared job store (App/App.csproj: package "
                    "Hangfire.SqlServer 1.7.0)"));
  EXPECT_FALSE(warns(p, "keep one replica"));
  for (const auto& packages : std::vector<std::vector<std::string>>{
           {"Hangfire.Core", "Hangfire.MemoryStorage"}, {"Hangfire.SqlServer", "Quartz"}}) {
    AppFixture alone = site(packages);
    AppPlan q = plan_app(alone.assessment, options());
    EXPECT_FALSE(q.autoscale) << packages.back();
    EXPECT_TRUE(warns(q, "keep one replica, or the work runs once per replica")) << packages.back();
  }
}

}  // namespace
}  // namespace liftshift
