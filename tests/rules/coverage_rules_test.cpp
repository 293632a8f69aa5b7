#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::evidence_of;
using test::rulefx::fires;

Verdict verdict_of(const Application& app) {
  Inventory inv;
  inv.apps.push_back(app);
  return assess(inv).apps.at(0).verdict;
}

TEST(NotAssessedRule, SaysWhyTheContentWasNotAssessed) {
  Application app = console_app();
  EXPECT_FALSE(fires("not-assessed", app));
  app.not_assessed = "service Sync: its program D:\\Sync\\sync.exe is not on this volume";
  EXPECT_EQ(evidence_of("not-assessed", app),
            Evidence{"not assessed: service Sync: its program D:\\Sync\\sync.exe is not on this "
                     "volume"});
}

// Content absent is never ready: the verdict is unknown, even with no other
// finding, and even when the server shows a change; a known blocker still
// makes the application not a candidate.
TEST(NotAssessedRule, VerdictIsUnknownNeverReady) {
  Application app;
  app.id = "srv/iis/Shop";
  app.name = "Shop";
  app.kind = AppKind::kWeb;
  EXPECT_EQ(verdict_of(app), Verdict::kReady);
  app.not_assessed = "site 'Shop' serves D:\\Sites\\Shop, which is not on this volume";
  EXPECT_EQ(verdict_of(app), Verdict::kUnknown);

  Finding change{"msmq", Severity::kChange, "", {}, ""};
  Finding blocker{"rdp", Severity::kBlocker, "", {}, ""};
  EXPECT_EQ(verdict_for(app, {change}), Verdict::kUnknown);
  EXPECT_EQ(verdict_for(app, {change, blocker}), Verdict::kNotACandidate);
  EXPECT_EQ(to_string(Verdict::kUnknown), "unknown");
}

}  // namespace
}  // namespace liftshift
