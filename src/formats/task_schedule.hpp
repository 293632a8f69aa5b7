// A Task Scheduler trigger as cron: what it says (read from the task XML by
// task_xml.cpp) and the CronJob schedules that run when it ran, with a note
// wherever cron cannot say exactly the same thing.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

struct TriggerTimes {
  enum class Kind { kOnce, kDaily, kWeekly, kMonthly, kMonthlyDayOfWeek, kNoCalendar };
  Kind kind = Kind::kNoCalendar;
  std::string event;  // kNoCalendar: "at system startup", "at logon"...
  // StartBoundary: the date and the time of day the trigger starts at.
  bool has_start = false;
  int year = 0, month = 0, day = 0;
  int start_minute = 0;  // minutes after midnight
  std::string offset;    // as written after the time: "", "Z", "+02:00"
  int days_interval = 1;
  int weeks_interval = 1;
  std::vector<int> days_of_week;   // 0 Sunday .. 6 Saturday
  std::vector<int> days_of_month;  // 1..31
  bool last_day_of_month = false;
  std::vector<int> months;  // 1..12; empty: every month
  std::vector<int> weeks;   // 1..4, 5 = the last week
  // Repetition: every `repeat_minutes` for `duration_minutes` (0 = indefinitely).
  int repeat_minutes = 0;
  int duration_minutes = 0;
  std::string unreadable;  // a repetition or interval that was not understood, as written
  bool enabled = true;
};

TaskTrigger schedule_trigger(const TriggerTimes& t);

// Minutes in an ISO 8601 duration ("PT15M" 15, "PT1H30M" 90, "P1D" 1440);
// 0 when it is empty, not a duration or under a minute.
int duration_minutes(std::string_view iso);

}  // namespace liftshift
