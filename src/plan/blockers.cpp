// Applications that are not candidates get no artifacts but BLOCKED.md: each
// blocker with its evidence and the seed's workaround (the catalogue's
// remediation, which the finding carries).
#include "plan/plan_steps.hpp"

namespace liftshift {

void plan_blockers(const AppAssessment& a, AppPlan& plan) {
  plan.blocked = a.verdict == Verdict::kNotACandidate;
  if (!plan.blocked) return;
  for (const auto& f : a.findings) {
    if (f.severity != Severity::kBlocker) continue;
    plan.blockers.push_back({f.rule, f.title, f.evidence, f.remediation});
  }
  decide(plan, "verdict", "not containerized",
         "the assessment found " + std::to_string(plan.blockers.size()) +
             " blocker(s); the seed lists these applications among those that can't be moved to "
             "Windows "
             "containers as they are, so no Dockerfile is written: BLOCKED.md names each blocker "
             "and its workaround");
}

}  // namespace liftshift
