// The catalogue as people read it: `liftshift rules` (table), `--format
// markdown` (docs/rules.md is generated from it), `liftshift explain ID`.
#pragma once

#include <string>

#include "rules/catalogue.hpp"

namespace liftshift {

std::string rules_as_text();
std::string rules_as_markdown();
// One Markdown table row per rule: id, scope, severity, effort, what it looks
// for (`liftshift rules --format summary`; README.md's rule table).
std::string rules_summary_markdown();
std::string rules_as_json();
std::string explain_rule(const RuleInfo& rule);

}  // namespace liftshift
