#include "collect/script_task_apps.hpp"

#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

const Application* by_entry(const Inventory& inv, std::string_view entry) {
  for (const auto& a : inv.apps) {
    if (a.entry == entry) return &a;
  }
  return nullptr;
}

std::string entries(const Inventory& inv) {
  std::string out;
  for (const auto& a : inv.apps) out += a.entry + " ";
  return out;
}

bool evidence_has(const Application& app, std::string_view text) {
  for (const auto& e : app.kind_evidence) {
    if (e.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(ScriptTaskApps, ProgramsTheirScriptsScheduleAreScheduledTasks) {
  Inventory inv = collect({(test::fixtures() / "configs" / "jobs").string()});
  ASSERT_EQ(inv.apps.size(), 3u) << entries(inv);

  const Application* exporter = by_entry(inv, "Exporter/Exporter.exe");
  ASSERT_NE(exporter, nullptr) << entries(inv);
  EXPECT_EQ(exporter->kind, AppKind::kTask);
  ASSERT_TRUE(exporter->task.has_value());
  EXPECT_EQ(exporter->task->path, "\\Contoso\\Nightly Export");
  EXPECT_EQ(exporter->task->cron, "0 2 * * *");
  EXPECT_EQ(exporter->task->user, "CONTOSO\\svc_export");
  EXPECT_TRUE(evidence_has(*exporter,
                           "Exporter/install-task.cmd:8: registers the program as the "
                           "scheduled task '\\Contoso\\Nightly Export' (daily at 02:00)"));

  const Application* cleaner = by_entry(inv, "Cleaner/Cleaner.exe");
  ASSERT_NE(cleaner, nullptr);
  EXPECT_EQ(cleaner->kind, AppKind::kTask);
  ASSERT_TRUE(cleaner->task.has_value());
  EXPECT_EQ(cleaner->task->path, "\\Contoso\\Cleanup");
  EXPECT_EQ(cleaner->task->cron, "*/15 6-17 * * *");

  const Application* reporter = by_entry(inv, "Reporter/Reporter.exe");
  ASSERT_NE(reporter, nullptr);
  EXPECT_EQ(reporter->kind, AppKind::kTask);
  ASSERT_TRUE(reporter->task.has_value());
  EXPECT_EQ(reporter->task->path, "\\Contoso\\Weekly Report");
  EXPECT_EQ(reporter->task->cron, "30 7 * * 1");
  EXPECT_EQ(reporter->task->arguments, "--week last");
  EXPECT_TRUE(evidence_has(*reporter, "Reporter/deploy/WeeklyReport.xml"));
}

TEST(ScriptTaskApps, TheJobsConfigsInTheirOwnFilesAreRead) {
  Inventory inv = collect({(test::fixtures() / "configs" / "jobs").string()});
  const Application* exporter = by_entry(inv, "Exporter/Exporter.exe");
  ASSERT_NE(exporter, nullptr);
  bool nlog_targets = false;
  for (const auto& c : exporter->configs) {
    if (c.path != "Exporter/nlog.targets.config") continue;
    nlog_targets = true;
    EXPECT_EQ(c.included_by, "Exporter/NLog.config (nlog include file)");
    EXPECT_EQ(c.log_paths,
              std::vector<std::string>{"E:\\JobLogs\\Exporter\\export-${shortdate}.log"});
  }
  EXPECT_TRUE(nlog_targets);
  const Application* cleaner = by_entry(inv, "Cleaner/Cleaner.exe");
  ASSERT_NE(cleaner, nullptr);
  bool json = false;
  for (const auto& c : cleaner->configs) {
    if (c.path != "Cleaner/appsettings.json") continue;
    json = true;
    EXPECT_EQ(c.log_paths, std::vector<std::string>{"E:\\JobLogs\\Cleaner\\cleaner-.log"});
    EXPECT_EQ(c.drive_paths,
              (std::vector<std::string>{"E:\\JobLogs\\Cleaner\\cleaner-.log", "G:\\Incoming",
                                        "\\\\fs02\\archive$\\incoming"}));
  }
  EXPECT_TRUE(json);
}

TEST(ScriptTaskApps, AProgramOfAnotherNameOrOfWindowsIsLeftAlone) {
  test::TempDir dir;
  std::filesystem::copy(test::fixtures() / "configs/jobs/Exporter/Exporter.exe",
                        dir.path() / "Tool.exe");
  dir.write("setup.cmd",
            "schtasks /create /tn A /tr \"C:\\Other\\Other.exe\" /sc daily /st 01:00\n"
            "schtasks /create /tn B /tr \"powershell.exe -File C:\\x.ps1\" /sc daily\n");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  EXPECT_NE(inv.apps[0].kind, AppKind::kTask);
  EXPECT_FALSE(inv.apps[0].task.has_value());
  // The task whose program is not here is said, once; PowerShell's is Windows' own.
  std::vector<std::string> said;
  for (const auto& p : inv.problems) {
    if (p.message.find("scheduled task") != std::string::npos) said.push_back(p.message);
  }
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(said[0],
            "line 1: registers the scheduled task '\\A' to run C:\\Other\\Other.exe, which is "
            "not a program found in this source: the task is not planned");
  bool at_script = false;
  for (const auto& p : inv.problems) at_script = at_script || p.path.ends_with("/setup.cmd");
  EXPECT_TRUE(at_script);
}

TEST(ScriptTaskApps, ProgramsOfTheSameNameNoneNearerTheScriptAreAProblem) {
  test::TempDir dir;
  for (const char* folder : {"a", "b"}) {
    std::filesystem::create_directories(dir.path() / folder);
    std::filesystem::copy(test::fixtures() / "configs/jobs/Exporter/Exporter.exe",
                          dir.path() / folder / "Tool.exe");
  }
  dir.write("setup.cmd", "schtasks /create /tn T /tr \"C:\\Apps\\Tool.exe\" /sc daily /st 01:00\n");
  Inventory inv = collect({dir.path().string()});
  for (const auto& a : inv.apps) EXPECT_FALSE(a.task.has_value()) << a.entry;
  std::string said;
  for (const auto& p : inv.problems) said += p.message + "\n";
  EXPECT_NE(said.find("line 1: registers the scheduled task '\\T' to run C:\\Apps\\Tool.exe, and "
                      "2 programs here are named Tool.exe, none nearer the script than the "
                      "others: the task is not planned"),
            std::string::npos)
      << said;
}

}  // namespace
}  // namespace liftshift
