#include "formats/task_schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/cron.hpp"
#include "core/numbers.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

using Kind = TriggerTimes::Kind;

constexpr int kDay = 1440;
constexpr int kWeek = 7 * kDay;
// More cron lines than this for one trigger is a pattern cron is the wrong tool for.
constexpr std::size_t kMaxLines = 24;

const char* const kDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};
const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
const char* const kWeekNames[] = {"first", "second", "third", "fourth", "last"};

std::string hhmm(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

std::string span(int minutes) {
  if (minutes % kDay == 0)
    return fmt::format("{} day{}", minutes / kDay, minutes == kDay ? "" : "s");
  if (minutes % 60 == 0) return fmt::format("{} hour{}", minutes / 60, minutes == 60 ? "" : "s");
  if (minutes > 60) return fmt::format("{} hours {} minutes", minutes / 60, minutes % 60);
  return fmt::format("{} minute{}", minutes, minutes == 1 ? "" : "s");
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

std::vector<std::string> names(const std::vector<int>& values, const char* const* table, int base) {
  std::vector<std::string> out;
  for (int v : values) out.emplace_back(table[v - base]);
  return out;
}

std::string readable(const TriggerTimes& t) {
  std::string at = t.has_start ? " at " + hhmm(t.start_minute) : "";
  std::string in_months = t.months.empty() || t.months.size() == 12
                              ? ""
                              : " in " + joined(names(t.months, kMonthNames, 1));
  std::string out;
  switch (t.kind) {
    case Kind::kNoCalendar:
      return t.event;
    case Kind::kOnce:
      out = t.has_start ? fmt::format("once on {:04}-{:02}-{:02}{}", t.year, t.month, t.day, at)
                        : "once";
      break;
    case Kind::kDaily:
      out = (t.days_interval == 1 ? std::string("daily")
                                  : fmt::format("every {} days", t.days_interval)) +
            at;
      break;
    case Kind::kWeekly:
      out = (t.weeks_interval == 1 ? std::string("weekly")
                                   : fmt::format("every {} weeks", t.weeks_interval)) +
            " on " + joined(names(t.days_of_week, kDayNames, 0)) + at;
      break;
    case Kind::kMonthly: {
      std::vector<std::string> days;
      for (int d : t.days_of_month) days.push_back(std::to_string(d));
      if (t.last_day_of_month) days.emplace_back("the last day");
      out = "monthly on day " + joined(days) + in_months + at;
      break;
    }
    case Kind::kMonthlyDayOfWeek:
      out = "monthly on the " + joined(names(t.weeks, kWeekNames, 1)) + " " +
            joined(names(t.days_of_week, kDayNames, 0)) + in_months + at;
      break;
  }
  if (t.repeat_minutes > 0) {
    out += ", repeating every " + span(t.repeat_minutes) +
           (t.duration_minutes > 0 ? " for " + span(t.duration_minutes) : " indefinitely");
  }
  if (!t.enabled) out += " (disabled)";
  return out;
}

// "Z" -> Etc/UTC, "+02:00" -> Etc/GMT-2 (the Etc zones count the other way);
// "" with *minutes set when the offset is not a whole number of hours.
std::string zone_of(std::string_view offset, int* odd_minutes) {
  if (offset.empty()) return "";
  if (offset == "Z" || offset == "z") return "Etc/UTC";
  if (offset.size() < 3 || (offset[0] != '+' && offset[0] != '-')) return "";
  auto hours = parse_number<int>(offset.substr(1, 2));
  int minutes = offset.size() >= 6 ? parse_number<int>(offset.substr(4, 2)).value_or(0) : 0;
  if (!hours || *hours > 14) return "";
  if (minutes != 0) {
    *odd_minutes = (*hours * 60 + minutes) * (offset[0] == '-' ? -1 : 1);
    return "";
  }
  if (*hours == 0) return "Etc/UTC";
  return fmt::format("Etc/GMT{}{}", offset[0] == '+' ? '-' : '+', *hours);
}

// The minutes after the trigger's start day begins at which it runs: the
// start, then every repetition while the duration lasts (at most `period`).
// *drift is set when an endless repetition does not fit `period` evenly, so
// the next period's runs fall elsewhere.
std::vector<int> run_offsets(const TriggerTimes& t, int period, bool* drift) {
  std::vector<int> out{t.start_minute};
  if (t.repeat_minutes <= 0) return out;
  int length = t.duration_minutes > 0 ? std::min(t.duration_minutes, period) : period;
  if ((t.duration_minutes == 0 || t.duration_minutes > period) && period % t.repeat_minutes != 0)
    *drift = true;
  for (int k = 1; k * t.repeat_minutes < length; ++k)
    out.push_back(t.start_minute + k * t.repeat_minutes);
  return out;
}

// Cron lines for the runs at `minutes` (of the day) on the days the last
// three fields name: hours with the same minutes share a line.
std::vector<std::string> lines_for(const std::set<int>& minutes, const std::string& days) {
  std::map<int, std::vector<int>> by_hour;
  for (int m : minutes) by_hour[m / 60].push_back(m % 60);
  std::map<std::vector<int>, std::vector<int>> hours_by_minutes;
  for (const auto& [h, mins] : by_hour) hours_by_minutes[mins].push_back(h);
  std::vector<std::pair<int, std::string>> lines;
  for (const auto& [mins, hours] : hours_by_minutes)
    lines.emplace_back(hours.front(),
                       cron_field(mins, 0, 59) + " " + cron_field(hours, 0, 23) + " " + days);
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> out;
  for (auto& l : lines) out.push_back(std::move(l.second));
  return out;
}

std::string months_field(const std::vector<int>& months) { return cron_field(months, 1, 12); }

// The days of month `d`-long months among `months` (every month when empty).
std::vector<int> months_of_length(int d, const std::vector<int>& months) {
  static constexpr int kLength[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<int> out;
  for (int m = 1; m <= 12; ++m) {
    bool wanted = months.empty() || std::find(months.begin(), months.end(), m) != months.end();
    if (wanted && kLength[m - 1] == d) out.push_back(m);
  }
  return out;
}

void schedule_calendar(const TriggerTimes& t, TaskTrigger& out) {
  bool drift = false;
  bool past_midnight = false;
  auto add = [&](const std::vector<std::string>& lines) {
    out.crons.insert(out.crons.end(), lines.begin(), lines.end());
  };
  // Runs of one day, for triggers that name days cron cannot shift by one.
  auto same_day = [&](int period) {
    std::set<int> minutes;
    for (int o : run_offsets(t, period, &drift)) {
      past_midnight = past_midnight || o >= kDay;
      minutes.insert(o % kDay);
    }
    return minutes;
  };
  switch (t.kind) {
    case Kind::kDaily: {
      // Every day has the same runs: those past midnight are the next day's, at the same times.
      std::set<int> minutes;
      int period = kDay * std::max(1, t.days_interval);
      for (int o : run_offsets(t, t.days_interval == 1 ? kDay : period, &drift))
        minutes.insert(o % kDay);
      if (t.days_interval == 1) {
        add(lines_for(minutes, "* * *"));
      } else if (t.days_interval <= 31) {
        add(lines_for(minutes, "*/" + std::to_string(t.days_interval) + " * *"));
        out.notes.push_back(fmt::format(
            "every {0} days: cron counts days within each month, so the CronJob runs on days 1, "
            "{1}, ... of every month and the gap at a month's end is shorter than {0} days",
            t.days_interval, 1 + t.days_interval));
      } else {
        add(lines_for(minutes, std::to_string(t.day > 0 ? t.day : 1) + " * *"));
        out.notes.push_back(fmt::format(
            "every {} days: cron cannot count days across months; the CronJob runs once a month "
            "on day {}",
            t.days_interval, t.day > 0 ? t.day : 1));
      }
      break;
    }
    case Kind::kWeekly:
    case Kind::kMonthlyDayOfWeek: {
      // Runs past midnight fall on the next weekday, which cron can name.
      std::map<int, std::set<int>> by_weekday;
      for (int w : t.days_of_week) {
        for (int o : run_offsets(t, kWeek, &drift)) by_weekday[(w + o / kDay) % 7].insert(o % kDay);
      }
      std::map<std::set<int>, std::vector<int>> weekdays_by_minutes;
      for (const auto& [w, mins] : by_weekday) weekdays_by_minutes[mins].push_back(w);
      std::string month = t.kind == Kind::kWeekly ? "*" : months_field(t.months);
      for (const auto& [mins, days] : weekdays_by_minutes)
        add(lines_for(mins, "* " + month + " " + cron_field(days, 0, 6)));
      if (t.kind == Kind::kWeekly && t.weeks_interval > 1) {
        out.notes.push_back(fmt::format(
            "every {} weeks: cron has no week counter, so the CronJob runs every week; skip the "
            "weeks in between in the program or suspend the CronJob",
            t.weeks_interval));
      }
      if (t.kind == Kind::kMonthlyDayOfWeek && t.weeks.size() < 5) {
        out.notes.push_back(
            "on the " + joined(names(t.weeks, kWeekNames, 1)) + " " +
            joined(names(t.days_of_week, kDayNames, 0)) +
            " of the month: cron cannot name a weekday's place in the month (Kubernetes reads no "
            "'#' or 'L'), so the CronJob runs on every such weekday; the program must check the "
            "date, or run it by hand on the other ones");
      }
      break;
    }
    case Kind::kMonthly: {
      std::set<int> minutes = same_day(kDay);
      std::string month = months_field(t.months);
      if (!t.days_of_month.empty()) {
        std::set<int> distinct(t.days_of_month.begin(), t.days_of_month.end());
        add(lines_for(minutes,
                      cron_field({distinct.begin(), distinct.end()}, 1, 31) + " " + month + " *"));
      }
      if (t.last_day_of_month) {
        // Kubernetes has no "L": one schedule per month length.
        for (int length : {31, 30, 28}) {
          auto months = months_of_length(length, t.months);
          if (months.empty()) continue;
          if (std::find(t.days_of_month.begin(), t.days_of_month.end(), length) !=
              t.days_of_month.end())
            continue;  // already runs that day
          add(lines_for(minutes, std::to_string(length) + " " + cron_field(months, 1, 12) + " *"));
        }
        if (!months_of_length(28, t.months).empty()) {
          out.notes.push_back(
              "the last day of the month: cron has no 'L' in Kubernetes, so there is one schedule "
              "per month length (31, 30, and 28 for February); in a leap year February's run is on "
              "the 28th, a day early");
        }
      }
      break;
    }
    case Kind::kOnce: {
      if (t.repeat_minutes > 0 && t.duration_minutes == 0) {
        // An endless repetition from a point in time: the same runs every day from then on.
        std::set<int> minutes;
        for (int o : run_offsets(t, kDay, &drift)) minutes.insert(o % kDay);
        add(lines_for(minutes, "* * *"));
        break;
      }
      std::set<int> minutes = same_day(std::max(kDay, t.duration_minutes));
      add(lines_for(minutes, std::to_string(t.day) + " " + std::to_string(t.month) + " *"));
      out.notes.push_back(fmt::format(
          "a one-time trigger ({:04}-{:02}-{:02}): no cron schedule runs only once, so the CronJob "
          "runs on that date every year; delete it after the run, or run the job once with "
          "'kubectl create job --from=cronjob/NAME'",
          t.year, t.month, t.day));
      break;
    }
    case Kind::kNoCalendar:
      break;
  }
  if (drift) {
    out.notes.push_back("repeating every " + span(t.repeat_minutes) +
                        " does not divide the trigger's period evenly, so the runs move from one "
                        "period to the next; the CronJob repeats the first period's runs");
  }
  if (past_midnight) {
    out.notes.push_back(
        "the repetition runs past midnight; cron cannot name the day after a day of the month, "
        "so those runs are written on the trigger's own day");
  }
  if (out.crons.size() > kMaxLines) {
    out.notes.push_back(fmt::format(
        "the runs need {} cron lines; only the first {} are written, so the CronJobs run less "
        "often than the task did",
        out.crons.size(), kMaxLines));
    out.crons.resize(kMaxLines);
  }
}

}  // namespace

int duration_minutes(std::string_view iso) {
  std::string s = trim(iso);
  if (s.size() < 2 || (s[0] != 'P' && s[0] != 'p')) return 0;
  long long total_seconds = 0;
  bool time = false;
  std::string_view rest = std::string_view(s).substr(1);
  while (!rest.empty()) {
    if (rest[0] == 'T' || rest[0] == 't') {
      time = true;
      rest.remove_prefix(1);
      continue;
    }
    auto n = split_leading_number<long long>(rest);
    if (!n || n->rest.empty() || n->value < 0 || n->value > 100'000'000) return 0;
    char unit = static_cast<char>(n->rest.front() & ~0x20);  // upper case
    long long scale = unit == 'D' && !time   ? 86400
                      : unit == 'W' && !time ? 7 * 86400
                      : unit == 'H' && time  ? 3600
                      : unit == 'M' && time  ? 60
                      : unit == 'S' && time  ? 1
                                             : 0;
    if (scale == 0) return 0;  // years and months have no fixed length
    total_seconds += n->value * scale;
    if (total_seconds > 366LL * 86400 * 100) return 0;
    rest = n->rest.substr(1);
  }
  return static_cast<int>(total_seconds / 60);
}

TaskTrigger schedule_trigger(const TriggerTimes& t) {
  TaskTrigger out;
  out.text = readable(t);
  out.enabled = t.enabled;
  if (t.kind == Kind::kNoCalendar) {
    out.notes.push_back("the task starts " + t.event +
                        ": cron cannot start it on that; run it as a Job when the event happens, "
                        "or find the schedule the event stood for");
    return out;
  }
  if (!t.has_start) {
    out.notes.push_back("the trigger has no readable start time (StartBoundary): no schedule");
    return out;
  }
  if (!t.unreadable.empty()) {
    out.notes.push_back("the repetition '" + t.unreadable +
                        "' is not a whole number of minutes: written without it");
  }
  bool empty_days =
      ((t.kind == Kind::kWeekly || t.kind == Kind::kMonthlyDayOfWeek) && t.days_of_week.empty()) ||
      (t.kind == Kind::kMonthly && t.days_of_month.empty() && !t.last_day_of_month) ||
      (t.kind == Kind::kMonthlyDayOfWeek && t.weeks.empty());
  if (empty_days) {
    out.notes.push_back("the trigger names no day it runs on: no schedule");
    return out;
  }
  int odd_minutes = 0;
  out.time_zone = zone_of(t.offset, &odd_minutes);
  schedule_calendar(t, out);
  if (odd_minutes != 0) {
    out.notes.push_back(fmt::format(
        "the start time is at UTC{}{:02}:{:02}, an offset no fixed IANA zone has: set the "
        "CronJob's timeZone to the server's zone",
        odd_minutes < 0 ? '-' : '+', std::abs(odd_minutes) / 60, std::abs(odd_minutes) % 60));
  }
  for (const auto& c : out.crons) {
    // Every line is built from checked numbers; a line that still fails is not written.
    if (std::string why = cron_problem(c); !why.empty())
      out.notes.push_back("internal: dropped the schedule '" + c + "' (" + why + ")");
  }
  out.crons.erase(std::remove_if(out.crons.begin(), out.crons.end(),
                                 [](const std::string& c) { return !cron_problem(c).empty(); }),
                  out.crons.end());
  return out;
}

}  // namespace liftshift
