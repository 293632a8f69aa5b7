#include "formats/script_tasks.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace liftshift {
namespace {

using Crons = std::vector<std::string>;

std::vector<ScriptTask> cmd(const std::string& text) {
  return find_script_tasks(text, "install.cmd");
}

ScriptTask only(const std::vector<ScriptTask>& tasks) {
  EXPECT_EQ(tasks.size(), 1u);
  return tasks.empty() ? ScriptTask{} : tasks.front();
}

Crons crons(const ScriptTask& t) {
  Crons out;
  for (const auto& tr : t.info.triggers) out.insert(out.end(), tr.crons.begin(), tr.crons.end());
  return out;
}

TEST(ScriptTasks, TheFixturesInstallScriptRegistersANightlyTaskBesideIt) {
  const auto text =
      test::read_text(test::source_dir() / "tests/fixtures/configs/jobs/Exporter/install-task.cmd");
  ScriptTask t = only(find_script_tasks(text, "Exporter/install-task.cmd"));
  EXPECT_EQ(t.file, "Exporter/install-task.cmd");
  EXPECT_EQ(t.line, 8);  // the line the continued command starts on
  EXPECT_EQ(t.info.path, "\\Contoso\\Nightly Export");
  EXPECT_EQ(t.info.command, "Exporter.exe");
  EXPECT_EQ(t.beside_script, "Exporter.exe");
  EXPECT_EQ(t.info.arguments, "--mode nightly");
  EXPECT_EQ(t.info.user, "CONTOSO\\svc_export");
  ASSERT_EQ(t.info.triggers.size(), 1u);
  EXPECT_EQ(t.info.triggers[0].text, "daily at 02:00");
  EXPECT_EQ(t.info.cron, "0 2 * * *");
  // The /rp password is never kept.
  EXPECT_EQ(t.info.arguments.find("Cfg15"), std::string::npos);
  EXPECT_EQ(t.info.user.find("Cfg15"), std::string::npos);
}

TEST(ScriptTasks, WeeklyMonthlyAndRepeatingSchedules) {
  ScriptTask weekly = only(cmd(
      R"(schtasks.exe /Create /TN "Backup" /TR "C:\Tools\backup.exe /full" /SC WEEKLY /D MON,FRI /ST 22:30)"));
  EXPECT_EQ(weekly.info.command, "C:\\Tools\\backup.exe");
  EXPECT_EQ(weekly.info.arguments, "/full");
  EXPECT_EQ(crons(weekly), Crons{"30 22 * * 1,5"});

  ScriptTask last = only(
      cmd(R"(schtasks /create /tn Close /tr C:\x\close.exe /sc monthly /mo LASTDAY /st 23:00)"));
  EXPECT_TRUE(last.info.triggers[0].text.find("the last day") != std::string::npos)
      << last.info.triggers[0].text;
  EXPECT_GE(crons(last).size(), 3u);  // one schedule per month length

  ScriptTask first_monday =
      only(cmd(R"(schtasks /create /tn R /tr C:\x\r.exe /sc monthly /mo first /d mon /st 06:00)"));
  EXPECT_EQ(first_monday.info.triggers[0].text, "monthly on the first Monday at 06:00");

  ScriptTask every10 =
      only(cmd(R"(schtasks /create /tn Poll /tr C:\x\poll.exe /sc minute /mo 10)"));
  EXPECT_EQ(crons(every10), Crons{"*/10 * * * *"});

  ScriptTask boot =
      only(cmd(R"(schtasks /create /tn Boot /tr C:\x\boot.exe /sc onstart /ru SYSTEM)"));
  EXPECT_EQ(boot.info.triggers[0].text, "at system startup");
  EXPECT_TRUE(boot.info.cron.empty());
}

// A huge hourly interval is clamped, never an int overflow into a negative repetition.
TEST(ScriptTasks, AHugeHourlyIntervalIsClamped) {
  ScriptTask t =
      only(cmd(R"(schtasks /create /tn Rare /tr C:\x\rare.exe /sc hourly /mo 99999999 /st 01:00)"));
  ASSERT_EQ(t.info.triggers.size(), 1u);
  EXPECT_NE(t.info.triggers[0].text.find("repeating every"), std::string::npos)
      << t.info.triggers[0].text;
  EXPECT_EQ(t.info.triggers[0].text.find("-"), std::string::npos) << t.info.triggers[0].text;
}

// A script that names neither schtasks nor a ScheduledTask command has no task.
TEST(ScriptTasks, ScriptsWithoutSchedulingCommandsHaveNoTasks) {
  EXPECT_TRUE(cmd("copy a b\necho /create /tn X /tr C:\\x.exe /sc daily\n").empty());
  EXPECT_TRUE(find_script_tasks("Start-Service W3SVC\n", "setup.ps1").empty());
  EXPECT_EQ(cmd("SCHTASKS /Create /TN A /TR C:\\a.exe /SC DAILY\n").size(), 1u);
}

TEST(ScriptTasks, OnlyCreatesCountAndCommentsAreNoCommands) {
  EXPECT_TRUE(cmd("schtasks /query /tn X\nschtasks /delete /tn X /f\n"
                  "rem schtasks /create /tn Old /tr C:\\old.exe /sc daily\n"
                  ":: schtasks /create /tn Old /tr C:\\old.exe /sc daily\n"
                  "echo myschtasks /create /tn Y /tr C:\\y.exe\n")
                  .empty());
}

TEST(ScriptTasks, RegisterScheduledTaskInPowerShell) {
  const auto text = test::read_text(test::source_dir() /
                                    "tests/fixtures/configs/jobs/Cleaner/Register-CleanupTask.ps1");
  ScriptTask t = only(find_script_tasks(text, "Cleaner/Register-CleanupTask.ps1"));
  EXPECT_EQ(t.info.path, "\\Contoso\\Cleanup");
  EXPECT_EQ(t.info.command, "Cleaner.exe");
  EXPECT_EQ(t.beside_script, "Cleaner.exe");
  EXPECT_EQ(t.info.arguments, "--older-than 30");
  ASSERT_EQ(t.info.triggers.size(), 1u);
  EXPECT_EQ(t.info.triggers[0].text, "daily at 06:00, repeating every 15 minutes for 12 hours");
  EXPECT_EQ(crons(t), Crons{"*/15 6-17 * * *"});
}

TEST(ScriptTasks, PowerShellTriggersByVariableAndInline) {
  auto tasks = find_script_tasks(R"(
$a = New-ScheduledTaskAction -Execute 'C:\Program Files\Contoso\Sync.exe' -Argument "--all"
$t1 = New-ScheduledTaskTrigger -Weekly -DaysOfWeek Monday, Thursday -At '7:15 PM'
$t2 = New-ScheduledTaskTrigger -AtStartup
Register-ScheduledTask -TaskName "Sync" -Action $a -Trigger $t1,$t2 -User 'CONTOSO\svc_sync' -Password 'Ps-Pw-1!'
# Register-ScheduledTask -TaskName Old -Action $a
)",
                                 "deploy/tasks.ps1");
  ScriptTask t = only(tasks);
  EXPECT_EQ(t.info.path, "\\Sync");
  EXPECT_EQ(t.info.command, "C:\\Program Files\\Contoso\\Sync.exe");
  EXPECT_EQ(t.info.user, "CONTOSO\\svc_sync");
  ASSERT_EQ(t.info.triggers.size(), 2u);
  EXPECT_EQ(t.info.triggers[0].text, "weekly on Monday and Thursday at 19:15");
  EXPECT_EQ(t.info.triggers[1].text, "at system startup");
  EXPECT_EQ(t.info.cron, "15 19 * * 1,4");
}

