#include "portfolio/portfolio.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "emit/report_fixture.hpp"
#include "rules/catalogue.hpp"

namespace liftshift {
namespace {

namespace fx = test::reportfx;

std::vector<std::string> names(const Report& r) {
  std::vector<std::string> out;
  for (const auto& a : r.apps) out.push_back(a.name);
  return out;
}

TEST(Portfolio, EffortIsSeverityPointsPlusRulePoints) {
  EXPECT_EQ(severity_points(Severity::kBlocker), 8);
  EXPECT_EQ(severity_points(Severity::kChange), 2);
  EXPECT_EQ(severity_points(Severity::kInfo), 0);
  EXPECT_EQ(finding_effort(fx::finding("msmq-ad-auth", {})), 8 + 3);
  EXPECT_EQ(finding_effort(fx::finding("gui-desktop", {})), 8 + 5);
  EXPECT_EQ(finding_effort(fx::finding("connection-string", {})), 2 + 1);
  EXPECT_EQ(finding_effort(fx::finding("netfx-image", {})), 0);
  Finding unknown;
  unknown.rule = "not-in-the-catalogue";
  unknown.severity = Severity::kChange;
  EXPECT_EQ(finding_effort(unknown), 2);
  ReportApp app = fx::app("x", "web", fx::folder_source(), Verdict::kNotACandidate,
                          {fx::finding("msmq-ad-auth", {}), fx::finding("connection-string", {})});
  EXPECT_EQ(app_effort(app), 14);
}

TEST(Portfolio, EveryRuleHasEffortPointsInTheCatalogue) {
  for (const auto& rule : catalogue()) {
    EXPECT_GE(rule.effort, 0) << rule.id;
    EXPECT_LE(rule.effort, 10) << rule.id;
  }
  // The rules that need the most rework cost the most.
  EXPECT_GT(find_rule("gui-desktop")->effort, find_rule("connection-string")->effort);
  EXPECT_EQ(find_rule("netfx-image")->effort, 0);
}

TEST(Portfolio, PriorityTagIsReadCaseInsensitively) {
  ReportApp app;
  EXPECT_EQ(priority_rank(app), 3);
  app.tags["Priority"] = "HIGH";
  EXPECT_EQ(priority_rank(app), 0);
  app.tags["Priority"] = "medium";
  EXPECT_EQ(priority_rank(app), 1);
  app.tags["Priority"] = "low";
  EXPECT_EQ(priority_rank(app), 2);
  app.tags["Priority"] = "urgent";  // not a documented value: ranks like no tag
  EXPECT_EQ(priority_rank(app), 3);
}

TEST(Portfolio, RanksByVerdictThenEffortThenPriorityThenName) {
  Report r = fx::estate();
  rank_apps(r);
  EXPECT_EQ(names(r), fx::ranked_names());
  std::vector<int> efforts;
  for (const auto& a : r.apps) efforts.push_back(a.effort);
  EXPECT_EQ(efforts, (std::vector<int>{0, 0, 3, 3, 8, 11, 14, 24}));
}

TEST(Portfolio, RankingDoesNotDependOnInputOrder) {
  Report a = fx::estate();
  Report b = fx::estate();
  std::reverse(b.apps.begin(), b.apps.end());
  rank_apps(a);
  rank_apps(b);
  EXPECT_EQ(names(a), names(b));
}

TEST(Portfolio, TotalsPerVerdictRuleFrameworkAndOs) {
  Report r = fx::estate();
  rank_apps(r);
  ReportSummary s = summarize_report(r);
  EXPECT_EQ(s.apps, 8);
  EXPECT_EQ(s.ready, 2);
  EXPECT_EQ(s.ready_with_changes, 3);
  EXPECT_EQ(s.not_a_candidate, 3);
  EXPECT_EQ(s.findings, 10);
  EXPECT_EQ(s.effort, 63);

  ASSERT_EQ(s.blocker_rules.size(), 2u);
  EXPECT_EQ(s.blocker_rules[0].key, "msmq-ad-auth");
  EXPECT_EQ(s.blocker_rules[0].label, "MSMQ with Active Directory authentication");
  EXPECT_EQ(s.blocker_rules[0].apps, 3);
  EXPECT_EQ(s.blocker_rules[1].key, "gui-desktop");
  EXPECT_EQ(s.blocker_rules[1].apps, 1);

  ASSERT_EQ(s.frameworks.size(), 3u);
  EXPECT_EQ(s.frameworks[0].key, "netfx 4.8");
  EXPECT_EQ(s.frameworks[0].apps, 6);
  EXPECT_EQ(s.frameworks[1].key, "netfx 3.5");
  EXPECT_EQ(s.frameworks[2].key, "unknown");

  ASSERT_EQ(s.os_versions.size(), 3u);
  EXPECT_EQ(s.os_versions[0].key, "Windows Server 2012 R2 Standard (6.3.9600)");
  EXPECT_EQ(s.os_versions[0].apps, 4);
  EXPECT_EQ(s.os_versions[1].key, "no server (folder source)");
  EXPECT_EQ(s.os_versions[1].apps, 3);
  EXPECT_EQ(s.os_versions[2].key, "Windows Server 2016 Standard (10.0.14393)");
  EXPECT_EQ(s.os_versions[2].apps, 1);
}

TEST(Portfolio, MostCommonBlockerSetsNameTheRules) {
  Report r = fx::estate();
  ReportSummary s = summarize_report(r);
  ASSERT_EQ(s.blocker_sets.size(), 2u);
  EXPECT_EQ(s.blocker_sets[0].rules, (std::vector<std::string>{"msmq-ad-auth"}));
  EXPECT_EQ(s.blocker_sets[0].apps, 2);
  EXPECT_EQ(s.blocker_sets[0].sentence,
            "2 apps blocked only by MSMQ with Active Directory authentication");
  EXPECT_EQ(s.blocker_sets[1].rules, (std::vector<std::string>{"gui-desktop", "msmq-ad-auth"}));
  EXPECT_EQ(s.blocker_sets[1].sentence,
            "1 app blocked only by Application requires a desktop and MSMQ with Active Directory "
            "authentication");
}

TEST(Portfolio, ThreeBlockersAreListedWithCommasAndAnd) {
  Report r;
  r.apps.push_back(fx::app("x", "desktop", fx::folder_source(), Verdict::kNotACandidate,
                           {fx::finding("rdp", {}), fx::finding("gui-desktop", {}),
                            fx::finding("msmq-ad-auth", {}), fx::finding("rdp", {"again"})}));
  ReportSummary s = summarize_report(r);
  ASSERT_EQ(s.blocker_sets.size(), 1u);
  EXPECT_EQ(s.blocker_sets[0].sentence,
            "1 app blocked only by Application requires a desktop, MSMQ with Active Directory "
            "authentication and Relies on Remote Desktop sessions");
  ASSERT_EQ(s.blocker_rules.size(), 3u);
  for (const auto& t : s.blocker_rules) EXPECT_EQ(t.apps, 1) << t.key;  // counted once per app
}

TEST(Portfolio, ContextCarriesTheCatalogueAndSeverityPoints) {
  Report r = fx::estate();
  ReportContext c = rank_report(r, "9.9.9");
  EXPECT_EQ(c.rules.size(), catalogue().size());
  EXPECT_EQ(c.tool_version, "9.9.9");
  EXPECT_EQ(names(r), fx::ranked_names());
  EXPECT_EQ(c.summary.effort, 63);
  // The renderers' per-finding points agree with the ranking's.
  for (const auto& app : r.apps) {
    int sum = 0;
    for (const auto& f : app.findings) sum += finding_points(c, f);
    EXPECT_EQ(sum, app.effort) << app.name;
  }
}

}  // namespace
}  // namespace liftshift
