// The JSON contract "liftshift/assessment/v1" (see README): sources, apps with
// their findings and verdicts, a summary, and the problems met.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "emit/results_json.hpp"

namespace liftshift {

nlohmann::json assessment_to_json(const Assessment& assessment);
nlohmann::json inventory_to_json(const Inventory& inventory);

}  // namespace liftshift
