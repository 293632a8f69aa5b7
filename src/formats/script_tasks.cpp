#include "formats/script_tasks.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>

#include "core/command_line.hpp"
#include "core/numbers.hpp"
#include "core/secret_mask.hpp"
#include "core/text.hpp"
#include "formats/task_schedule.hpp"

namespace liftshift {

namespace {

constexpr std::size_t kMaxLine = std::size_t{64} << 10;
constexpr std::size_t kMaxTasks = 64;

using Kind = TriggerTimes::Kind;

struct Line {
  std::string text;
  int number = 0;
};

// Physical lines joined where the script continues them: a trailing '^' in
// cmd, a trailing backtick in PowerShell.
std::vector<Line> logical_lines(std::string_view text, bool powershell) {
  std::vector<Line> out;
  std::string current;
  int start = 0;
  int number = 0;
  std::size_t pos = 0;
  const char continuation = powershell ? '`' : '^';
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (current.empty()) start = number;
    if (current.size() + raw.size() > kMaxLine) {
      current.clear();  // a line this long is no command a person wrote
      continue;
    }
    std::string_view body = raw;
    while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.remove_suffix(1);
    if (!body.empty() && body.back() == continuation) {
      current.append(body.substr(0, body.size() - 1));
      current.push_back(' ');
      continue;
    }
    current.append(raw);
    out.push_back({std::move(current), start});
    current.clear();
  }
  return out;
}

// "02:00", "2:30", "14:05:00", "2am", "3:30 PM" -> minutes after midnight.
std::optional<int> time_of_day(std::string_view text) {
  std::string t = to_lower(trim(text));
  bool pm = false;
  bool am = false;
  if (iends_with(t, "pm") || iends_with(t, "am")) {
    pm = iends_with(t, "pm");
    am = !pm;
    t = trim(t.substr(0, t.size() - 2));
  }
  std::vector<std::string> parts = split(t, ':');
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  auto h = parse_number<int>(parts[0]);
  auto m = parts.size() > 1 ? parse_number<int>(parts[1]) : std::optional<int>(0);
  if (!h || !m || *m < 0 || *m > 59 || *h < 0 || *h > 23) return std::nullopt;
  int hour = *h;
  if ((am || pm) && (hour < 1 || hour > 12)) return std::nullopt;
  if (pm && hour != 12) hour += 12;
  if (am && hour == 12) hour = 0;
  return hour * 60 + *m;
}

// "MM/DD/YYYY" (schtasks' usual form) or "YYYY-MM-DD".
bool read_date(std::string_view text, TriggerTimes& t) {
  std::string s = trim(text);
  std::vector<std::string> parts = split(s, s.find('-') != std::string::npos ? '-' : '/');
  if (parts.size() != 3) return false;
  const bool iso = parts[0].size() == 4;
  auto y = parse_number<int>(iso ? parts[0] : parts[2]);
  auto mo = parse_number<int>(iso ? parts[1] : parts[0]);
  auto d = parse_number<int>(iso ? parts[2] : parts[1]);
  if (!y || !mo || !d || *mo < 1 || *mo > 12 || *d < 1 || *d > 31) return false;
  t.year = *y;
  t.month = *mo;
  t.day = *d;
  return true;
}

int weekday(std::string_view name) {
  static const char* const kNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  std::string n = to_lower(trim(name));
  for (int i = 0; i < 7; ++i) {
    if (istarts_with(n, kNames[i]) && n.size() >= 3) return i;
  }
  return -1;
}

int month_number(std::string_view name) {
  static const char* const kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string n = to_lower(trim(name));
  for (int i = 0; i < 12; ++i) {
    if (istarts_with(n, kNames[i]) && n.size() >= 3) return i + 1;
  }
  return -1;
}

void add_sorted(std::vector<int>& v, int x) {
  for (int y : v) {
    if (y == x) return;
  }
  v.push_back(x);
  std::sort(v.begin(), v.end());
}

// The program and its arguments of a command line; a program named
// relative to the script (%~dp0, $PSScriptRoot) is noted.
void set_command(std::string_view command, ScriptTask& task) {
  std::string line = trim(command);
  for (std::string_view prefix : {"%~dp0", "\"%~dp0", "$PSScriptRoot\\", "\"$PSScriptRoot\\",
                                  "$PSScriptRoot/", "${PSScriptRoot}\\"}) {
    if (istarts_with(line, prefix)) {
      const bool quoted = prefix.front() == '"';
      std::string rest = line.substr(prefix.size());
      CommandLine c = split_command_line((quoted ? "\"" : "") + rest);
      task.beside_script = to_forward_slashes(c.program);
      // The program beside the script, named as the folder the app is installed to holds it.
      std::string program = c.program;
      std::replace(program.begin(), program.end(), '/', '\\');
      task.info.command = printable(program);
      task.info.arguments = printable(mask_command_line(c.arguments));
      return;
    }
  }
  CommandLine c = split_command_line(line);
  task.info.command = printable(c.program);
  task.info.arguments = printable(mask_command_line(c.arguments));
}

// ---- schtasks ----

std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (iequals(hay.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

// Where "schtasks" starts as a command word of the line, or npos.
std::size_t schtasks_at(std::string_view line) {
  std::size_t from = 0;
  while (true) {
    std::size_t at = ifind(line, "schtasks", from);
    if (at == std::string_view::npos) return at;
    const char before = at == 0 ? ' ' : line[at - 1];
    std::size_t after = at + 8;
    if (after + 4 <= line.size() && iequals(line.substr(after, 4), ".exe")) after += 4;
    const char next = after < line.size() ? line[after] : ' ';
    if (std::string_view(" \t\\/\"@(&|").find(before) != std::string_view::npos &&
        (next == ' ' || next == '\t' || next == '"'))
      return after;
    from = at + 1;
  }
}

std::optional<ScriptTask> schtasks_task(std::string_view line, const std::string& path,
                                        int number) {
  const std::string head = to_lower(trim(line.substr(0, std::min<std::size_t>(line.size(), 8))));
  if (istarts_with(head, "rem ") || head == "rem" || istarts_with(head, "::") ||
      istarts_with(head, "#") || istarts_with(head, "@rem "))
    return std::nullopt;  // a comment of cmd or PowerShell
  std::size_t at = schtasks_at(line);
  if (at == std::string_view::npos) return std::nullopt;
  std::vector<std::string> args = split_arguments(line.substr(at));
  std::map<std::string, std::string> opts;
  bool create = false;
  static constexpr std::string_view kValued[] = {"tn", "tr", "sc",  "mo", "st", "sd",   "ed", "et",
                                                 "d",  "m",  "i",   "ri", "du", "ru",   "rp", "s",
                                                 "u",  "p",  "xml", "ec", "rl", "delay"};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 2 || (a[0] != '/' && a[0] != '-')) continue;
    std::string name = to_lower(a.substr(1));
    if (name == "create") create = true;
    bool valued = false;
    for (auto v : kValued) valued = valued || name == v;
    if (valued && i + 1 < args.size()) {
      if (name != "rp" && name != "p") opts[name] = args[i + 1];  // passwords are never kept
      ++i;
    }
  }
  if (!create || !opts.contains("tr")) return std::nullopt;
  ScriptTask task;
  task.file = path;
  task.line = number;
  task.info.path = printable(mask_secret_text(opts["tn"]));
  if (!task.info.path.empty() && task.info.path.front() != '\\') task.info.path.insert(0, "\\");
  task.info.user = printable(mask_secret_text(opts["ru"]));
  set_command(opts["tr"], task);

  TriggerTimes t;
  const std::string sc = to_lower(opts["sc"]);
  const std::string mo = to_lower(trim(opts["mo"]));
  auto number_of = [](const std::string& s, int fallback) {
    auto n = parse_number<int>(trim(s));
    return n && *n > 0 ? *n : fallback;
  };
  if (auto st = time_of_day(opts["st"])) {
    t.start_minute = *st;
    t.has_start = true;
  }
  if (!opts["sd"].empty()) read_date(opts["sd"], t);
  std::vector<std::string> days = split(opts["d"], ',');
  if (sc == "minute" || sc == "hourly") {
    t.kind = Kind::kDaily;
    t.has_start = true;  // from the time given, or midnight
    // Clamped so that the minutes fit an int (`/mo 99999999 /sc hourly`).
    constexpr int kMaxHours = std::numeric_limits<int>::max() / 60;
    t.repeat_minutes =
        sc == "hourly" ? std::min(number_of(mo, 1), kMaxHours) * 60 : number_of(mo, 1);
  } else if (sc == "daily") {
    t.kind = Kind::kDaily;
    t.days_interval = number_of(mo, 1);
  } else if (sc == "weekly") {
    t.kind = Kind::kWeekly;
    t.weeks_interval = number_of(mo, 1);
    for (const auto& d : days) {
      if (trim(d) == "*") {
        for (int w = 0; w < 7; ++w) add_sorted(t.days_of_week, w);
      } else if (int w = weekday(d); w >= 0) {
        add_sorted(t.days_of_week, w);
      }
    }
    if (t.days_of_week.empty()) t.days_of_week.push_back(1);  // schtasks' default: Monday
  } else if (sc == "monthly") {
    for (const auto& m : split(opts["m"], ',')) {
      if (int n = month_number(m); n > 0) add_sorted(t.months, n);
    }
    static constexpr std::string_view kWeeks[] = {"first", "second", "third", "fourth", "last"};
    int week = 0;
    for (int i = 0; i < 5; ++i) week = mo == kWeeks[i] ? i + 1 : week;
    if (week > 0) {
      t.kind = Kind::kMonthlyDayOfWeek;
      t.weeks.push_back(week);
      for (const auto& d : days) {
        if (int w = weekday(d); w >= 0) add_sorted(t.days_of_week, w);
      }
      if (t.days_of_week.empty()) t.days_of_week.push_back(1);
    } else {
      t.kind = Kind::kMonthly;
      if (mo == "lastday") {
        t.last_day_of_month = true;
      } else {
        // /mo N: every N months, starting with the first.
        if (int every = number_of(mo, 1); every > 1 && t.months.empty()) {
          for (int m = 1; m <= 12; m += every) t.months.push_back(m);
        }
        for (const auto& d : days) {
          auto n = parse_number<int>(trim(d));
          if (n && *n >= 1 && *n <= 31) add_sorted(t.days_of_month, *n);
        }
        if (t.days_of_month.empty()) t.days_of_month.push_back(1);
      }
    }
  } else if (sc == "once") {
    t.kind = Kind::kOnce;
  } else if (sc == "onstart") {
    t.event = "at system startup";
  } else if (sc == "onlogon") {
    t.event = "at logon";
  } else if (sc == "onidle") {
    t.event = "when the computer is idle";
  } else if (sc == "onevent") {
    t.event = "on an event log event";
  } else {
    t.event = "on a schedule this version does not read (/sc " + printable(opts["sc"]) + ")";
  }
  if (!opts["ri"].empty()) {
    t.repeat_minutes = number_of(opts["ri"], 0);
    if (t.repeat_minutes == 0) t.unreadable = printable(opts["ri"]);
  }
  if (auto du = time_of_day(opts["du"]); du && t.repeat_minutes > 0) {
    t.duration_minutes = *du;
  } else if (t.repeat_minutes > 0 && (sc == "minute" || sc == "hourly")) {
    t.duration_minutes = 1440;  // every day, all day
  }
  task.info.triggers.push_back(schedule_trigger(t));
  if (sc == "weekly" && days.empty())
    task.info.triggers.back().notes.push_back(
        "no /d given: schtasks' default day, Monday, assumed");
  return task;
}

// ---- PowerShell ----

// Words of a PowerShell line: quoted strings (without their quotes),
// parenthesised or bracketed expressions kept whole, commas joining a list.
std::vector<std::string> ps_words(std::string_view line) {
  std::vector<std::string> out;
  std::string word;
  int depth = 0;
  char quote = 0;
  bool had = false;
  auto flush = [&] {
    if (had) out.push_back(word);
    word.clear();
    had = false;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == '`' && quote == '"' && i + 1 < line.size()) {
        word.push_back(line[++i]);
      } else if (c == quote && i + 1 < line.size() && line[i + 1] == quote) {
        word.push_back(c);
        ++i;
      } else if (c == quote) {
        quote = 0;
      } else {
        word.push_back(c);
      }
      continue;
    }
    if (depth == 0 && c == '#') break;  // a comment
    if ((c == '"' || c == '\'') && depth == 0) {
      quote = c;
      had = true;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if ((c == ' ' || c == '\t' || c == ';' || c == '|') && depth == 0) {
      if (!word.empty() && word.back() == ',') continue;  // "Monday, Friday"
      flush();
      continue;
    }
    word.push_back(c);
    had = true;
  }
  flush();
  return out;
}

