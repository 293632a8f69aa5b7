// Scheduled tasks that scripts shipped with a program register: `schtasks
// /create` lines in .cmd/.bat (and .ps1) files, and PowerShell's
// Register-ScheduledTask with New-ScheduledTaskAction/-Trigger. Each becomes
// the TaskInfo the server's Task Scheduler would have held, its triggers
// turned into cron by the same code as a task's XML (task_schedule).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

// find_script_tasks reads no further than this into a script.
inline constexpr std::size_t kScriptTaskMaxBytes = std::size_t{4} << 20;

struct ScriptTask {
  TaskInfo info;     // path (the task name), command, arguments (masked), user, triggers
  std::string file;  // the script, as given
  int line = 0;      // where the registration starts (1-based)
  // The program as written relative to the script's own folder (%~dp0,
  // $PSScriptRoot): its path relative to that folder, "" when the command names
  // the program otherwise.
  std::string beside_script;
};

// Reads one script; `path` names the file (its extension picks cmd or
// PowerShell syntax for continuation lines). Passwords (/rp, -Password) are
// never kept. Input past 4 MiB, lines past 64 KiB and tasks past 64 are
// ignored; nothing in the script is run or expanded.
std::vector<ScriptTask> find_script_tasks(std::string_view text, const std::string& path);

}  // namespace liftshift
