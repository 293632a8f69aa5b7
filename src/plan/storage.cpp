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

// The volume mounted at `path` or above it, or nullptr.
VolumePlan* covering(AppPlan& plan, const std::string& path) {
  for (auto& v : plan.volumes) {
    if (iequals(v.container_path, path) || istarts_with(path, v.container_path + "\\")) return &v;
  }
  return nullptr;
}

// The volume at `path`: a new one, or the one already mounted at or above it
// (`added` says which).
VolumePlan& add_volume(AppPlan& plan, std::string path, const std::string& reason,
                       bool* added = nullptr) {
  if (added != nullptr) *added = false;
  if (VolumePlan* v = covering(plan, path)) return *v;
  std::string name = dns_label(base_name(path), 40);
  for (int n = 2; std::any_of(plan.volumes.begin(), plan.volumes.end(),
                              [&](const auto& v) { return v.name == name; });
       ++n) {
    name = dns_label(base_name(path), 40) + "-" + std::to_string(n);
  }
  if (added != nullptr) *added = true;
  VolumePlan v;
  v.name = std::move(name);
  v.container_path = std::move(path);
  v.reason = reason;
  plan.volumes.push_back(std::move(v));
  return plan.volumes.back();
}

// Whether a folder taken from the server's settings can hold a volume; a
// name Windows would not take as it is ("..", a newline, a quote) gets a
// warning instead of a mount.
bool mountable(AppPlan& plan, const std::string& folder, const std::string& what) {
  if (is_container_folder(folder)) return true;
  plan.warnings.push_back(what + " names the folder '" + printable(folder) +
                          "', which is no folder a volume can be mounted at (C:\\ and plain "
                          "folder names): it gets no volume; add one in the plan if it holds "
                          "state");
  return false;
}

bool is_log_path(const Application& app, const std::string& value) {
  for (const auto& c : app.configs) {
    for (const auto& p : c.log_paths) {
      if (iequals(p, value)) return true;
    }
  }
  return false;
}

// A path the seed step can name in a command without quoting surprises.
bool plain_path(std::string_view s) {
  return !s.empty() && s.size() < 260 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view(" _.-\\/:$").find(c) != std::string_view::npos;
  });
}

// What the collector measured of a folder of another drive, or nullptr when
// no disk given holds it.
const DriveFolder* drive_folder(const Application& app, const std::string& windows_path) {
  for (const auto& f : app.drive_folders) {
    if (iequals(f.windows_path, windows_path)) return &f;
  }
  return nullptr;
}

// A new volume that replaces the folder `was` of another drive: seeded with
// that folder's content, copied from the disk that holds the drive into the
// build context's seed/NAME, when it is there and small enough to carry in
// the image (kMaxDriveSeedBytes); otherwise it starts empty, and a warning
// says what to copy onto it (by_hand: "copy the content of D:\\X onto it").
void seed_from_drive(const Application& app, AppPlan& plan, VolumePlan& v, const std::string& was,
                     const std::string& by_hand) {
  const DriveFolder* f = drive_folder(app, was);
  std::string empty = "the volume " + v.name + " at " + v.container_path + " starts empty: ";
  if (f == nullptr) {
    plan.warnings.push_back(empty + by_hand + " before the first start");
    return;
  }
  if (f->files == 0) return;  // empty on the server too
  if (f->over_limit) {
    plan.warnings.push_back(empty + was + " holds more than " +
                            std::to_string(kMaxDriveSeedBytes >> 20) +
                            " MiB, too much to carry in the image as its seed: copy it onto the "
                            "volume before the first start");
    return;
  }
  if (!plain_path(v.container_path) || !plain_path(f->path)) {
    plan.warnings.push_back(empty + "the name of " + was +
                            " holds unusual characters, so copy its content onto the volume by "
                            "hand before the first start");
    return;
  }
  v.seed_path = "C:\\seed\\" + v.name;
  ContextCopy c;
  c.from = f->path;
  c.to = "seed/" + v.name;
  c.reason = "seed of volume " + v.name + ": the content of " + was + " (" +
             std::to_string(f->files) + " files), from the disk that holds " + was.substr(0, 2);
  c.max_mib = static_cast<int>(kMaxDriveSeedBytes >> 20);
  plan.build.copies.push_back(std::move(c));
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
    while (local.size() > 3 && local.back() == '\\') local.pop_back();
    if (is_other_drive(v.physical_path)) {
      if (!mountable(plan, local, what)) continue;
      bool added = false;
      VolumePlan& vol = add_volume(plan, local,
                                   what + " was served from " + v.physical_path +
                                       ": the container has only C:, so the content moves to " +
                                       local + " on a volume",
                                   &added);
      if (added) {
        vol.holds = "the content of " + what + " (was " + v.physical_path + ")";
        seed_from_drive(app, plan, vol, v.physical_path,
                        "copy the content of " + v.physical_path + " onto it");
      }
    } else {
      plan.warnings.push_back(what + " is served from " + v.physical_path +
                              ", outside the application's folder: copy that content into the "
                              "image or onto a volume");
    }
  }
}