struct PsCommand {
  std::string variable;                       // "$trigger" when assigned, "" otherwise
  std::string name;                           // "New-ScheduledTaskTrigger"
  std::map<std::string, std::string> params;  // lower-case name -> value ("" for a switch)
};

std::optional<PsCommand> ps_command(const std::vector<std::string>& words, std::size_t from) {
  PsCommand c;
  std::size_t i = from;
  if (i + 2 < words.size() && words[i].size() > 1 && words[i][0] == '$' && words[i + 1] == "=") {
    c.variable = to_lower(words[i]);
    i += 2;
  }
  if (i >= words.size()) return std::nullopt;
  c.name = words[i++];
  while (i < words.size()) {
    const std::string& w = words[i++];
    if (w.size() < 2 || w[0] != '-' || std::isalpha(static_cast<unsigned char>(w[1])) == 0)
      continue;
    std::string name = to_lower(w.substr(1));
    if (auto colon = name.find(':'); colon != std::string::npos) name.resize(colon);
    std::string value;
    if (i < words.size() && !(words[i].size() > 1 && words[i][0] == '-' &&
                              std::isalpha(static_cast<unsigned char>(words[i][1])) != 0))
      value = words[i++];
    c.params[name] = value;
  }
  return c;
}

// "(New-TimeSpan -Minutes 15)", "[TimeSpan]::FromHours(1)", "00:15:00" -> minutes.
int timespan_minutes(std::string_view text) {
  std::string t = to_lower(text);
  for (auto [unit, factor] : {std::pair{"minutes", 1}, {"hours", 60}, {"days", 1440}}) {
    std::size_t at = t.find(std::string("-") + unit);
    std::size_t from = std::string::npos;
    if (at != std::string::npos) from = at + 1 + std::string_view(unit).size();
    if (from == std::string::npos) {
      at = t.find(std::string("from") + unit + "(");
      if (at != std::string::npos) from = at + 5 + std::string_view(unit).size();
    }
    if (from == std::string::npos) continue;
    std::string digits;
    for (std::size_t i = from; i < t.size() && digits.size() < 6; ++i) {
      if (std::isdigit(static_cast<unsigned char>(t[i])) != 0) {
        digits.push_back(t[i]);
      } else if (!digits.empty()) {
        break;
      } else if (t[i] != ' ' && t[i] != '(') {
        break;
      }
    }
    if (auto n = parse_number<int>(digits); n && *n > 0) return *n * factor;
  }
  if (auto hm = time_of_day(t)) return *hm;  // "00:15:00"
  return 0;
}

