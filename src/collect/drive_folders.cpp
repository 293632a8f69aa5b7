#include "collect/drive_folders.hpp"

#include <algorithm>

#include "collect/server_apps.hpp"
#include "core/text.hpp"
#include "sources/sub_volume.hpp"

namespace liftshift {

namespace {

// The folder a Windows path names on another drive of the server volume
// ("D:/Data/Feeds"), or nullopt (drive C:, a share, a relative path).
std::optional<std::string> other_drive_folder(const std::string& windows_path) {
  auto path = volume_path(windows_path);
  if (!path || path->size() < 2 || (*path)[1] != ':') return std::nullopt;
  return path;
}

void measure(const Volume& volume, const std::string& windows_path, Application& app) {
  auto folder = other_drive_folder(windows_path);
  if (!folder) return;
  for (const auto& known : app.drive_folders) {
    if (iequals(known.windows_path, windows_path)) return;
  }
  auto found = volume.find(*folder);
  if (!found || !found->is_dir) return;  // not on a disk given, or not a folder
  DriveFolder f;
  f.windows_path = windows_path;
  f.path = found->path;
  std::vector<Problem> ignored;  // the copy reports what it cannot read
  SubVolume(volume, f.path)
      .walk(
          [&](const FileEntry& e) {
            if (f.over_limit) return false;
            if (e.is_dir) return true;
            ++f.files;
            f.bytes += e.size;
            f.over_limit = f.bytes > kMaxDriveSeedBytes;
            return true;
          },
          ignored);
  app.drive_folders.push_back(std::move(f));
}

}  // namespace

void measure_drive_folders(const Volume& volume, Application& app) {
  if (app.iis) {
    for (const auto& v : app.iis->virtual_dirs) measure(volume, v.physical_path, app);
  }
  for (const auto& c : app.configs) {
    for (const auto& kv : c.app_settings) measure(volume, kv.value, app);
  }
}

}  // namespace liftshift
