// What the assessment could not see: an application whose own content (a
// site's folder, a service's program) is not on the source. Its verdict is
// unknown (engine.cpp), and this finding says why.
#include "rules/engine.hpp"
#include "rules/rule_checks.hpp"

namespace liftshift {

Evidence check_not_assessed(const Application& app, RuleResults& /*results*/) {
  if (app.not_assessed.empty()) return {};
  return {"not assessed: " + app.not_assessed};
}

}  // namespace liftshift
