// The planner: turns an Assessment into a Plan, one AppPlan per application,
// following the seed's tables and ../shared/FACTS.md. Every decision is
// recorded with its reason.
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"

namespace liftshift {

// Checks the options alone (combinations that are refused whatever the app).
std::vector<std::string> refused_options(const PlanOptions& options);

// Plans one application.
AppPlan plan_app(const AppAssessment& assessment, const PlanOptions& options);

// Plans the applications whose id is in only (all when only is empty).
Plan make_plan(const Assessment& assessment, const PlanOptions& options,
               const std::vector<std::string>& only = {});

}  // namespace liftshift
