// The rule catalogue, read from rules/catalogue.json compiled into the
// binary: the same text serves the engine, `liftshift rules` and `explain`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace liftshift {

struct RuleInfo {
  std::string id;
  Severity severity = Severity::kInfo;
  std::string scope;  // "app" or "machine"
  std::string title;
  std::string looks_for;  // what the rule looks for, in a few words (README's rule table)
  std::string seed_section;
  std::string description;
  std::string remediation;
  // Extra effort points a finding of this rule costs on top of its severity's
  // (portfolio ranking; see portfolio/portfolio.hpp and README "Portfolio").
  int effort = 0;
};

// All rules, in catalogue order. Parsed once; the data is checked by tests.
const std::vector<RuleInfo>& catalogue();
const RuleInfo* find_rule(std::string_view id);
// Where the catalogue's text comes from (the seed document's title).
const std::string& catalogue_source();

}  // namespace liftshift
