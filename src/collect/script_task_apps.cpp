#include "collect/script_task_apps.hpp"

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

}  // namespace

void attach_script_tasks(const ParsedSource& parsed, std::vector<Application>& apps) {
  for (const auto& st : parsed.script_tasks) {
    const std::string exe = last_part(st.info.command);
    if (exe.empty() || !iends_with(exe, ".exe")) continue;  // cmd, a script, a COM handler
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
    if (best == nullptr || ties > 0) continue;  // not found, or no telling which one
    const std::string where = st.file + (st.line > 0 ? ":" + std::to_string(st.line) : "");
    const std::string name = st.info.path.empty() ? "\\" + exe : st.info.path;
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
