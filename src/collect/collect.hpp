// The collector's entry point: from the paths a user gave to an Inventory of
// sources, applications and the problems met on the way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "collect/parsed_files.hpp"
#include "core/model.hpp"

namespace liftshift {

struct CollectOptions {
  ReadLimits limits;
  std::optional<int>
      partition;  // disk images: 1-based partition to read instead of the automatic choice
};

Inventory collect(const std::vector<std::string>& paths, const CollectOptions& options = {});

}  // namespace liftshift
