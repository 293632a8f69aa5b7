#include "collect/script_task_apps.hpp"

#include <array>

#include "collect/file_kind.hpp"
#include "collect/group_apps.hpp"
#include "core/text.hpp"

namespace liftshift {

namespace {

std::string last_part(std::string_view path) {
  auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The file name of the program the application runs as: its executable, or
// for a project the assembly it builds.
std::string exe_of(const Application& app) {
  if (!app.projects.empty() && iequals(app.projects.front().path, app.entry)) {
    const ProjectFacts& p = app.projects.front();
    std::string stem = last_part(p.path);
    stem = stem.substr(0, stem.rfind('.'));
    return (p.assembly_name.empty() ? stem : p.assembly_name) + ".exe";
  }
  return last_part(app.entry);
}

bool schedulable(const Application& app) {
  return app.kind == AppKind::kConsole || app.kind == AppKind::kDesktop ||
         app.kind == AppKind::kTask;
}

std::string readable_triggers(const TaskInfo& t) {
  std::string out;
  for (const auto& tr : t.triggers) out += (out.empty() ? "" : "; ") + tr.text;
  return out.empty() ? "no trigger read" : out;
}

// Windows' own programs a task runs a script with: never an application here.
bool windows_program(const std::string& command, const std::string& exe) {
  static constexpr std::array<std::string_view, 9> kPrograms{
      "cmd.exe",      "powershell.exe", "pwsh.exe",     "cscript.exe", "wscript.exe",
      "rundll32.exe", "schtasks.exe",   "forfiles.exe", "mshta.exe"};
  for (auto p : kPrograms) {
    if (iequals(exe, p)) return true;
  }
  return istarts_with(command, "%SystemRoot%") || istarts_with(command, "%windir%") ||
         istarts_with(command, "C:\\Windows\\");
}

}  // namespace

void attach_script_tasks(ParsedSource& parsed, std::vector<Application>& apps) {
  for (const auto& st : parsed.script_tasks) {
    const std::string exe = last_part(st.info.command);
    if (exe.empty() || !iends_with(exe, ".exe")) continue;  // cmd, a script, a COM handler
    if (windows_program(st.info.command, exe)) continue;
    const std::string script_dir(parent_dir(st.file));
    std::string beside;
    if (!st.beside_script.empty()) {
      beside = script_dir.empty() ? st.beside_script : script_dir + "/" + st.beside_script;
    }
    Application* best = nullptr;
    int best_score = 0;
    int ties = 0;
    for (auto& app : apps) {
      if (!schedulable(app) || !iequals(exe_of(app), exe)) continue;
      int score = 1;
      if (is_under(script_dir, app.root)) score = 2;
      if (!beside.empty() && iequals(app.entry, beside)) score = 3;
      if (score > best_score) {
        best = &app;
        best_score = score;
        ties = 0;
      } else if (score == best_score) {
        ++ties;
      }
    }
    const std::string where = st.file + (st.line > 0 ? ":" + std::to_string(st.line) : "");
    const std::string name = st.info.path.empty() ? "\\" + exe : st.info.path;
    if (best == nullptr || ties > 0) {
      // Said once per task, so a schedule the source declares is never lost unseen.
      parsed.problems.push_back(
          {st.file,
           (st.line > 0 ? "line " + std::to_string(st.line) + ": " : std::string()) +
               "registers the scheduled task '" + printable(name) + "' to run " +
               printable(st.info.command) + ", " +
               (best == nullptr ? "which is not a program found in this source"
                                : "and " + std::to_string(ties + 1) + " programs here are named " +
                                      printable(exe) + ", none nearer the script than the others") +
               ": the task is not planned"});
      continue;
    }
    if (best->task) {
      best->kind_evidence.push_back(where + ": registers the program as the scheduled task '" +
                                    name + "' too (" + readable_triggers(st.info) +
                                    "); the first one found is planned");
      continue;
    }
    best->task = st.info;
    if (best->task->path.empty()) best->task->path = name;
    best->kind = AppKind::kTask;
    best->kind_evidence.push_back(where + ": registers the program as the scheduled task '" + name +
                                  "' (" + readable_triggers(st.info) + ")");
  }
}

}  // namespace liftshift
