#include "formats/task_xml.hpp"

#include <gtest/gtest.h>

#include "collect/parsed_files.hpp"
#include "core/cron.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using Crons = std::vector<std::string>;

std::string task(const std::string& triggers) {
  return R"(<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><Author>CONTOSO\ops</Author></RegistrationInfo>
  <Triggers>)" +
         triggers + R"(</Triggers>
  <Actions Context="Author"><Exec><Command>C:\Jobs\job.exe</Command></Exec></Actions>
</Task>)";
}

// The one trigger of a task with `trigger` as its only trigger.
TaskTrigger only(const std::string& trigger) {
  auto r = parse_task_xml(task(trigger), "\\t");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r->info.triggers.size(), 1u);
  return r->info.triggers.empty() ? TaskTrigger{} : r->info.triggers[0];
}

std::string calendar(const std::string& start, const std::string& schedule,
                     const std::string& repetition = "") {
  return "<CalendarTrigger><StartBoundary>" + start + "</StartBoundary>" + repetition + schedule +
         "</CalendarTrigger>";
}

std::string repeat(const std::string& interval, const std::string& duration = "") {
  return "<Repetition><Interval>" + interval + "</Interval>" +
         (duration.empty() ? "" : "<Duration>" + duration + "</Duration>") + "</Repetition>";
}

const std::string kDaily = "<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>";

bool mentions(const TaskTrigger& t, const std::string& text) {
  for (const auto& n : t.notes) {
    if (n.find(text) != std::string::npos) return true;
  }
  return false;
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
  ASSERT_EQ(r->info.triggers.size(), 1u);
  EXPECT_EQ(r->info.triggers[0].text, "daily at 02:00");
  EXPECT_EQ(r->info.triggers[0].crons, Crons{"0 2 * * *"});
  EXPECT_EQ(r->info.triggers[0].time_zone, "");  // the server's local time
  EXPECT_EQ(r->info.cron, "0 2 * * *");
  EXPECT_TRUE(r->enabled);
}

TEST(TaskXml, WeeklyOnSeveralDays) {
  auto t = only(calendar("2020-01-01T23:15:00",
                         "<ScheduleByWeek><WeeksInterval>1</WeeksInterval><DaysOfWeek><Monday/>"
                         "<Thursday/></DaysOfWeek></ScheduleByWeek>"));
  EXPECT_EQ(t.text, "weekly on Monday and Thursday at 23:15");
  EXPECT_EQ(t.crons, Crons{"15 23 * * 1,4"});
  EXPECT_TRUE(t.notes.empty());
}

TEST(TaskXml, EveryOtherWeekRunsWeeklyAndSaysSo) {
  auto t = only(calendar("2020-01-01T08:00:00",
                         "<ScheduleByWeek><WeeksInterval>2</WeeksInterval><DaysOfWeek><Friday/>"
                         "</DaysOfWeek></ScheduleByWeek>"));
  EXPECT_EQ(t.crons, Crons{"0 8 * * 5"});
  EXPECT_TRUE(mentions(t, "every 2 weeks: cron has no week counter"));
}

TEST(TaskXml, MonthlyDaysAndMonths) {
  auto t = only(calendar("2020-01-01T06:00:00",
                         "<ScheduleByMonth><DaysOfMonth><Day>1</Day><Day>15</Day></DaysOfMonth>"
                         "<Months><January/><April/><July/><October/></Months></ScheduleByMonth>"));
  EXPECT_EQ(t.text, "monthly on day 1 and 15 in January, April, July and October at 06:00");
  EXPECT_EQ(t.crons, Crons{"0 6 1,15 */3 *"});  // January, April, July, October
  EXPECT_TRUE(t.notes.empty());
}

