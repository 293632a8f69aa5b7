// The JSON contract "liftshift/assessment/v1" (see README): sources, apps with
// their findings and verdicts, a summary, and the problems met.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/model.hpp"

namespace liftshift {

nlohmann::json assessment_to_json(const Assessment& assessment);
nlohmann::json inventory_to_json(const Inventory& inventory);

// Serialises with invalid UTF-8 replaced, never throwing on odd file names.
std::string dump_json(const nlohmann::json& json);

struct Summary {
  std::size_t apps = 0, ready = 0, ready_with_changes = 0, not_a_candidate = 0;
};
Summary summarize(const Assessment& assessment);

}  // namespace liftshift
