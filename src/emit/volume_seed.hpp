// The first-run step that fills a volume with what the application ships in
// its folder (VolumePlan::seed_path), used by the Kubernetes initContainer
// and the compose seed service alike.
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

// The volumes of the plan that have a seed.
std::vector<const VolumePlan*> seeded_volumes(const AppPlan& plan);

// The seed step, in exec form: robocopy from each seed into its volume,
// copying only the files the volume lacks (/XC /XN /XO leave every file that
// is already there alone, changed or not), so a volume that holds data keeps
// it and a new, empty one gets what the image ships. Robocopy exit codes
// below 8 mean success (1: files copied, 2: extra files on the volume); the
// step fails only from 8 up. Empty when no volume has a seed.
std::vector<std::string> seed_command(const AppPlan& plan);

// The name of the initContainer / compose service that runs it.
std::string seed_step_name(const AppPlan& plan);

}  // namespace liftshift
