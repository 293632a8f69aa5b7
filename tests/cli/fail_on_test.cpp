#include "cli/fail_on.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

Assessment with_verdicts(std::initializer_list<Verdict> verdicts) {
  Assessment a;
  for (Verdict v : verdicts) {
    AppAssessment app;
    app.verdict = v;
    a.apps.push_back(std::move(app));
  }
  return a;
}

TEST(FailOn, UnknownNeverPassesFailOnChange) {
  EXPECT_FALSE(fails_on(with_verdicts({Verdict::kReady}), "change"));
  EXPECT_TRUE(fails_on(with_verdicts({Verdict::kReady, Verdict::kUnknown}), "change"));
  EXPECT_TRUE(fails_on(with_verdicts({Verdict::kReadyWithChanges}), "change"));
  // --fail-on blocker fails on what is known to be blocked.
  EXPECT_FALSE(fails_on(with_verdicts({Verdict::kUnknown, Verdict::kReadyWithChanges}), "blocker"));
  EXPECT_TRUE(fails_on(with_verdicts({Verdict::kNotACandidate}), "blocker"));
  EXPECT_FALSE(fails_on(with_verdicts({Verdict::kNotACandidate}), ""));
}

}  // namespace
}  // namespace liftshift
