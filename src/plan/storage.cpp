// Storage (seed: "Stateful applications", "Persistent storage for local data",
// MSMQ "Persistent volume"): folders the application writes become volumes.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "core/text.hpp"
#include "plan/plan_steps.hpp"

namespace liftshift {

namespace {

std::string relative_to_root(const std::string& path, const std::string& root) {
  std::string p = to_forward_slashes(path);
  std::string r = to_forward_slashes(root);
  if (!r.empty() && istarts_with(p, r + "/")) return p.substr(r.size() + 1);
  return p;
}

std::string windows_join(const std::string& dir, const std::string& rel) {
  std::string out = dir;
  for (const auto& part : split(rel, '/')) {
    if (!part.empty()) out += "\\" + part;
  }
  return out;
}

bool covered(const AppPlan& plan, const std::string& path) {
  for (const auto& v : plan.volumes) {
    if (iequals(v.container_path, path) || istarts_with(path, v.container_path + "\\")) return true;
  }
  return false;
}

void add_volume(AppPlan& plan, std::string path, const std::string& reason) {
  if (covered(plan, path)) return;
  std::string name = dns_label(base_name(path), 40);
  for (int n = 2; std::any_of(plan.volumes.begin(), plan.volumes.end(),
                              [&](const auto& v) { return v.name == name; });
       ++n) {
    name = dns_label(base_name(path), 40) + "-" + std::to_string(n);
  }
  plan.volumes.push_back({name, std::move(path), reason});
}

bool is_log_path(const Application& app, const std::string& value) {
  for (const auto& c : app.configs) {
    for (const auto& p : c.log_paths) {
      if (iequals(p, value)) return true;
    }
  }
  return false;
}

// IIS virtual directories below the application's root (seed: "Persistent
// storage for local data"): content served from another drive becomes a
// volume at the same folder on C: (iis_site.cpp recreates the virtual
// directory there); a share or a folder outside the application is a warning.
void plan_virtual_dirs(const Application& app, AppPlan& plan) {
  if (!app.iis) return;
  for (const auto& v : app.iis->virtual_dirs) {
    std::string what = "IIS virtual directory " + v.path + " of site '" + app.iis->site + "'";
    if (is_unc(v.physical_path)) {
      plan.warnings.push_back(
          what + " is the share " + v.physical_path +
          (v.user_name.empty() ? "" : ", reached as " + v.user_name + " with a stored password") +
          ": mount the share as an SMB volume (or reach it with the gMSA) and point the virtual "
          "directory at it");
      continue;
    }
    std::string local = to_c_drive(v.physical_path);
    if (is_other_drive(v.physical_path)) {
      add_volume(plan, local,
                 what + " was served from " + v.physical_path +
                     ": the container has only C:, so the content moves to " + local +
                     " on a volume");
    } else {
      plan.warnings.push_back(what + " is served from " + v.physical_path +
                              ", outside the application's folder: copy that content into the "
                              "image or onto a volume");
    }
  }
}

}  // namespace

void plan_storage(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  plan_virtual_dirs(app, plan);
  bool local_state = has_finding(a, rule_id::kLocalState);
  for (const auto& m : a.results.state_folders) {  // from local-state and database
    std::string rel = relative_to_root(m.path, app.root);
    if (m.database) {
      auto slash = rel.rfind('/');
      rel = slash == std::string::npos ? "" : rel.substr(0, slash);
      plan.warnings.push_back(
          "database file " + m.path + " (" + m.detail +
          "): databases are poor container candidates; move it to a database server, or "
          "keep it on the volume with a single instance");
    }
    if (rel.empty()) continue;
    add_volume(plan, windows_join(plan.build.app_dir, rel),
               m.detail + " (" + m.path + "): state must outlive the container");
  }
  for (const auto& c : app.configs) {
    for (const auto& kv : c.app_settings) {
      if (!is_other_drive(kv.value) || is_log_path(app, kv.value) || !local_state) continue;
      std::string local = to_c_drive(kv.value);
      add_volume(plan, local,
                 "appSettings '" + kv.key + "' = " + kv.value + " (" + c.path +
                     "): the container has only C:, so the folder moves to " + local +
                     " on a volume");
      plan.config.push_back({env_key("AppSettings__", kv.key), local,
                             "the folder of appSettings '" + kv.key +
                                 "' inside the container (was " + kv.value + ")"});
    }
    for (const auto& p : c.drive_paths) {
      if (is_unc(p)) {
        plan.warnings.push_back(c.path + " uses the share " + p +
                                ": mount it as an SMB volume or reach it with the gMSA");
      }
    }
  }
  if (has_finding(a, rule_id::kMsmq)) {
    plan.steps.push_back(
        {"Keep MSMQ's message store on the volume mounted at C:\\msmq (check after enabling MSMQ)",
         "New-Item -ItemType Directory -Force C:\\msmq | Out-Null; "
         "foreach ($n in 'StoreReliablePath','StorePersistentPath','StoreJournalPath',"
         "'StoreLogPath','StoreXactLogPath') { Set-ItemProperty "
         "'HKLM:\\SOFTWARE\\Microsoft\\MSMQ\\Parameters' -Name $n -Value 'C:\\msmq' }"});
    add_volume(plan, "C:\\msmq",
               "MSMQ queue storage: the seed's supported scenario 'private transactional queue on "
               "a persistent "
               "volume' keeps messages when the container is replaced");
    plan.volumes.back().shared = false;
  }
  if (plan.volumes.empty()) {
    decide(plan, "storage", "no volumes",
           "no folder the application writes to was found: nothing to persist");
    return;
  }
  std::string list;
  for (const auto& v : plan.volumes) list += (list.empty() ? "" : ", ") + v.container_path;
  decide(plan, "storage", std::to_string(plan.volumes.size()) + " volume(s): " + list,
         "containers are ephemeral: a new instance doesn't see what the last one wrote, so every "
         "folder the "
         "application writes to is persistent storage shared by all instances");
}

}  // namespace liftshift
