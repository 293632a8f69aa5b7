#include "formats/task_xml.hpp"

#include <algorithm>

#include "core/numbers.hpp"
#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/format_util.hpp"
#include "formats/task_schedule.hpp"

namespace liftshift {

namespace {

using fmt_util::child;
using fmt_util::name_is;

std::string text_of(const pugi::xml_node& node) { return trim(node.child_value()); }

// "2015-01-01T02:30:00[.fff][Z|+02:00]" into t; false when it cannot be read.
bool read_start(std::string_view boundary, TriggerTimes& t) {
  if (boundary.size() < 16 || boundary[4] != '-' || boundary[7] != '-' ||
      (boundary[10] != 'T' && boundary[10] != 't') || boundary[13] != ':')
    return false;
  auto y = parse_number<int>(boundary.substr(0, 4));
  auto mo = parse_number<int>(boundary.substr(5, 2));
  auto d = parse_number<int>(boundary.substr(8, 2));
  auto h = parse_number<int>(boundary.substr(11, 2));
  auto mi = parse_number<int>(boundary.substr(14, 2));
  if (!y || !mo || !d || !h || !mi || *mo < 1 || *mo > 12 || *d < 1 || *d > 31 || *h > 23 ||
      *mi > 59)
    return false;
  t.year = *y;
  t.month = *mo;
  t.day = *d;
  t.start_minute = *h * 60 + *mi;
  // The offset follows the seconds and their fraction, when there is one.
  std::string_view rest = boundary.substr(16);
  auto zone = rest.find_first_of("Zz+-");
  t.offset = zone == std::string_view::npos ? "" : std::string(rest.substr(zone));
  t.has_start = true;
  return true;
}

const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                       "Thursday", "Friday", "Saturday"};
const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

int positive_or(std::string_view text, int fallback) {
  auto n = parse_number<int>(trim(text));
  return n && *n > 0 ? *n : fallback;
}

std::vector<int> days_of_week(const pugi::xml_node& parent) {
  std::vector<int> out;
  for (int d = 0; d < 7; ++d) {
    if (child(child(parent, "DaysOfWeek"), kDays[d])) out.push_back(d);
  }
  return out;
}

std::vector<int> months(const pugi::xml_node& parent) {
  std::vector<int> out;
  for (int m = 0; m < 12; ++m) {
    if (child(child(parent, "Months"), kMonths[m])) out.push_back(m + 1);
  }
  return out;
}

TriggerTimes read_times(const pugi::xml_node& trigger) {
  TriggerTimes t;
  std::string_view kind = fmt_util::local_name(trigger.name());
  t.enabled = !iequals(text_of(child(trigger, "Enabled")), "false");
  read_start(text_of(child(trigger, "StartBoundary")), t);
  auto repetition = child(trigger, "Repetition");
  std::string interval = text_of(child(repetition, "Interval"));
  if (!interval.empty()) {
    t.repeat_minutes = duration_minutes(interval);
    if (t.repeat_minutes == 0) t.unreadable = interval;
    t.duration_minutes = duration_minutes(text_of(child(repetition, "Duration")));
  }
  if (kind == "BootTrigger") {
    t.event = "at system startup";
  } else if (kind == "LogonTrigger") {
    t.event = "at logon";
  } else if (kind == "IdleTrigger") {
    t.event = "when the computer is idle";
  } else if (kind == "EventTrigger") {
    t.event = "on an event log event";
  } else if (kind == "RegistrationTrigger") {
    t.event = "when the task is registered";
  } else if (kind == "SessionStateChangeTrigger") {
    t.event = "when a user session connects, disconnects, locks or unlocks";
  } else if (kind == "TimeTrigger") {
    t.kind = TriggerTimes::Kind::kOnce;
  } else if (kind == "CalendarTrigger") {
    if (auto day = child(trigger, "ScheduleByDay")) {
      t.kind = TriggerTimes::Kind::kDaily;
      t.days_interval = positive_or(text_of(child(day, "DaysInterval")), 1);
    } else if (auto week = child(trigger, "ScheduleByWeek")) {
      t.kind = TriggerTimes::Kind::kWeekly;
      t.weeks_interval = positive_or(text_of(child(week, "WeeksInterval")), 1);
      t.days_of_week = days_of_week(week);
    } else if (auto month = child(trigger, "ScheduleByMonth")) {
      t.kind = TriggerTimes::Kind::kMonthly;
      t.months = months(month);
      for (auto d : child(month, "DaysOfMonth").children()) {
        if (!name_is(d, "Day")) continue;
        std::string v = text_of(d);
        if (iequals(v, "Last")) {
          t.last_day_of_month = true;
        } else if (auto n = parse_number<int>(v); n && *n >= 1 && *n <= 31) {
          t.days_of_month.push_back(*n);
        }
      }
      std::sort(t.days_of_month.begin(), t.days_of_month.end());
    } else if (auto dow = child(trigger, "ScheduleByMonthDayOfWeek")) {
      t.kind = TriggerTimes::Kind::kMonthlyDayOfWeek;
      t.months = months(dow);
      t.days_of_week = days_of_week(dow);
      for (auto w : child(dow, "Weeks").children()) {
        if (!name_is(w, "Week")) continue;
        std::string v = text_of(w);
        if (iequals(v, "Last")) {
          t.weeks.push_back(5);
        } else if (auto n = parse_number<int>(v); n && *n >= 1 && *n <= 4) {
          t.weeks.push_back(*n);
        }
      }
      std::sort(t.weeks.begin(), t.weeks.end());
      t.weeks.erase(std::unique(t.weeks.begin(), t.weeks.end()), t.weeks.end());
    } else {
      t.event = "on a calendar schedule this version does not read";
    }
  } else {
    t.event = "on a " + std::string(kind);
  }
  return t;
}

}  // namespace

