// A program that hosts WCF or HTTP itself runs as its executable and exposes
// the ports it listens on; a client of the same service exposes none.
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;

PlanOptions options() { return PlanOptions{}; }

bool has_port(const AppPlan& p, int port) {
  for (const auto& x : p.ports) {
    if (x.port == port) return true;
  }
  return false;
}

TEST(SelfHostPorts, AWcfSelfHostExposesItsEndpointsPortsAndRunsItsExecutable) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.app().self_host = SelfHost::kWcf;
  ConfigFacts c;
  c.path = "App/App.config";
  c.base_addresses = {"net.tcp://localhost:8888/Sample"};
  c.endpoints.push_back({"http://0.0.0.0:8090/echo", "basicHttpBinding", "", "IEcho", false});
  c.endpoints.push_back({"net.tcp://server:9999/other", "netTcpBinding", "", "IOther", true});
  f.app().configs.push_back(c);
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Program.cs", 17, "net.tcp://localhost:8889/x"});
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "Other/Program.cs", 3, "net.tcp://localhost:7777/"});
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_kind, EntryKind::kConsole);
  EXPECT_EQ(p.entry_exe, "C:\\app\\App.exe");
  EXPECT_TRUE(has_port(p, 8888));
  EXPECT_TRUE(has_port(p, 8090));
  EXPECT_TRUE(has_port(p, 8889));
  EXPECT_FALSE(has_port(p, 9999)) << "a client endpoint is an address it calls";
  EXPECT_FALSE(has_port(p, 7777)) << "another project's code";
  EXPECT_FALSE(p.web);
  EXPECT_FALSE(p.autoscale);
}

TEST(SelfHostPorts, AClientOrAPlainConsoleExposesNothingAndBadUrlsAreIgnored) {
  AppFixture client(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  ConfigFacts c;
  c.endpoints.push_back({"net.tcp://localhost:8888/x", "netTcpBinding", "", "I", true});
  client.app().configs.push_back(c);
  EXPECT_TRUE(plan_app(client.assessment, options()).ports.empty());
  AppFixture odd(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  odd.app().self_host = SelfHost::kWcf;
  ConfigFacts bad;
  bad.base_addresses = {"net.tcp://localhost:99999/", "net.tcp://localhost:12ab/", "net.pipe://x",
                        "net.tcp://[::]:9000/v6"};
  odd.app().configs.push_back(bad);
  AppPlan p = plan_app(odd.assessment, options());
  ASSERT_EQ(p.ports.size(), 1u);
  EXPECT_EQ(p.ports[0].port, 9000);
  EXPECT_EQ(p.ports[0].name, "net-tcp-9000");
}

}  // namespace
}  // namespace liftshift