TEST(TaskXml, LastDayOfTheMonthIsOneScheduleForEachMonthLength) {
  // Kubernetes reads no "L": raw "Last" in the day field made an invalid CronJob.
  auto t = only(calendar("2020-01-01T22:30:00",
                         "<ScheduleByMonth><DaysOfMonth><Day>15</Day><Day>Last</Day>"
                         "</DaysOfMonth></ScheduleByMonth>"));
  EXPECT_EQ(t.crons, (Crons{"30 22 15 * *", "30 22 31 1,3,5,7,8,10,12 *", "30 22 30 4,6,9,11 *",
                            "30 22 28 2 *"}));
  EXPECT_TRUE(mentions(t, "in a leap year February's run is on the 28th"));
  // Only the months the trigger names.
  auto q = only(calendar("2020-01-01T22:30:00",
                         "<ScheduleByMonth><DaysOfMonth><Day>Last</Day></DaysOfMonth><Months>"
                         "<March/><June/></Months></ScheduleByMonth>"));
  EXPECT_EQ(q.crons, (Crons{"30 22 31 3 *", "30 22 30 6 *"}));
  EXPECT_FALSE(mentions(q, "leap year"));
}

TEST(TaskXml, MonthlyDayOfWeekRunsOnEverySuchWeekdayAndSaysSo) {
  auto t = only(calendar("2020-01-01T05:00:00",
                         "<ScheduleByMonthDayOfWeek><Weeks><Week>1</Week><Week>Last</Week></Weeks>"
                         "<DaysOfWeek><Monday/></DaysOfWeek></ScheduleByMonthDayOfWeek>"));
  EXPECT_EQ(t.text, "monthly on the first and last Monday at 05:00");
  EXPECT_EQ(t.crons, Crons{"0 5 * * 1"});
  EXPECT_TRUE(mentions(t, "cron cannot name a weekday's place in the month"));
}

TEST(TaskXml, DaysIntervalIsAStepInTheDayOfMonthWithAWarning) {
  // Raw DaysInterval text landed in the cron string before.
  auto t = only(calendar("2020-01-01T03:00:00",
                         "<ScheduleByDay><DaysInterval>3</DaysInterval></ScheduleByDay>"));
  EXPECT_EQ(t.text, "every 3 days at 03:00");
  EXPECT_EQ(t.crons, Crons{"0 3 */3 * *"});
  EXPECT_TRUE(mentions(t, "runs on days 1, 4, ... of every month"));
  auto rare = only(calendar("2020-01-09T03:00:00",
                            "<ScheduleByDay><DaysInterval>45</DaysInterval></ScheduleByDay>"));
  EXPECT_EQ(rare.crons, Crons{"0 3 9 * *"});
  EXPECT_TRUE(mentions(rare, "once a month on day 9"));
}

TEST(TaskXml, RepetitionsUnderAnHour) {
  auto t = only(calendar("2020-01-01T00:00:00", kDaily, repeat("PT5M", "P1D")));
  EXPECT_EQ(t.crons, Crons{"*/5 * * * *"});
  EXPECT_EQ(t.text, "daily at 00:00, repeating every 5 minutes for 1 day");
  // Aligned to the start minute, not to the hour.
  auto off = only(calendar("2020-01-01T00:07:00", kDaily, repeat("PT15M")));
  EXPECT_EQ(off.crons, Crons{"7-52/15 * * * *"});
  EXPECT_TRUE(off.notes.empty());
}

TEST(TaskXml, RepetitionWithADurationIsAWindowOfHours) {
  // Every 15 minutes from 08:10 for 2 hours: 08:10 .. 09:55, not "every 15 minutes every day".
  auto t = only(calendar("2020-01-01T08:10:00", kDaily, repeat("PT15M", "PT2H")));
  EXPECT_EQ(t.crons, Crons{"10-55/15 8,9 * * *"});
  // A window that does not end on the hour needs a second line.
  auto part = only(calendar("2020-01-01T08:00:00", kDaily, repeat("PT10M", "PT1H30M")));
  EXPECT_EQ(part.crons, (Crons{"*/10 8 * * *", "0-20/10 9 * * *"}));
  // A window across midnight.
  auto night = only(calendar("2020-01-01T23:00:00", kDaily, repeat("PT30M", "PT2H")));
  EXPECT_EQ(night.crons, Crons{"0,30 0,23 * * *"});
}

