// What the assessment could not see: an application whose own content (a
// site's folder, a service's program) is not on the source. Its verdict is
// unknown (engine.cpp), and this finding says why.
#include "rules/engine.hpp"

namespace liftshift {

namespace {

Evidence not_assessed(const Application& app) {
  if (app.not_assessed.empty()) return {};
  return {"not assessed: " + app.not_assessed};
}

}  // namespace

void register_coverage_rules(RuleRegistry& registry) { registry["not-assessed"] = not_assessed; }

}  // namespace liftshift
