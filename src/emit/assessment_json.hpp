// The JSON contract "liftshift/assessment/v1" (see README): sources, apps with
// their findings and verdicts, a summary, and the problems met.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace liftshift {

nlohmann::json assessment_to_json(const Assessment& assessment);
nlohmann::json inventory_to_json(const Inventory& inventory);

// Serialises with invalid UTF-8 replaced, never throwing on odd file names,
// and the C1 control characters escaped. Every JSON liftshift writes (assess,
// inventory, portfolio, SARIF) goes through it.
std::string dump_json(const nlohmann::json& json);

// Serialised JSON with each C1 control (U+0080-U+009F, valid UTF-8 that the
// JSON library writes raw) as a \u escape: the same JSON, but nothing a
// terminal acts on (U+009B starts an escape sequence) when someone cats it.
std::string escape_c1_controls(std::string_view dumped);

struct Summary {
  std::size_t apps = 0, ready = 0, ready_with_changes = 0, not_a_candidate = 0, unknown = 0;
};
Summary summarize(const Assessment& assessment);

}  // namespace liftshift
