// A program that hosts WCF or HTTP itself runs as its executable and exposes
// the ports it listens on; a client of the same service exposes none.
#include <gtest/gtest.h>

#include <memory>

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

TEST(SelfHostPorts, TheServersUrlReservationsForTheProgramGiveItsPorts) {
  // The code builds its URL at run time; the server reserved it for the program with
  // netsh http add urlacl.
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().self_host = SelfHost::kWeb;
  f.app().entry = "Apps/Contoso.Orders.Api.exe";
  auto m = std::make_shared<MachineFacts>();
  m->url_reservations = {"http://+:80/Temporary_Listen_Addresses/",
                         "http://+:5985/wsman/",
                         "http://+:9010/Api/",
                         "https://+:9443/orders/",
                         "http://+:7000/Other/",
                         "http://+:/broken/"};
  f.app().machine = m;
  ServiceInfo s;
  s.name = "Orders";
  s.image_path = "C:\\Apps\\Contoso.Orders.Api.exe";
  f.app().service = s;
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(has_port(p, 9010)) << "named after the executable's last part";
  EXPECT_TRUE(has_port(p, 9443)) << "named after the service";
  EXPECT_FALSE(has_port(p, 80)) << "Windows' own reservation";
  EXPECT_FALSE(has_port(p, 5985));
  EXPECT_FALSE(has_port(p, 7000)) << "another program's";
  bool said = false;
  for (const auto& port : p.ports)
    said = said || port.purpose.find("HTTP.sys URL reservation") != std::string::npos;
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace liftshift
