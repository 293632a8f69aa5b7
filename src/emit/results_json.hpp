// The JSON pieces every liftshift document shares: a finding, the verdict
// counts, and the one serialiser. "liftshift/assessment/v1" (assess) and
// "liftshift/portfolio/v1" (portfolio) both write their findings and
// summaries through these, so the two contracts cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

// {rule, severity, title, evidence, remediation}
nlohmann::json finding_json(const Finding& finding);
nlohmann::json findings_json(const std::vector<Finding>& findings);

// {apps, ready, ready-with-changes, not-a-candidate, unknown}
nlohmann::json verdict_counts_json(const VerdictCounts& counts);

// Serialises with invalid UTF-8 replaced, never throwing on odd file names,
// and the C1 control characters escaped. Every JSON liftshift writes (assess,
// inventory, portfolio, SARIF) goes through it.
std::string dump_json(const nlohmann::json& json);

// Serialised JSON with each C1 control (U+0080-U+009F, valid UTF-8 that the
// JSON library writes raw) as a \u escape: the same JSON, but nothing a
// terminal acts on (U+009B starts an escape sequence) when someone cats it.
std::string escape_c1_controls(std::string_view dumped);

}  // namespace liftshift
