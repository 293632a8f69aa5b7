// Applications that are not candidates get no artifacts but BLOCKED.md: each
// blocker with its evidence and the seed's workaround (the catalogue's
// remediation, which the finding carries).
#include "plan/plan_steps.hpp"

namespace liftshift {

void plan_blockers(const AppAssessment& a, AppPlan& plan) {
  plan.blocked = a.verdict == Verdict::kNotACandidate || a.verdict == Verdict::kUnknown;
  if (!plan.blocked) return;
  if (a.verdict == Verdict::kUnknown) {
    // Nothing to build from: the content was not on the source.
    for (const auto& f : a.findings) {
      if (f.rule == rule_id::kNotAssessed)
        plan.blockers.push_back({f.rule, f.title, f.evidence, f.remediation});
    }
    decide(plan, "verdict", "not containerized",
           "the application's content was not on the source, so it was not assessed and there is "
           "nothing to build an image from: BLOCKED.md says what is missing");
    return;
  }
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