TaskTrigger ps_trigger(const PsCommand& c) {
  TriggerTimes t;
  auto has = [&](const char* p) { return c.params.contains(p); };
  auto get = [&](const char* p) {
    auto it = c.params.find(p);
    return it == c.params.end() ? std::string() : it->second;
  };
  std::string at = get("at");
  if (auto m = time_of_day(at)) {
    t.start_minute = *m;
    t.has_start = true;
  }
  auto positive = [](const std::string& s, int fallback) {
    auto n = parse_number<int>(trim(s));
    return n && *n > 0 ? *n : fallback;
  };
  if (has("daily")) {
    t.kind = Kind::kDaily;
    t.days_interval = positive(get("daysinterval"), 1);
  } else if (has("weekly")) {
    t.kind = Kind::kWeekly;
    t.weeks_interval = positive(get("weeksinterval"), 1);
    for (const auto& d : split(get("daysofweek"), ',')) {
      if (int w = weekday(d); w >= 0) add_sorted(t.days_of_week, w);
    }
  } else if (has("once")) {
    t.kind = Kind::kOnce;
  } else if (has("atstartup")) {
    t.event = "at system startup";
  } else if (has("atlogon")) {
    t.event = "at logon";
  } else {
    t.event = "on a trigger this version does not read";
  }
  if (has("repetitioninterval")) {
    t.repeat_minutes = timespan_minutes(get("repetitioninterval"));
    if (t.repeat_minutes == 0) t.unreadable = printable(get("repetitioninterval"));
    t.duration_minutes = timespan_minutes(get("repetitionduration"));
  }
  TaskTrigger trigger = schedule_trigger(t);
  if (!at.empty() && !t.has_start)
    trigger.notes.push_back("the start time -At " + printable(at) + " was not read");
  return trigger;
}

