// Collects and assesses one source with bounded memory: each application is
// assessed as soon as the collector has finished it, then slimmed, so a
// server's parsed binaries are not all held until the whole server is read.
#pragma once

#include <string>

#include "collect/collect.hpp"
#include "core/model.hpp"

namespace liftshift {

enum class SlimAfterRules {
  kReport,  // keep what the report prints: the parsed files go (drop_parsed_files)
  kPlan,    // keep what the planner reads: the binaries' lists go (slim_binaries)
};

Assessment assess_source(SourceCollector& collector, const std::string& path, SlimAfterRules slim);

}  // namespace liftshift
