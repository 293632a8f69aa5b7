// The collector's entry point: from the paths a user gave to an Inventory of
// sources, applications and the problems met on the way.
#pragma once

#include <string>
#include <vector>

#include "collect/parsed_files.hpp"
#include "core/model.hpp"

namespace liftshift {

struct CollectOptions {
  ReadLimits limits;
};

Inventory collect(const std::vector<std::string>& paths, const CollectOptions& options = {});

}  // namespace liftshift
