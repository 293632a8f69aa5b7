// Drive paths rewritten in the copied config (plan/config_drive_paths.cpp):
// only a path the plan gives a place — a volume, a folder Log Monitor
// watches — and to exactly that place.
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

ConfigFacts log4net_config() {
  ConfigFacts c;
  c.path = "App/log4net.config";
  c.log_paths = {"D:\\Logs\\App\\app.log"};
  c.path_settings = {{"log4net", "Rolling", "file", "D:\\Logs\\App\\app.log", true},
                     {"log4net", "Unused", "file", "E:\\Other\\x.log", true}};
  return c;
}

TEST(PlanDrivePaths, ALogFileMovesToTheFolderLogMonitorWatches) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(log4net_config());
  f.assessment.results.logs.files = {"D:\\Logs\\App\\app.log"};  // what the rule found
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.config_rewrites.size(), 1u);
  const ConfigRewrite& r = p.config_rewrites[0];
  EXPECT_EQ(r.config, "App/log4net.config");
  ASSERT_EQ(r.changes.size(), 1u) << "E:\\Other is no folder the plan has a place for";
  EXPECT_EQ(r.changes[0].section, "log4net");
  EXPECT_EQ(r.changes[0].key, "Rolling");
  EXPECT_EQ(r.changes[0].attribute, "file");
  EXPECT_EQ(r.changes[0].from, "D:\\Logs\\App\\app.log");
  EXPECT_EQ(r.changes[0].to, "C:\\Logs\\App\\app.log");
  bool watched = false;
  for (const auto& folder : p.log_monitor.folders)
    watched = watched || folder.directory == "C:\\Logs\\App";
  EXPECT_TRUE(watched) << "Log Monitor watches the folder the rewritten value writes to";
  // The logging decision says the value is rewritten, not "point it at".
  bool told = false;
  for (const auto& d : p.decisions) {
    if (d.topic != "logging") continue;
    EXPECT_EQ(d.reason.find("point it at"), std::string::npos) << d.reason;
    told = d.reason.find("App/log4net.config is rewritten to C:\\Logs\\App\\app.log") !=
           std::string::npos;
  }
  EXPECT_TRUE(told);
  EXPECT_EQ(p.log_monitor.reason.find("point it at"), std::string::npos) << p.log_monitor.reason;
}

TEST(PlanDrivePaths, APathThePlanGivesNoPlaceKeepsItsValue) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c;
  c.path = "App/Web.config";
  c.app_settings = {{"Drop", "E:\\Drop", false}};
  c.path_settings = {{"appSettings", "Drop", "value", "E:\\Drop", false}};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());  // no local-state finding: no volume
  EXPECT_TRUE(p.config_rewrites.empty());
}

TEST(PlanDrivePaths, ATypedSettingGetsItsVolumeAndOnlyItsDriveLetterChanges) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.finding("local-state");
  ConfigFacts c;
  c.path = "App/App.exe.config";
  c.path_settings = {
      {"applicationSettings/App.Properties.Settings", "Root", "value", "d:/Data/App", false}};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].container_path, "C:\\Data\\App");
  ASSERT_EQ(p.config_rewrites.size(), 1u);
  ASSERT_EQ(p.config_rewrites[0].changes.size(), 1u);
  EXPECT_EQ(p.config_rewrites[0].changes[0].to, "C:/Data/App");
}

TEST(PlanDrivePaths, ATransformIsToldNotRewritten) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c = log4net_config();
  c.path = "App/Web.Release.config";
  c.transform_of = "App/Web.config";
  f.app().configs.push_back(c);
  f.assessment.results.logs.files = {"D:\\Logs\\App\\app.log"};
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.config_rewrites.empty());
  bool told = false;
  for (const auto& w : p.warnings)
    told = told || w.find(
                       "App/Web.Release.config: set log4net appender 'Rolling' file to "
                       "C:\\Logs\\App\\app.log") != std::string::npos;
  EXPECT_TRUE(told);
}

}  // namespace
}  // namespace liftshift
