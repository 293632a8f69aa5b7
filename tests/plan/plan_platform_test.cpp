// Windows version x isolation x orchestrator, including the refused
// combinations (FACTS.md: host/container compatibility, Kubernetes on Windows).
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"
#include "plan/windows_facts.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

TEST(PlanPlatform, KubernetesRefusesHyperVIsolationAndSaysWhy) {
  auto refused =
      refused_options(options(std::nullopt, Isolation::kHyperv, Orchestrator::kKubernetes));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_NE(refused[0].find("process isolation only"), std::string::npos);
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  Assessment a;
  a.apps.push_back(f.assessment);
  Plan plan = make_plan(a, options(std::nullopt, Isolation::kHyperv, Orchestrator::kKubernetes));
  EXPECT_TRUE(plan.apps.empty()) << "nothing is planned for a refused combination";
  EXPECT_FALSE(plan.refusals.empty());
}

TEST(PlanPlatform, EveryCombinationOfVersionIsolationAndOrchestrator) {
  for (WindowsVersion v :
       {WindowsVersion::kLtsc2019, WindowsVersion::kLtsc2022, WindowsVersion::kLtsc2025}) {
    for (Isolation i : {Isolation::kProcess, Isolation::kHyperv}) {
      for (Orchestrator o :
           {Orchestrator::kKubernetes, Orchestrator::kSwarm, Orchestrator::kCompose}) {
        SCOPED_TRACE(to_string(v) + " " + to_string(i) + " " + to_string(o));
        PlanOptions opts = options(v, i, o);
        bool refused = o == Orchestrator::kKubernetes && i == Isolation::kHyperv;
        EXPECT_EQ(!refused_options(opts).empty(), refused);
        if (refused) continue;
        AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
        AppPlan p = plan_app(f.assessment, opts);
        EXPECT_TRUE(p.refusals.empty());
        EXPECT_EQ(p.windows_version, v);
        EXPECT_EQ(p.windows_build, windows_build(v)) << "the emitters print the plan's build";
        EXPECT_EQ(p.isolation, i);
        EXPECT_EQ(p.orchestrator, o);
        EXPECT_NE(p.base_tag.find(to_string(v)), std::string::npos);
        EXPECT_TRUE(test::has_decision(p, "isolation"));
      }
    }
  }
}

TEST(PlanPlatform, ProcessIsolationNamesTheHostsThatMatchTheBuild) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  AppPlan p = plan_app(f.assessment, options(WindowsVersion::kLtsc2019, Isolation::kProcess,
                                             Orchestrator::kCompose));
  std::string reason;
  for (const auto& d : p.decisions) {
    if (d.topic == "isolation") reason = d.reason;
  }
  EXPECT_NE(reason.find("10.0.17763"), std::string::npos) << reason;
  EXPECT_NE(reason.find("Windows Server 2019"), std::string::npos);
  EXPECT_EQ(reason.find("Windows Server 2022"), std::string::npos)
      << "2022 hosts can't run 2019 process-isolated";
  auto hv = compatible_hosts(WindowsVersion::kLtsc2019, Isolation::kHyperv);
  EXPECT_NE(std::find(hv.begin(), hv.end(), "Windows Server 2025"), hv.end());
}

TEST(PlanPlatform, KubernetesPinsTheWindowsBuild) {
  EXPECT_EQ(windows_build(WindowsVersion::kLtsc2019), "10.0.17763");
  EXPECT_EQ(windows_build(WindowsVersion::kLtsc2022), "10.0.20348");
  EXPECT_EQ(windows_build(WindowsVersion::kLtsc2025), "10.0.26100");
  EXPECT_FALSE(refused_options(options(WindowsVersion::kLtsc2016)).empty())
      << "no 2016 Kubernetes nodes";
}

TEST(PlanPlatform, MsmqNeedsWindowsServer2019OrLater) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.finding("msmq");
  EXPECT_FALSE(plan_app(f.assessment,
                        options(WindowsVersion::kLtsc2016, std::nullopt, Orchestrator::kCompose))
                   .refusals.empty());
  EXPECT_TRUE(plan_app(f.assessment, options(WindowsVersion::kLtsc2019)).refusals.empty());
}

TEST(PlanPlatform, OptionParsing) {
  EXPECT_EQ(parse_windows_version("ltsc2025"), WindowsVersion::kLtsc2025);
  EXPECT_FALSE(parse_windows_version("2022").has_value());
  EXPECT_EQ(parse_isolation("hyperv"), Isolation::kHyperv);
  EXPECT_EQ(parse_orchestrator("swarm"), Orchestrator::kSwarm);
  EXPECT_FALSE(parse_orchestrator("nomad").has_value());
}

}  // namespace
}  // namespace liftshift
