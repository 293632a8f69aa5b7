// `liftshift containerize` on configuration kept in other files and on
// schedules scripts register: the programs become CronJobs on their
// triggers, the log folders their configs name reach Log Monitor, and no
// planted secret reaches any artifact.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

// The output folder whose name holds `part`.
fs::path folder_with(const fs::path& out, std::string_view part) {
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.is_directory() && e.path().filename().string().find(part) != std::string::npos)
      return e.path();
  }
  ADD_FAILURE() << "no output folder for " << part;
  return out;
}

void expect_no_planted_secret(const fs::path& out, const test::RunResult& r) {
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    EXPECT_EQ(test::read_text(e.path()).find("Cfg15-"), std::string::npos) << e.path();
  }
  EXPECT_EQ(r.out.find("Cfg15-"), std::string::npos);
  EXPECT_EQ(r.err.find("Cfg15-"), std::string::npos);
}

TEST(ContainerizeConfigFiles, ScheduledJobsBecomeCronJobsOnTheirTriggers) {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  auto r = test::run_liftshift(
      {"containerize", (test::fixtures() / "configs" / "jobs").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string exporter = test::read_text(folder_with(out, "Exporter") / "k8s/base/cronjob.yaml");
  EXPECT_NE(exporter.find("0 2 * * *"), std::string::npos) << exporter;
  const std::string cleaner = test::read_text(folder_with(out, "Cleaner") / "k8s/base/cronjob.yaml");
  EXPECT_NE(cleaner.find("*/15 6-17 * * *"), std::string::npos) << cleaner;
  const std::string reporter = test::read_text(folder_with(out, "Reporter") / "k8s/base/cronjob.yaml");
  EXPECT_NE(reporter.find("30 7 * * 1"), std::string::npos) << reporter;
  // The NLog target from the included file: Log Monitor watches its folder.
  const std::string logs = test::read_text(folder_with(out, "Exporter") / "LogMonitorConfig.json");
  EXPECT_NE(logs.find("JobLogs\\\\Exporter"), std::string::npos) << logs;
  expect_no_planted_secret(out, r);
}

TEST(ContainerizeConfigFiles, TheSitesLogFoldersReachLogMonitor) {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  auto r = test::run_liftshift(
      {"containerize", (test::fixtures() / "configs" / "portal").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string logs = test::read_text(folder_with(out, "portal") / "LogMonitorConfig.json");
  EXPECT_NE(logs.find("Portal\\\\Elmah"), std::string::npos) << logs;
  EXPECT_NE(logs.find("portal.log"), std::string::npos) << logs;
  expect_no_planted_secret(out, r);
}

}  // namespace
}  // namespace liftshift
