// Drive paths in the copied configuration (seed: "Persistent storage for
// local data", "Event logging"): a value that names a file or folder on a
// drive the container doesn't have is rewritten in the copy to the place the
// plan gave that folder inside the container — the volume mounted there
// (plan_storage), or the folder Log Monitor watches (plan_logging) — so the
// application writes where the artifacts expect it. A path the plan gives no
// place keeps its value (the drive-path finding says to fix it by hand).
#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

std::string parent_of(const std::string& windows_path) {
  auto slash = windows_path.rfind('\\');
  return slash == std::string::npos ? std::string() : windows_path.substr(0, slash);
}

bool in_folder(const std::string& path, const std::string& folder) {
  return iequals(path, folder) || istarts_with(path, folder + "\\");
}

bool names_log(const Application& app, const PathSetting& p) {
  if (p.log) return true;
  for (const auto& c : app.configs) {
    for (const auto& l : c.log_paths) {
      if (iequals(l, p.value)) return true;
    }
  }
  return false;
}

// Why the plan has a place for `local` (the value on C:), or "" when it has none.
std::string place_of(const AppPlan& plan, const std::string& local, bool log) {
  for (const auto& v : plan.volumes) {
    if (in_folder(local, v.container_path))
      return "on the volume " + v.name + " mounted at " + v.container_path;
  }
  if (!log || !plan.log_monitor.used) return "";
  for (const auto& f : plan.log_monitor.folders) {
    const bool watched = iequals(local, f.directory) || iequals(parent_of(local), f.directory) ||
                         (f.include_subdirectories && in_folder(local, f.directory));
    if (watched) return "in " + f.directory + ", the log folder Log Monitor watches";
  }
  return "";
}

// What the value is, for the reason: "log4net appender 'RollingFile' file".
std::string described(const PathSetting& p) {
  std::string what;
  if (istarts_with(p.section, "log4net")) {
    what = "log4net appender";
  } else if (istarts_with(p.section, "nlog")) {
    what = "NLog target";
  } else if (istarts_with(p.section, "applicationSettings/") ||
             istarts_with(p.section, "userSettings/")) {
    what = "setting";
  } else {
    what = p.section;
  }
  if (!p.key.empty()) what += " '" + p.key + "'";
  if (p.attribute != "value") what += " " + p.attribute;
  return what;
}

// A config that is not copied as itself: a release transform, or a file
// holding secrets that no Secret provides (plan_kept_file).
bool left_as_is(const ConfigFacts& c, const AppPlan& plan) {
  if (!c.transform_of.empty()) return true;
  if (c.included_by.empty()) return false;
  for (const auto& r : plan.config_rewrites) {
    for (const auto& m : r.moves) {
      if (iequals(m.from_file, to_forward_slashes(c.path))) return false;  // a Secret's file
    }
  }
  auto masked = [](std::string_view v) { return v.find("***") != std::string_view::npos; };
  for (const auto& cs : c.connection_strings) {
    if (cs.had_secret || masked(cs.masked)) return true;
  }
  for (const auto& kv : c.app_settings) {
    if (masked(kv.value)) return true;
  }
  return false;
}

bool planned(const ConfigRewrite& r, const PathSetting& p) {
  for (const auto& c : r.changes) {
    if (c.section == p.section && c.key == p.key && c.attribute == p.attribute) return true;
  }
  return false;
}

bool xml_config(std::string_view path) {
  return rewritable_config(path) || iends_with(path, ".xml");
}

// plan_logging told the user to point a log file on another drive at C:,
// before the rewrites were known: where the config's value is rewritten, the
// logging decision says that instead.
void tell_rewritten_log(AppPlan& plan, const std::string& from, const std::string& config) {
  const std::string ask =
      "log file " + from + " (on a drive the container doesn't have: point it at ";
  const std::string told = config + " is rewritten to ";
  auto fix = [&](std::string& text) {
    const auto at = text.find(ask);
    if (at == std::string::npos) return;
    text.replace(at + ask.size() - 12, 12, told);  // 12: "point it at "
  };
  fix(plan.log_monitor.reason);
  for (auto& d : plan.decisions) {
    if (d.topic == "logging") fix(d.reason);
  }
}

}  // namespace

void plan_drive_paths(const AppAssessment& a, AppPlan& plan) {
  for (const auto& c : a.app.configs) {
    if (!xml_config(c.path)) continue;
    for (const auto& p : c.path_settings) {
      if (!is_other_drive(p.value)) continue;
      const std::string place = place_of(plan, to_c_drive(p.value), names_log(a.app, p));
      if (place.empty()) continue;
      // Only the drive letter changes: the rest (a layout's '/', ${shortdate})
      // stays as written, and Windows reads both separators alike.
      std::string to = p.value;
      to[0] = 'C';
      const std::string why = described(p) + " was " + p.value + ": " + place;
      if (left_as_is(c, plan)) {
        plan.warnings.push_back(c.path + ": set " + described(p) + " to " + to + " in that file (" +
                                place + ")");
        continue;
      }
      ConfigRewrite& r = config_rewrite(plan, c.path);
      if (planned(r, p)) continue;
      ConfigValueChange change{p.section, p.key, p.attribute, to, why};
      change.from = p.value;
      r.changes.push_back(std::move(change));
      tell_rewritten_log(plan, p.value, c.path);
    }
  }
}

}  // namespace liftshift