TEST(TaskXml, RepetitionsOfAnHourOrMoreAreKept) {
  // They were dropped before: a task every hour ran once a day.
  auto hourly = only(calendar("2020-01-01T08:00:00", kDaily, repeat("PT1H", "PT10H")));
  EXPECT_EQ(hourly.crons, Crons{"0 8-17 * * *"});
  auto two = only(calendar("2020-01-01T01:30:00", kDaily, repeat("PT2H")));
  EXPECT_EQ(two.crons, Crons{"30 1-23/2 * * *"});
  // Every 90 minutes: two lines, one for even and one for odd hours.
  auto ninety = only(calendar("2020-01-01T00:00:00", kDaily, repeat("PT90M")));
  EXPECT_EQ(ninety.crons, (Crons{"0 */3 * * *", "30 1-22/3 * * *"}));
  EXPECT_TRUE(ninety.notes.empty());
  // Every 7 minutes does not divide a day: the runs drift, and it says so.
  auto seven = only(calendar("2020-01-01T00:00:00", kDaily, repeat("PT7M")));
  EXPECT_TRUE(mentions(seven, "does not divide the trigger's period evenly"));
}

TEST(TaskXml, WeeklyWindowAcrossMidnightMovesToTheNextWeekday) {
  auto t = only(calendar("2020-01-01T23:30:00",
                         "<ScheduleByWeek><DaysOfWeek><Saturday/></DaysOfWeek></ScheduleByWeek>",
                         repeat("PT1H", "PT2H")));
  EXPECT_EQ(t.crons, (Crons{"30 0 * * 0", "30 23 * * 6"}));
}

TEST(TaskXml, OneTimeTriggersSayTheyRepeatYearly) {
  auto once = only("<TimeTrigger><StartBoundary>2021-03-04T05:06:00</StartBoundary></TimeTrigger>");
  EXPECT_EQ(once.text, "once on 2021-03-04 at 05:06");
  EXPECT_EQ(once.crons, Crons{"6 5 4 3 *"});
  EXPECT_TRUE(mentions(once, "no cron schedule runs only once"));
  // Endless repetition from a point in time: every 15 minutes from then on.
  auto repeating = only("<TimeTrigger><StartBoundary>2020-01-01T00:00:00</StartBoundary>" +
                        repeat("PT15M") + "</TimeTrigger>");
  EXPECT_EQ(repeating.crons, Crons{"*/15 * * * *"});
  EXPECT_EQ(repeating.text, "once on 2020-01-01 at 00:00, repeating every 15 minutes indefinitely");
  EXPECT_TRUE(repeating.notes.empty());
}

TEST(TaskXml, TheStartBoundaryOffsetIsTheTimeZone) {
  EXPECT_EQ(only(calendar("2020-01-01T02:00:00Z", kDaily)).time_zone, "Etc/UTC");
  EXPECT_EQ(only(calendar("2020-01-01T02:00:00+02:00", kDaily)).time_zone, "Etc/GMT-2");
  EXPECT_EQ(only(calendar("2020-01-01T02:00:00.000-05:00", kDaily)).time_zone, "Etc/GMT+5");
  auto india = only(calendar("2020-01-01T02:00:00+05:30", kDaily));
  EXPECT_EQ(india.time_zone, "");
  EXPECT_TRUE(mentions(india, "UTC+05:30"));
  EXPECT_EQ(india.crons, Crons{"0 2 * * *"});
}

TEST(TaskXml, EachTriggerHasItsOwnSchedules) {
  auto r = parse_task_xml(
      task(calendar("2020-01-01T02:00:00", kDaily) +
           calendar("2020-01-01T12:00:00",
                    "<ScheduleByWeek><DaysOfWeek><Sunday/></DaysOfWeek></ScheduleByWeek>") +
           "<BootTrigger/>"),
      "\\several");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->info.triggers.size(), 3u);
  EXPECT_EQ(r->info.triggers[0].crons, Crons{"0 2 * * *"});
  EXPECT_EQ(r->info.triggers[1].crons, Crons{"0 12 * * 0"});
  EXPECT_TRUE(r->info.triggers[2].crons.empty());
  EXPECT_EQ(r->info.cron, "0 2 * * *");
}

TEST(TaskXml, EventTriggersHaveNoCronAndSayWhy) {
  for (const char* xml : {"<BootTrigger/>", "<LogonTrigger/>", "<IdleTrigger/>",
                          "<EventTrigger><Subscription>x</Subscription></EventTrigger>"}) {
    auto t = only(xml);
    EXPECT_TRUE(t.crons.empty()) << xml;
    EXPECT_TRUE(mentions(t, "cron cannot start it on that")) << xml;
  }
  auto boot = parse_task_xml(task("<BootTrigger/>"), "\\b");
  EXPECT_EQ(boot->info.triggers[0].text, "at system startup");
  EXPECT_EQ(boot->info.cron, "");
  EXPECT_EQ(boot->info.path, "\\b");  // no URI: the path under the Tasks folder
}