void powershell_tasks(const std::vector<Line>& lines, const std::string& path,
                      std::vector<ScriptTask>& out) {
  std::map<std::string, PsCommand> actions;     // variable -> New-ScheduledTaskAction
  std::map<std::string, TaskTrigger> triggers;  // variable -> New-ScheduledTaskTrigger
  std::optional<PsCommand> last_action;
  std::optional<TaskTrigger> last_trigger;
  for (const auto& line : lines) {
    std::vector<std::string> words = ps_words(line.text);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!icontains(words[i], "ScheduledTask")) continue;
      std::size_t from = i >= 2 && words[i - 1] == "=" ? i - 2 : i;
      auto c = ps_command(words, from);
      if (!c) continue;
      if (iequals(c->name, "New-ScheduledTaskAction")) {
        if (!c->variable.empty()) actions[c->variable] = *c;
        last_action = *c;
      } else if (iequals(c->name, "New-ScheduledTaskTrigger")) {
        TaskTrigger tr = ps_trigger(*c);
        if (!c->variable.empty()) triggers[c->variable] = tr;
        last_trigger = tr;
      } else if (iequals(c->name, "Register-ScheduledTask") && out.size() < kMaxTasks) {
        const PsCommand* action = nullptr;
        if (auto it = actions.find(to_lower(c->params["action"])); it != actions.end())
          action = &it->second;
        if (action == nullptr && last_action) action = &*last_action;
        if (action == nullptr) continue;  // -Xml or -InputObject: not read
        ScriptTask task;
        task.file = path;
        task.line = line.number;
        std::string name = c->params["taskname"];
        std::string folder = c->params["taskpath"];
        if (!folder.empty() && folder.back() != '\\') folder += "\\";
        if (folder.empty() || folder.front() != '\\') folder.insert(0, "\\");
        task.info.path = printable(mask_secret_text(folder + name));
        task.info.user = printable(mask_secret_text(c->params["user"]));
        std::string command =
            action->params.contains("execute") ? action->params.at("execute") : "";
        std::string exe = command.find(' ') != std::string::npos && command.front() != '"'
                              ? "\"" + command + "\""
                              : command;
        set_command(exe, task);
        if (auto a = action->params.find("argument"); a != action->params.end())
          task.info.arguments = printable(mask_command_line(a->second));
        for (const auto& ref : split(c->params["trigger"], ',')) {
          if (auto it = triggers.find(to_lower(trim(ref))); it != triggers.end())
            task.info.triggers.push_back(it->second);
        }
        if (task.info.triggers.empty() && last_trigger) task.info.triggers.push_back(*last_trigger);
        out.push_back(std::move(task));
      }
      break;  // one command a line
    }
  }
}

}  // namespace

std::vector<ScriptTask> find_script_tasks(std::string_view text, const std::string& path) {
  if (text.size() > kScriptTaskMaxBytes) text = text.substr(0, kScriptTaskMaxBytes);
  // Most scripts schedule nothing: no logical lines for them.
  if (!icontains(text, "schtasks") && !icontains(text, "ScheduledTask")) return {};
  const bool powershell = iends_with(path, ".ps1") || iends_with(path, ".psm1");
  std::vector<Line> lines = logical_lines(text, powershell);
  std::vector<ScriptTask> out;
  for (const auto& line : lines) {
    if (out.size() >= kMaxTasks) break;
    if (auto t = schtasks_task(line.text, path, line.number)) out.push_back(std::move(*t));
  }
  if (powershell) powershell_tasks(lines, path, out);
  for (auto& t : out) {
    for (const auto& tr : t.info.triggers) {
      if (t.info.cron.empty() && tr.enabled && !tr.crons.empty()) t.info.cron = tr.crons.front();
    }
  }
  return out;
}

}  // namespace liftshift