TEST(ScriptTasks, HostileScriptsNeverCrashOrKeepPasswords) {
  const std::vector<std::string> inputs = {
      "schtasks /create /tr \"",
      "schtasks /create /tn \"$(rm -rf /)\" /tr \"$(calc.exe)\" /sc daily /st 99:99",
      "schtasks /create /tn x /tr C:\\a.exe /sc weekly /d NOPE,,, /mo -5 /ri abc /du zz",
      "schtasks /create /tn x /tr C:\\a.exe /rp Hostile-Pw-9 /sc once /sd 13/45/2020 /st 25:00",
      "schtasks ^\n^\n^\n/create /tr C:\\a.exe",
      std::string(200000, '^') + "\nschtasks /create /tr C:\\b.exe /sc daily",
      "Register-ScheduledTask -Action $nothing -Password 'Hostile-Pw-9'",
      "$a = New-ScheduledTaskAction -Execute ((((((('C:\\x.exe'\nRegister-ScheduledTask -TaskName "
      "'$(Get-Secret)' -Action $a -Trigger (New-ScheduledTaskTrigger -Daily -At (Get-Date))",
      std::string("schtasks /create /tn \"a\0b\" /tr C:\\c.exe /sc daily", 48),
  };
  for (const auto& in : inputs) {
    for (const char* name : {"x.cmd", "x.ps1"}) {
      for (const auto& t : find_script_tasks(in, name)) {
        std::string all = t.info.path + t.info.command + t.info.arguments + t.info.user;
        for (const auto& tr : t.info.triggers) all += tr.text;
        EXPECT_EQ(all.find("Hostile-Pw-9"), std::string::npos) << in;
      }
    }
  }
  // A huge script is read up to its cap, and a task at the start is still found.
  std::string huge =
      "schtasks /create /tn Big /tr C:\\big.exe /sc daily /st 01:00\n" + std::string(6u << 20, 'x');
  EXPECT_EQ(find_script_tasks(huge, "big.cmd").size(), 1u);
}

}  // namespace
}  // namespace liftshift
