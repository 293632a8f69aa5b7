#include "cli/assess_source.hpp"

#include <optional>
#include <vector>

#include "core/slim_app.hpp"
#include "rules/engine.hpp"

namespace liftshift {

Assessment assess_source(SourceCollector& collector, const std::string& path, SlimAfterRules slim) {
  std::vector<std::optional<AppAssessment>> assessed;
  Inventory inventory = collector.collect(path, [&](std::size_t i, Application& app) {
    if (assessed.size() <= i) assessed.resize(i + 1);
    assessed[i] = assess_app(app);
    if (slim == SlimAfterRules::kReport) {
      drop_parsed_files(app);
    } else {
      slim_binaries(app);
    }
  });
  return assess(std::move(inventory), std::move(assessed));
}

}  // namespace liftshift
