// The collector's entry point: from the paths a user gave to an Inventory of
// sources, applications and the problems met on the way.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "collect/app_finished.hpp"
#include "collect/parsed_files.hpp"
#include "core/model.hpp"
#include "sources/server_disks.hpp"

namespace liftshift {

struct CollectOptions {
  ReadLimits limits;
  std::optional<int>
      partition;  // disk images: 1-based partition to read instead of the automatic choice
  // The server's other disks (--disk), attached to every server source.
  std::vector<DataDisk> disks;
};

Inventory collect(const std::vector<std::string>& paths, const CollectOptions& options = {});

// Collects sources one at a time, each into its own Inventory, so a long
// list is read with bounded memory; source names (and so application ids)
// stay unique across calls exactly as collect() makes them for one list.
// on_finished sees each application of the source once it is complete (the
// Inventory's apps[index] afterwards, ids made unique): see app_finished.hpp.
class SourceCollector {
 public:
  explicit SourceCollector(const CollectOptions& options = {}) : options_(options) {}
  Inventory collect(const std::string& path, const AppFinished& on_finished = {});

 private:
  CollectOptions options_;
  std::set<std::string> names_;
};

}  // namespace liftshift
