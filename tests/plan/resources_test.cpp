// Replicas and cpu/memory by kind (plan/resources.cpp).
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

TEST(PlanResources, ReplicasFollowTheScaleDecision) {
  AppAssessment a;
  AppPlan stateless;
  stateless.entry_kind = EntryKind::kIis;
  stateless.autoscale = true;
  plan_resources(a, stateless);
  EXPECT_EQ(stateless.replicas, 2);
  AppPlan single;
  single.entry_kind = EntryKind::kIis;
  single.replicas = 7;  // whatever it held: the planner decides
  plan_resources(a, single);
  EXPECT_EQ(single.replicas, 1);
}

TEST(PlanResources, ByKindWithAReason) {
  AppAssessment a;
  AppPlan iis;
  iis.entry_kind = EntryKind::kIis;
  iis.autoscale = true;
  plan_resources(a, iis);
  EXPECT_EQ(iis.resources.cpu_request, "500m");
  EXPECT_EQ(iis.resources.memory_limit, "2Gi");
  const Decision* d = find_decision(iis, "resources");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->choice, "requests cpu 500m, memory 1Gi; limits cpu 2, memory 2Gi");
  EXPECT_NE(d->reason.find("app pool recycle"), std::string::npos);
  EXPECT_NE(d->reason.find("70% CPU target is of the cpu request"), std::string::npos);

  AppPlan nano;
  nano.entry_kind = EntryKind::kConsole;
  nano.nano_server = true;
  plan_resources(a, nano);
  EXPECT_EQ(nano.resources.memory_request, "256Mi");
  EXPECT_NE(find_decision(nano, "resources")->reason.find("Nano Server"), std::string::npos);

  AppPlan service;
  service.entry_kind = EntryKind::kService;
  plan_resources(a, service);
  EXPECT_EQ(service.resources.cpu_request, "250m");
  EXPECT_EQ(service.resources.memory_request, "512Mi");
  EXPECT_EQ(service.resources.cpu_limit, "1");
  EXPECT_NE(find_decision(service, "resources")->reason.find("Windows service"), std::string::npos);
  EXPECT_EQ(find_decision(service, "resources")->reason.find("autoscaler"), std::string::npos);
}

}  // namespace
}  // namespace liftshift