// The application's copy into the build context (src/context fills it in
// plan_build), or nullptr while there is none.
ContextCopy* app_copy(AppPlan& plan) {
  for (auto& c : plan.build.copies) {
    if (c.to == plan.build.context_folder) return &c;
  }
  return nullptr;
}

// A data folder the application ships content in (`folder`, relative to the
// source root): the volume hides what the image has there, so the content
// goes into the image beside the mount point as the volume's seed, and the
// application's copy leaves the folder out.
void seed_volume(AppPlan& plan, VolumePlan& v, const std::string& folder,
                 const std::string& rel_to_app) {
  if (!plain_path(v.container_path) || !plain_path(folder)) {
    plan.warnings.push_back("the volume " + v.name + " at " + v.container_path +
                            " hides what the application ships in " + folder +
                            ": its name holds unusual characters, so copy that content onto the "
                            "volume by hand before the first start");
    return;
  }
  v.seed_path = "C:\\seed\\" + v.name;
  BuildPlan& b = plan.build;
  b.copies.push_back({folder, "seed/" + v.name, true, {}, "seed of volume " + v.name, "", 0});
  // A source tree keeps the folder: its project may list the files as
  // Content, and the build fails without them (what it publishes there stays
  // hidden under the volume).
  if (b.from_source) return;
  v.context_data = b.context_folder + "/" + rel_to_app;
  if (ContextCopy* app = app_copy(plan)) {
    std::string rel = relative_to_root(folder, app->from);
    if (std::find(app->exclude.begin(), app->exclude.end(), rel) == app->exclude.end())
      app->exclude.push_back(rel);
  }
}

// A setting that names a data folder on C: outside the application's own
// folder (`DataFolder = C:\\Orders\\Inbox`): where a program that writes local
// state keeps it. On C: a setting may as well name a tool or a file the image
// provides, so only a key that says folder or directory, a value without a
// file extension, and not Windows' or Program Files' folders.
bool c_drive_data_folder(std::string_view key, std::string_view value, std::string_view app_dir) {
  if (value.size() < 4 || !istarts_with(value, "C:\\") || is_unc(value)) return false;
  const std::string k = to_lower(key);
  if (k.find("folder") == std::string::npos && k.find("dir") == std::string::npos) return false;
  std::string_view v = value;
  while (!v.empty() && v.back() == '\\') v.remove_suffix(1);
  if (v.size() < 4) return false;  // the drive's root is no data folder
  const std::string_view last = v.substr(v.rfind('\\') + 1);
  if (last.find('.') != std::string_view::npos) return false;
  for (std::string_view system : {"C:\\Windows", "C:\\Program Files", "C:\\Program Files (x86)"}) {
    if (iequals(v, system) || istarts_with(v, std::string(system) + "\\")) return false;
  }
  return !(iequals(v, app_dir) || istarts_with(v, std::string(app_dir) + "\\"));
}

}  // namespace

