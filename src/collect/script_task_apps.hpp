// Scheduled tasks found in a folder's files (a script's schtasks /create or
// Register-ScheduledTask, an exported task XML): the program a task runs is a
// scheduled task, with the task's triggers, as if the server's Task
// Scheduler had held it.
#pragma once

#include <vector>

#include "collect/parsed_files.hpp"
#include "core/model.hpp"

namespace liftshift {

// Gives each task to the program it runs: the console or desktop program
// whose executable has the task's program's name, nearest the script (the
// one beside it for %~dp0 / $PSScriptRoot, else one whose folder holds the
// script, else the only one of that name). That program becomes a task
// (kind kTask, app.task set); its kind evidence names the file and line.
// Programs of Windows (cmd, PowerShell) are left alone; a task whose program
// is not found (or is one of several of that name, none nearer the script) is
// a problem of parsed naming the script's line and the program, once per task.
// Call after the kinds are known (profile_app).
void attach_script_tasks(ParsedSource& parsed, std::vector<Application>& apps);

}  // namespace liftshift
