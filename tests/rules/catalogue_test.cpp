#include "rules/catalogue.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/rule_ids.hpp"
#include "rules/catalogue_text.hpp"
#include "rules/engine.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(Catalogue, EveryRuleHasTextAndAnImplementation) {
  const auto& rules = catalogue();
  ASSERT_EQ(rules.size(), rule_id::kAppRuleCount + rule_id::kMachineRuleCount);
  ASSERT_EQ(app_rule_table().size(), rule_id::kAppRuleCount);
  ASSERT_EQ(machine_rule_table().size(), rule_id::kMachineRuleCount);
  std::set<std::string> ids;
  for (const auto& r : rules) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_FALSE(r.title.empty()) << r.id;
    EXPECT_FALSE(r.seed_section.empty()) << r.id;
    EXPECT_GT(r.description.size(), 40u) << r.id;
    EXPECT_GT(r.remediation.size(), 40u) << r.id;
    EXPECT_FALSE(r.looks_for.empty()) << r.id;
  }
  // The tables follow the catalogue's order, app rules and machine rules apart.
  std::size_t app = 0;
  std::size_t machine = 0;
  for (const auto& r : rules) {
    if (r.scope == "app") {
      ASSERT_LT(app, app_rule_table().size());
      EXPECT_EQ(app_rule_table()[app++].id, r.id);
    } else {
      EXPECT_EQ(r.scope, "machine") << r.id;
      ASSERT_LT(machine, machine_rule_table().size());
      EXPECT_EQ(machine_rule_table()[machine++].id, r.id);
    }
  }
}

TEST(Catalogue, TypedIdsNameTheCatalogueRules) {
  EXPECT_EQ(rule_id::kGuiDesktop, "gui-desktop");
  EXPECT_EQ(rule_id::kMsmqAdAuth, "msmq-ad-auth");
  EXPECT_NE(find_rule(rule_id::kDatabaseServer), nullptr);
}

TEST(Catalogue, SeveritiesFollowTheIssue) {
  EXPECT_EQ(find_rule("gui-desktop")->severity, Severity::kBlocker);
  EXPECT_EQ(find_rule("rdp")->severity, Severity::kBlocker);
  EXPECT_EQ(find_rule("netfx-unsupported")->severity, Severity::kBlocker);
  EXPECT_EQ(find_rule("msmq-ad-auth")->severity, Severity::kBlocker);
  EXPECT_EQ(find_rule("msmq")->severity, Severity::kChange);
  EXPECT_EQ(find_rule("gui-api")->severity, Severity::kInfo);
  EXPECT_EQ(find_rule("netfx-image")->severity, Severity::kInfo);
  EXPECT_EQ(find_rule("third-party-framework")->severity, Severity::kInfo);
  EXPECT_EQ(find_rule("nonexistent"), nullptr);
}

TEST(Catalogue, DocsAreGeneratedFromTheSameData) {
  std::string committed = test::read_text(test::source_dir() / "docs" / "rules.md");
  EXPECT_EQ(committed, rules_as_markdown())
      << "docs/rules.md is stale: run `cmake --build build --target docs`";
  std::string readme = test::read_text(test::source_dir() / "README.md");
  const std::string begin = "<!-- BEGIN rule table";
  const std::string end = "<!-- END rule table -->";
  auto b = readme.find(begin);
  auto e = readme.find(end);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(e, std::string::npos);
  b = readme.find('\n', b) + 1;
  EXPECT_EQ(readme.substr(b, e - b), rules_summary_markdown())
      << "README.md's rule table is stale: run `cmake --build build --target docs`";
}

TEST(Catalogue, VerdictFollowsTheWorstSeverity) {
  Finding info{"netfx-image", Severity::kInfo, "", {}, ""};
  Finding change{"msmq", Severity::kChange, "", {}, ""};
  Finding blocker{"rdp", Severity::kBlocker, "", {}, ""};
  EXPECT_EQ(verdict_for({}), Verdict::kReady);
  EXPECT_EQ(verdict_for({info}), Verdict::kReady);
  EXPECT_EQ(verdict_for({info, change}), Verdict::kReadyWithChanges);
  EXPECT_EQ(verdict_for({change, blocker, info}), Verdict::kNotACandidate);
}

}  // namespace
}  // namespace liftshift
