#include "rules/catalogue.hpp"

#include <gtest/gtest.h>

#include <set>

#include "rules/catalogue_text.hpp"
#include "rules/engine.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(Catalogue, EveryRuleHasTextAndAnImplementation) {
  const auto& rules = catalogue();
  ASSERT_EQ(rules.size(), 28u);  // 22 application rules and 6 machine rules
  std::set<std::string> ids;
  for (const auto& r : rules) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_FALSE(r.title.empty()) << r.id;
    EXPECT_FALSE(r.seed_section.empty()) << r.id;
    EXPECT_GT(r.description.size(), 40u) << r.id;
    EXPECT_GT(r.remediation.size(), 40u) << r.id;
    if (r.scope == "app") {
      EXPECT_EQ(rule_registry().count(r.id), 1u) << r.id << " has no implementation";
    } else {
      EXPECT_EQ(r.scope, "machine") << r.id;
      EXPECT_EQ(machine_rule_registry().count(r.id), 1u) << r.id << " has no implementation";
    }
  }
  for (const auto& [id, check] : rule_registry()) {
    EXPECT_NE(find_rule(id), nullptr) << id << " is implemented but not in the catalogue";
  }
  for (const auto& [id, check] : machine_rule_registry()) {
    EXPECT_NE(find_rule(id), nullptr) << id << " is implemented but not in the catalogue";
  }
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
      << "docs/rules.md is stale: run `build/liftshift rules --format markdown > docs/rules.md`";
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
