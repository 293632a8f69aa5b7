// Edits checked when a plan file is read (plan/plan_file_check.cpp): an edited
// value's decision says what was planned and why, not the planner's argument
// for a value the artifacts no longer have.
#include "plan/plan_file_check.hpp"

#include <gtest/gtest.h>

#include "plan/plan_steps.hpp"

namespace liftshift {
namespace {

const Decision* find_decision(const AppPlan& plan, const std::string& topic) {
  for (const auto& d : plan.decisions) {
    if (d.topic == topic) return &d;
  }
  return nullptr;
}

// A planned console program listening on 8080, as the planner leaves it.
Plan planned_console() {
  Plan plan;
  AppPlan app;
  app.app_id = "tool";
  app.folder = "tool";
  app.k8s_name = "tool";
  app.base_image = "contoso/base";
  app.entry_kind = EntryKind::kConsole;
  app.entry_exe = "C:\\app\\Tool.exe";
  app.ports.push_back({8080, "TCP", "http-8080", "self-hosted listener http://+:8080/"});
  decide(app, "entrypoint", entrypoint_choice(app), "the program hosts its server itself");
  decide(app, "ports", ports_choice(app.ports), "the program hosts its HTTP listener itself");
  plan.apps.push_back(app);
  return plan;
}

std::vector<std::string> apply(Plan& plan) {
  std::vector<std::string> errors;
  apply_plan_edits(plan, {}, "plan.yaml", errors);
  return errors;
}

TEST(PlanFileCheck, AnUneditedEntrypointAndPortsKeepTheirReasons) {
  Plan plan = planned_console();
  EXPECT_TRUE(apply(plan).empty());
  EXPECT_EQ(find_decision(plan.apps[0], "entrypoint")->reason,
            "the program hosts its server itself");
  EXPECT_EQ(find_decision(plan.apps[0], "ports")->choice, "8080");
  EXPECT_EQ(find_decision(plan.apps[0], "ports")->reason,
            "the program hosts its HTTP listener itself");
}

TEST(PlanFileCheck, AnEditedEntrypointSaysWhatWasPlannedAndWhy) {
  Plan plan = planned_console();
  plan.apps[0].entry_args = "--listen 9000";
  EXPECT_TRUE(apply(plan).empty());
  const Decision* d = find_decision(plan.apps[0], "entrypoint");
  EXPECT_EQ(d->choice, "C:\\app\\Tool.exe --listen 9000");
  EXPECT_EQ(d->reason,
            "edited in the plan (planned: C:\\app\\Tool.exe, because the program hosts its "
            "server itself)");
}

TEST(PlanFileCheck, EditedPortsSayWhatWasPlannedAndWhy) {
  Plan plan = planned_console();
  plan.apps[0].ports[0].port = 9000;
  plan.apps[0].ports.push_back({9001, "TCP", "admin", "typed in"});
  EXPECT_TRUE(apply(plan).empty());
  const Decision* d = find_decision(plan.apps[0], "ports");
  EXPECT_EQ(d->choice, "9000, 9001");
  EXPECT_EQ(d->reason,
            "edited in the plan (planned: 8080, because the program hosts its HTTP listener "
            "itself)");

  Plan none = planned_console();
  none.apps[0].ports.clear();
  EXPECT_TRUE(apply(none).empty());
  EXPECT_EQ(find_decision(none.apps[0], "ports")->choice, "none");
}

}  // namespace
}  // namespace liftshift