void plan_storage(const AppAssessment& a, AppPlan& plan) {
  const Application& app = a.app;
  plan_virtual_dirs(app, plan);
  bool local_state = has_finding(a, rule_id::kLocalState);
  // Outer folders first, so App_Data's volume also holds App_Data/uploads.
  std::vector<StateFolder> folders = a.results.state_folders;
  std::stable_sort(folders.begin(), folders.end(),
                   [](const auto& x, const auto& y) { return x.path.size() < y.path.size(); });
  for (const auto& m : folders) {  // from local-state and database
    std::string folder = to_forward_slashes(m.path);
    if (m.database) {
      auto slash = folder.rfind('/');
      folder = slash == std::string::npos ? "" : folder.substr(0, slash);
      plan.warnings.push_back(
          "database file " + m.path + " (" + m.detail +
          "): databases are poor container candidates; move it to a database server, or "
          "keep it on the volume with a single instance");
    }
    if (folder.empty() || iequals(folder, to_forward_slashes(app.root))) continue;
    std::string rel = relative_to_root(folder, app.root);
    if (m.code_files > 0) {
      // A volume there would hide the program's own files (seed: state only).
      plan.warnings.push_back(folder + " ships code (" + std::to_string(m.code_files) + " of " +
                              std::to_string(m.files) +
                              " files are pages, scripts or assemblies): it is part of the "
                              "program, not data, so it gets no volume");
      continue;
    }
    bool added = false;
    VolumePlan& v =
        add_volume(plan, windows_join(plan.build.app_dir, rel),
                   m.detail + " (" + m.path + "): state must outlive the container", &added);
    if (added) v.holds = m.detail;
    if (m.database) {
      v.shared = false;
      v.holds += (v.holds.empty() ? "" : ", with ") + m.detail + " " + base_name(m.path);
    }
    if (added && m.files > 0) seed_volume(plan, v, folder, rel);
  }
  // An embedded engine with no database file in the source keeps it where
  // the database rule says: App_Data, a volume one instance owns.
  bool db_file =
      std::any_of(folders.begin(), folders.end(), [](const auto& m) { return m.database; });
  if (has_finding(a, rule_id::kDatabase) && !db_file) {
    for (auto& v : plan.volumes) {
      if (!iends_with(v.container_path, "\\App_Data")) continue;
      v.shared = false;
      v.holds += (v.holds.empty() ? "" : ", with ") + std::string("the embedded database");
    }
  }
  for (const auto& c : app.configs) {
    // Settings that name a folder: appSettings, and applicationSettings' typed ones.
    struct Setting {
      std::string what;              // "appSettings 'DataFolder'"
      std::string app_settings_key;  // "" for a typed setting
      std::string value;
      std::string name;  // the setting's key
    };
    std::vector<Setting> settings;
    for (const auto& kv : c.app_settings)
      settings.push_back({"appSettings '" + kv.key + "'", kv.key, kv.value, kv.key});
    for (const auto& p : c.path_settings) {
      if (istarts_with(p.section, "applicationSettings/") ||
          istarts_with(p.section, "userSettings/"))
        settings.push_back({"setting '" + p.key + "'", "", p.value, p.key});
    }
    for (const auto& [what, key, value, name] : settings) {
      if (local_state && !is_log_path(app, value) &&
          c_drive_data_folder(name, value, plan.build.app_dir)) {
        // The same folder inside the container, on a volume: the setting stays.
        std::string folder = value;
        while (folder.back() == '\\') folder.pop_back();
        if (!mountable(plan, folder, what + " (" + c.path + ")")) continue;
        bool added = false;
        VolumePlan& v = add_volume(plan, folder,
                                   what + " = " + value + " (" + c.path +
                                       "): a data folder outside the application's, where its "
                                       "state must outlive the container",
                                   &added);
        if (added) {
          v.holds = "the folder of " + what;
          seed_from_drive(app, plan, v, value, "copy what " + value + " holds onto it");
        }
        continue;
      }
      if (!is_other_drive(value)) continue;
      std::string local = to_c_drive(value);  // the setting's new value
      std::string mount = local;
      while (mount.size() > 3 && mount.back() == '\\') mount.pop_back();
      std::string why;
      if (is_log_path(app, value)) {
        why = "the log folder inside the container, where Log Monitor reads it (was " + value + ")";
      } else if (local_state && mountable(plan, mount, what + " (" + c.path + ")")) {
        bool added = false;
        VolumePlan& v = add_volume(plan, mount,
                                   what + " = " + value + " (" + c.path +
                                       "): the container has only C:, so the folder moves to " +
                                       local + " on a volume",
                                   &added);
        if (added) {
          v.holds = "the folder of " + what + " (was " + value + ")";
          seed_from_drive(app, plan, v, value, "copy what " + value + " holds onto it");
        }
        why = "the folder of " + what + " inside the container (was " + value + ")";
      } else {
        continue;
      }
      // An XML config is rewritten where it says it (plan_drive_paths);
      // .NET reads a JSON setting's variable over the JSON.
      const bool json =
          !rewritable_config(c.path) && c.included_by.empty() && c.transform_of.empty();
      if (json && !key.empty())
        plan.config.push_back({env_key(kAppSettingsPrefix, key), local, why});
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
    VolumePlan& v = add_volume(plan, "C:\\msmq",
                               "MSMQ queue storage: the seed's supported scenario 'private "
                               "transactional queue on a persistent volume' keeps messages when "
                               "the container is replaced");
    v.shared = false;
    if (v.holds.empty()) v.holds = "MSMQ's message store (queues, messages, journals)";
  }
  if (plan.volumes.empty()) {
    decide(plan, "storage", "no volumes",
           "no folder the application writes to was found: nothing to persist");
    return;
  }
  std::string list;
  std::size_t seeded = 0;
  for (const auto& v : plan.volumes) {
    list += (list.empty() ? "" : ", ") + v.container_path;
    if (!v.seed_path.empty()) ++seeded;
  }
  decide(plan, "storage",
         std::to_string(plan.volumes.size()) + " volume(s): " + list +
             (seeded == 0 ? "" : "; " + std::to_string(seeded) + " seeded from the image"),
         "containers are ephemeral: a new instance doesn't see what the last one wrote, so every "
         "folder the application writes to is persistent storage, shared by all instances (one "
         "instance owns a database's or a queue store's)" +
             std::string(seeded == 0 ? ""
                                     : ". A volume hides what the image has at its mount point, "
                                       "so what the application ships there is copied into the "
                                       "image under C:\\seed and onto the volume at the first "
                                       "start, file by file where the volume has none"));
}

}  // namespace liftshift