Result<TaskFacts> parse_task_xml(std::string_view xml_text, const std::string& task_path) {
  auto doc = fmt_util::load_xml(xml_text, task_path);
  if (!doc) return doc.error();
  auto task = child(**doc, "Task");
  if (!task) return make_error(task_path + ": not a Task Scheduler task (no <Task> element)");
  TaskFacts out;
  auto reg = child(task, "RegistrationInfo");
  out.author = text_of(child(reg, "Author"));
  std::string uri = text_of(child(reg, "URI"));
  out.info.path = uri.empty() ? task_path : uri;
  auto settings = child(task, "Settings");
  out.enabled = !iequals(text_of(child(settings, "Enabled")), "false");
  out.hidden = iequals(text_of(child(settings, "Hidden")), "true");
  for (auto p : child(task, "Principals").children()) {
    if (!name_is(p, "Principal")) continue;
    out.info.user = text_of(child(p, "UserId"));
    if (out.info.user.empty()) out.info.user = text_of(child(p, "GroupId"));
    break;
  }
  std::size_t triggers = 0;
  for (auto t : child(task, "Triggers").children()) {
    if (t.type() != pugi::node_element || ++triggers > 32) continue;
    out.info.triggers.push_back(schedule_trigger(read_times(t)));
    const TaskTrigger& added = out.info.triggers.back();
    if (out.info.cron.empty() && added.enabled && !added.crons.empty())
      out.info.cron = added.crons.front();
  }
  for (auto a : child(task, "Actions").children()) {
    if (name_is(a, "Exec")) {
      out.info.command = text_of(child(a, "Command"));
      // Arguments can carry a password ("--password x"): masked before anything keeps it.
      out.info.arguments = mask_command_line(text_of(child(a, "Arguments")));
      break;
    }
    if (name_is(a, "ComHandler")) out.info.command = "COM handler " + text_of(child(a, "ClassId"));
  }
  return out;
}

}  // namespace liftshift
