// `assess` handles one source at a time (collect, assess, save) so a long
// list is read with bounded memory, yet prints one report for all of them.
// This keeps, per source, what the text and JSON reports print (sources,
// applications without their parsed files, findings, problems) and rebuilds
// one Inventory and Assessment from it at the end.
#pragma once

#include <memory>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

class AssessmentAccumulator {
 public:
  // inventory: one source's; assessment: made from it.
  void add(const Inventory& inventory, const Assessment& assessment);

  // What add() kept, as one Inventory with its Assessment pointing into it.
  struct Combined {
    Inventory inventory;
    Assessment assessment;
  };
  [[nodiscard]] std::unique_ptr<Combined> combined() const;

 private:
  struct AppResult {
    std::size_t app = 0;  // index into apps_
    Verdict verdict = Verdict::kReady;
    std::vector<Finding> findings;
    RuleResults results;
  };
  struct MachineResult {
    std::size_t source = 0;  // index into sources_
    std::vector<Finding> findings;
  };
  std::vector<Source> sources_;
  std::vector<Application> apps_;
  std::vector<Problem> problems_;
  std::vector<AppResult> app_results_;
  std::vector<MachineResult> machine_results_;
};

}  // namespace liftshift
