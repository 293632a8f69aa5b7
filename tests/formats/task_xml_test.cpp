#include "formats/task_xml.hpp"

#include <gtest/gtest.h>

#include "collect/parsed_files.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::string task(const std::string& triggers) {
  return R"(<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><Author>CONTOSO\ops</Author></RegistrationInfo>
  <Triggers>)" +
         triggers + R"(</Triggers>
  <Actions Context="Author"><Exec><Command>C:\Jobs\job.exe</Command></Exec></Actions>
</Task>)";
}

TEST(TaskXml, ReadsTheNightlyExportAsWindowsStoresIt) {
  // As stored under Windows\System32\Tasks: UTF-16 LE with a byte-order mark.
  auto bytes = test::read_bytes(test::fixtures() /
                                "servers/appsrv01/Windows/System32/Tasks/Contoso/Nightly Export");
  ASSERT_EQ(bytes[0], 0xFF);
  auto r = parse_task_xml(decode_text(bytes), "Contoso/Nightly Export");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->info.path, "\\Contoso\\Nightly Export");
  EXPECT_EQ(r->author, "CONTOSO\\jsmith");
  EXPECT_EQ(r->info.user, "CONTOSO\\svc_batch");
  EXPECT_EQ(r->info.command, "C:\\Apps\\NightlyExport\\Contoso.NightlyExport.exe");
  EXPECT_EQ(r->info.arguments, "/full");
  EXPECT_EQ(r->info.triggers, std::vector<std::string>{"daily at 02:00"});
  EXPECT_EQ(r->info.cron, "0 2 * * *");
  EXPECT_TRUE(r->enabled);
}

TEST(TaskXml, WeeklyMonthlyRepeatingAndBootTriggers) {
  auto weekly =
      parse_task_xml(task(R"(<CalendarTrigger><StartBoundary>2020-01-01T23:15:00</StartBoundary>
      <ScheduleByWeek><WeeksInterval>1</WeeksInterval><DaysOfWeek><Monday/><Thursday/></DaysOfWeek></ScheduleByWeek>
      </CalendarTrigger>)"),
                     "\\w");
  ASSERT_TRUE(weekly.ok());
  EXPECT_EQ(weekly->info.triggers[0], "weekly on Monday, Thursday at 23:15");
  EXPECT_EQ(weekly->info.cron, "15 23 * * 1,4");
  auto monthly =
      parse_task_xml(task(R"(<CalendarTrigger><StartBoundary>2020-01-01T06:00:00</StartBoundary>
      <ScheduleByMonth><DaysOfMonth><Day>1</Day><Day>15</Day></DaysOfMonth></ScheduleByMonth></CalendarTrigger>)"),
                     "\\m");
  EXPECT_EQ(monthly->info.cron, "0 6 1,15 * *");
  auto repeating =
      parse_task_xml(task(R"(<TimeTrigger><StartBoundary>2020-01-01T00:00:00</StartBoundary>
      <Repetition><Interval>PT15M</Interval></Repetition></TimeTrigger>)"),
                     "\\r");
  EXPECT_EQ(repeating->info.cron, "*/15 * * * *");
  EXPECT_EQ(repeating->info.triggers[0], "once at 00:00, repeating every 15 minutes");
  auto boot = parse_task_xml(task("<BootTrigger/>"), "\\b");
  EXPECT_EQ(boot->info.triggers[0], "at system startup");
  EXPECT_EQ(boot->info.cron, "");
  EXPECT_EQ(boot->info.path, "\\b");  // no URI: the path under the Tasks folder
}

TEST(TaskXml, RejectsWhatIsNotATask) {
  auto r = parse_task_xml("<NotATask/>", "\\x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "\\x: not a Task Scheduler task (no <Task> element)");
  auto broken = parse_task_xml("<Task><Actions>", "\\y");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("\\y: XML error"), std::string::npos);
}

}  // namespace
}  // namespace liftshift
