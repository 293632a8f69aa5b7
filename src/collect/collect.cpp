#include "collect/collect.hpp"

#include <filesystem>
#include <set>

#include "collect/app_ids.hpp"
#include "collect/app_profile.hpp"
#include "collect/build_files.hpp"
#include "collect/config_includes.hpp"
#include "collect/group_apps.hpp"
#include "collect/machine_collector.hpp"
#include "collect/nested_configs.hpp"
#include "collect/script_task_apps.hpp"
#include "collect/server_apps.hpp"
#include "collect/service_name_resolve.hpp"
#include "collect/source_identity.hpp"
#include "core/text.hpp"
#include "sources/directory_volume.hpp"
#include "sources/open_source.hpp"
#include "sources/server_disks.hpp"
#include "sources/source_probe.hpp"

namespace liftshift {

namespace fs = std::filesystem;

namespace {

std::string source_name_for(const fs::path& path, std::set<std::string>& used) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  std::string name = (ec ? path : canonical).filename().string();
  if (name.empty()) name = "source";
  name = printable(name);
  std::string unique = name;
  for (int n = 2; !used.insert(unique).second; ++n) unique = name + "#" + std::to_string(n);
  return unique;
}

void collect_folder(const std::string& path, const std::string& source_name,
                    const CollectOptions& options, Inventory& inventory, Source& source,
                    const AppFinished& on_finished) {
  DirectoryVolume volume{fs::path(path)};
  ParsedSource parsed = read_source(volume, options.limits);
  source.kind = parsed.source_tree ? SourceKind::kSourceTree : SourceKind::kAppFolder;
  std::vector<Application> apps = parsed.source_tree ? group_source_tree(parsed, source_name)
                                                     : group_published(parsed, source_name);
  if (!parsed.source_tree) assign_by_root(parsed, apps);
  attach_runtime_configs(parsed, apps);
  if (apps.empty()) {
    parsed.problems.push_back({"",
                               "no application found: no executable, web application or "
                               "application project in this folder"});
  }
  for (auto& app : apps) {
    app.source = path;
    profile_app(app);
  }
  resolve_service_names(volume, parsed.files, apps);
  // After the kinds are known: sub-folder web.config files apply to web apps only.
  attach_nested_configs(parsed, apps);
  attach_config_includes(parsed, apps);
  attach_script_tasks(parsed, apps);
  for (std::size_t i = 0; i < apps.size(); ++i) {
    if (on_finished) on_finished(i, apps[i]);
    inventory.apps.push_back(std::move(apps[i]));
  }
  for (auto& p : parsed.problems) {
    p.path = p.path.empty() ? path : path + "/" + p.path;
    inventory.problems.push_back(std::move(p));
  }
}

void collect_server(const OpenedSource& opened, const std::string& path,
                    const std::string& source_name, const CollectOptions& options,
                    Inventory& inventory, Source& source, const AppFinished& on_finished) {
  const Volume& volume = *opened.volume;
  std::vector<Problem> problems;
  if (auto machine = collect_machine(volume, problems, opened.system_hive.get())) {
    source.machine = std::make_shared<const MachineFacts>(std::move(*machine));
    AppFinished finished;
    if (on_finished) {
      finished = [&](std::size_t i, Application& app) {
        app.source = path;
        app.machine = source.machine;
        on_finished(i, app);
      };
    }
    for (auto& app : collect_server_apps(volume, *source.machine, source_name, options.limits,
                                         problems, finished)) {
      app.source = path;
      app.machine = source.machine;
      inventory.apps.push_back(std::move(app));
    }
  } else {
    source.handled = false;
    source.note = "the Windows registry could not be read, so the server was not assessed";
  }
  for (auto& p : problems) {
    p.path = p.path.empty() ? path : path + ": " + p.path;
    inventory.problems.push_back(std::move(p));
  }
}

// The data disks given for a server, with the letters each gave.
std::vector<SourceDisk> source_disks(const std::vector<DataDisk>& disks,
                                     const OpenedSource& opened) {
  std::vector<SourceDisk> out;
  for (std::size_t i = 0; i < disks.size(); ++i) {
    SourceDisk d;
    d.path = disks[i].path.string();
    if (disks[i].letter != 0) d.letter = std::string(1, disks[i].letter) + ":";
    if (i < opened.disk_letters.size()) {
      for (char c : opened.disk_letters[i]) d.drives.push_back(std::string(1, c) + ":");
    }
    out.push_back(std::move(d));
  }
  return out;
}

// Collects one source into inventory; names holds the source names used so far.
void collect_source(const std::string& path, const CollectOptions& options,
                    std::set<std::string>& names, Inventory& inventory,
                    const AppFinished& on_finished = {}) {
  Source source;
  source.path = path;
  const std::size_t first_app = inventory.apps.size();
  std::string source_name;
  ProbeResult probe = probe_source(path);
  if (!probe.error.empty()) {
    source.handled = false;
    source.note = probe.error;
    inventory.problems.push_back({path, probe.error});
  } else if (probe.kind == SourceKind::kSystemDrive) {
    source.kind = probe.kind;
    std::vector<Problem> problems;
    auto opened = open_server(path, std::nullopt, options.disks, problems);
    for (auto& p : problems) inventory.problems.push_back({path + ": " + p.path, p.message});
    source_name = source_name_for(path, names);
    if (!opened) {
      source.handled = false;
      source.note = opened.error().message;
      inventory.problems.push_back({path, opened.error().message});
    } else {
      source.drives = opened->drives;
      source.disks = source_disks(options.disks, *opened);
      collect_server(*opened, path, source_name, options, inventory, source, on_finished);
      source.bytes_read = opened->bytes_read();  // the data disks' images
    }
    if (source.machine && !source.machine->machine_guid.empty()) {
      source.identity =
          source_identity(path, {"machine-guid:" + to_lower(source.machine->machine_guid)});
    }
  } else if (probe.kind == SourceKind::kDiskImage) {
    source.kind = probe.kind;
    std::vector<Problem> problems;
    auto opened = open_server(path, options.partition, options.disks, problems);
    for (auto& p : problems) inventory.problems.push_back({path + ": " + p.path, p.message});
    if (!opened) {
      source.handled = false;
      source.note = opened.error().message;
      inventory.problems.push_back({path, opened.error().message});
    } else {
      source.image_format = opened->format;
      source.partition = opened->chosen;
      source.drives = opened->drives;
      source.disks = source_disks(options.disks, *opened);
      source.image_size = opened->image_size;
      source_name = source_name_for(path, names);
      collect_server(*opened, path, source_name, options, inventory, source, on_finished);
      source.bytes_read = opened->bytes_read();  // the system disk and every data disk
      std::string partition_key =
          opened->partition ? "partition " + std::to_string(opened->partition->index) : "";
      source.identity = source_identity(path, {opened->image_identifier, partition_key});
    }
  } else {
    source_name = source_name_for(path, names);
    collect_folder(path, source_name, options, inventory, source, on_finished);
  }
  bool folder = source.kind == SourceKind::kSourceTree || source.kind == SourceKind::kAppFolder;
  make_ids_unique(inventory.apps, first_app, source_name, folder);
  if (source.identity.empty()) source.identity = source_identity(path, {});
  inventory.sources.push_back(std::move(source));
}

}  // namespace

Inventory collect(const std::vector<std::string>& paths, const CollectOptions& options) {
  Inventory inventory;
  std::set<std::string> names;
  for (const auto& path : paths) collect_source(path, options, names, inventory);
  return inventory;
}

Inventory SourceCollector::collect(const std::string& path, const AppFinished& on_finished) {
  Inventory inventory;
  collect_source(path, options_, names_, inventory, on_finished);
  return inventory;
}

}  // namespace liftshift