TEST(TaskXml, DisabledAndUnreadableTriggers) {
  auto off = only(
      "<CalendarTrigger><Enabled>false</Enabled><StartBoundary>2020-01-01T01:00:00"
      "</StartBoundary>" +
      kDaily + "</CalendarTrigger>");
  EXPECT_FALSE(off.enabled);
  EXPECT_EQ(off.text, "daily at 01:00 (disabled)");
  auto r = parse_task_xml(task("<CalendarTrigger><Enabled>false</Enabled><StartBoundary>"
                               "2020-01-01T01:00:00</StartBoundary>" +
                               kDaily + "</CalendarTrigger>"),
                          "\\off");
  EXPECT_EQ(r->info.cron, "");  // a disabled trigger is not the task's schedule
  auto no_start = only("<CalendarTrigger>" + kDaily + "</CalendarTrigger>");
  EXPECT_TRUE(no_start.crons.empty());
  EXPECT_TRUE(mentions(no_start, "no readable start time"));
  auto seconds = only(calendar("2020-01-01T01:00:00", kDaily, repeat("PT30S")));
  EXPECT_EQ(seconds.crons, Crons{"0 1 * * *"});
  EXPECT_TRUE(mentions(seconds, "'PT30S' is not a whole number of minutes"));
  auto no_days = only(calendar("2020-01-01T01:00:00", "<ScheduleByWeek/>"));
  EXPECT_TRUE(no_days.crons.empty());
}

// Every schedule any of these triggers gives is one a CronJob accepts.
TEST(TaskXml, EveryScheduleWrittenIsAValidCron) {
  std::vector<std::string> triggers;
  const char* starts[] = {"2020-01-01T00:00:00", "2020-02-29T23:59:00+14:00",
                          "2020-12-31T12:34:56.789Z", "2020-06-15T07:07:00-12:00"};
  const char* schedules[] = {
      "<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>",
      "<ScheduleByDay><DaysInterval>2</DaysInterval></ScheduleByDay>",
      "<ScheduleByDay><DaysInterval>31</DaysInterval></ScheduleByDay>",
      "<ScheduleByDay><DaysInterval>400</DaysInterval></ScheduleByDay>",
      "<ScheduleByWeek><WeeksInterval>3</WeeksInterval><DaysOfWeek><Sunday/><Saturday/>"
      "</DaysOfWeek></ScheduleByWeek>",
      "<ScheduleByMonth><DaysOfMonth><Day>31</Day><Day>Last</Day><Day>0</Day><Day>32</Day>"
      "</DaysOfMonth><Months><February/><December/></Months></ScheduleByMonth>",
      "<ScheduleByMonthDayOfWeek><Weeks><Week>4</Week></Weeks><DaysOfWeek><Tuesday/>"
      "</DaysOfWeek></ScheduleByMonthDayOfWeek>"};
  const char* repetitions[] = {"",     "PT1M",  "PT7M", "PT45M", "PT1H", "PT90M",
                               "PT5H", "PT23H", "P1D",  "PT0M",  "PT-5M"};
  const char* durations[] = {"", "PT1H", "PT25H", "P8D", "PT1M"};
  for (const char* s : starts) {
    for (const char* sch : schedules) {
      for (const char* rep : repetitions) {
        for (const char* dur : durations) {
          triggers.push_back(calendar(s, sch, *rep ? repeat(rep, dur) : ""));
        }
      }
    }
    triggers.push_back(std::string("<TimeTrigger><StartBoundary>") + s +
                       "</StartBoundary><Repetition><Interval>PT1H</Interval><Duration>PT3H"
                       "</Duration></Repetition></TimeTrigger>");
  }
  std::size_t crons = 0;
  for (const auto& trigger : triggers) {
    auto t = only(trigger);
    for (const auto& c : t.crons) {
      ++crons;
      EXPECT_EQ(cron_problem(c), "") << c << " from " << trigger;
    }
    for (const auto& n : t.notes) EXPECT_EQ(n.find("internal"), std::string::npos) << n;
  }
  EXPECT_GT(crons, triggers.size());
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
