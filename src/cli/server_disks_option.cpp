#include "cli/server_disks_option.hpp"

#include "core/text.hpp"
#include "sources/open_source.hpp"

namespace liftshift {

Result<ServerSources> server_sources(const std::vector<std::string>& paths,
                                     const std::vector<std::string>& disk_options, bool server,
                                     std::optional<int> partition) {
  ServerSources out;
  for (const auto& d : disk_options) {
    auto disk = parse_data_disk(d);
    if (!disk) return make_error("--disk " + disk.error().message);
    out.disks.push_back(std::move(disk).value());
  }
  if (!server) {
    if (!out.disks.empty() && paths.size() != 1) {
      return make_error(
          "--disk attaches disks to one server: give exactly one server PATH (or list all the "
          "server's disks with --server)");
    }
    out.paths = paths;
    return out;
  }
  if (paths.empty()) return make_error("--server: give the server's disks as PATHs");
  std::optional<std::size_t> system;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (!probe_system_disk(paths[i], partition).holds_windows) continue;
    if (system) {
      return make_error("--server: both " + printable(paths[*system]) + " and " +
                        printable(paths[i]) +
                        " hold Windows: one server has one system disk (assess them apart)");
    }
    system = i;
  }
  if (!system) {
    return make_error(
        "--server: none of the PATHs holds Windows (Windows\\System32\\config\\SYSTEM): give the "
        "server's system disk too");
  }
  out.paths = {paths[*system]};
  std::vector<DataDisk> listed;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (i != *system) listed.push_back({paths[i], 0});
  }
  out.disks.insert(out.disks.begin(), listed.begin(), listed.end());
  return out;
}

}  // namespace liftshift
