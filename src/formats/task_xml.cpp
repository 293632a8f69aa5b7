#include "formats/task_xml.hpp"

#include <fmt/format.h>

#include "core/numbers.hpp"
#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/format_util.hpp"

namespace liftshift {

namespace {

using fmt_util::child;
using fmt_util::name_is;

std::string text_of(const pugi::xml_node& node) { return trim(node.child_value()); }

// "2015-01-01T02:30:00" -> {2, 30}; {-1, -1} when it cannot be read.
std::pair<int, int> hour_minute(std::string_view boundary) {
  auto t = boundary.find('T');
  if (t == std::string_view::npos || boundary.size() < t + 6) return {-1, -1};
  return {leading_number<int>(boundary.substr(t + 1, 2)).value_or(-1),
          leading_number<int>(boundary.substr(t + 4, 2)).value_or(-1)};
}

// "PT15M" -> 15, "PT1H" -> 60; 0 when not a whole number of minutes under a day.
int interval_minutes(std::string_view iso) {
  if (!istarts_with(iso, "PT")) return 0;
  auto n = split_leading_number<int>(iso.substr(2));
  if (!n || n->rest.empty()) return 0;
  if (n->rest.front() == 'M') return n->value;
  if (n->rest.front() == 'H') return n->value * 60;
  return 0;
}

const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                       "Thursday", "Friday", "Saturday"};

void read_trigger(const pugi::xml_node& trigger, TaskInfo& info) {
  std::string_view kind = fmt_util::local_name(trigger.name());
  auto [h, m] = hour_minute(text_of(child(trigger, "StartBoundary")));
  std::string hhmm = h >= 0 ? fmt::format("{:02}:{:02}", h, m) : "";
  int every = interval_minutes(text_of(child(child(trigger, "Repetition"), "Interval")));
  std::string cron;
  std::string readable;
  if (kind == "BootTrigger") {
    readable = "at system startup";
  } else if (kind == "LogonTrigger") {
    readable = "at logon";
  } else if (kind == "IdleTrigger") {
    readable = "when the computer is idle";
  } else if (kind == "EventTrigger") {
    readable = "on an event log event";
  } else if (kind == "TimeTrigger") {
    readable = std::string("once at ") + hhmm;
  } else if (kind == "CalendarTrigger") {
    if (auto day = child(trigger, "ScheduleByDay")) {
      std::string n = text_of(child(day, "DaysInterval"));
      bool daily = n.empty() || n == "1";
      readable = (daily ? "daily" : "every " + n + " days") + std::string(" at ") + hhmm;
      if (h >= 0)
        cron =
            std::to_string(m) + " " + std::to_string(h) + (daily ? " * * *" : " */" + n + " * *");
    } else if (auto week = child(trigger, "ScheduleByWeek")) {
      std::string days;
      std::string names;
      for (int d = 0; d < 7; ++d) {
        if (child(child(week, "DaysOfWeek"), kDays[d])) {
          days += (days.empty() ? "" : ",") + std::to_string(d);
          names += (names.empty() ? "" : ", ") + std::string(kDays[d]);
        }
      }
      readable = "weekly on " + names + " at " + hhmm;
      if (h >= 0 && !days.empty())
        cron = std::to_string(m) + " " + std::to_string(h) + " * * " + days;
    } else if (auto month = child(trigger, "ScheduleByMonth")) {
      std::string days;
      for (auto d : child(month, "DaysOfMonth").children()) {
        if (name_is(d, "Day")) days += (days.empty() ? "" : ",") + text_of(d);
      }
      readable = "monthly on day " + days + " at " + hhmm;
      if (h >= 0 && !days.empty())
        cron = std::to_string(m) + " " + std::to_string(h) + " " + days + " * *";
    } else {
      readable = std::string("on a calendar schedule from ") + hhmm;
    }
  } else {
    readable = std::string(kind);
  }
  if (every > 0 && every < 60 && 60 % every == 0) {
    readable += ", repeating every " + std::to_string(every) + " minutes";
    cron = "*/" + std::to_string(every) + " * * * *";
  } else if (every > 0) {
    readable += ", repeating every " + std::to_string(every) + " minutes";
  }
  info.triggers.push_back(readable);
  if (info.cron.empty()) info.cron = cron;
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
    if (t.type() == pugi::node_element && ++triggers <= 32) read_trigger(t, out.info);
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
