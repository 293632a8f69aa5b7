// A program that hosts WCF or HTTP itself runs as its executable and exposes
// the ports it listens on; a client of the same service exposes none.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"
#include "powershell_parser.hpp"

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
  int decided = 0;
  for (const auto& d : p.decisions) {
    if (d.topic != "ports") continue;
    ++decided;
    EXPECT_NE(d.reason.find("the program hosts WCF itself"), std::string::npos) << d.reason;
    EXPECT_EQ(d.reason.find("also"), std::string::npos) << "no port beyond the listeners";
  }
  EXPECT_EQ(decided, 1) << "one ports decision, the listeners'";
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

// A listener run as ContainerUser gets its URL reserved at build time: the
// server's reservation when it had one (also matched by the port the program
// listens on), else its own address; WCF's with the strong wildcard.
TEST(SelfHostPorts, AnHttpListenerAsContainerUserHasItsUrlReserved) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.app().self_host = SelfHost::kWcf;
  f.app().entry = "Apps/Billing.exe";
  ConfigFacts c;
  c.path = "Billing.exe.config";
  c.base_addresses = {"http://localhost:8733/Billing", "net.tcp://localhost:8734/Billing"};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.user, "ContainerUser");
  std::vector<std::string> acls;
  for (const auto& s : p.steps) {
    if (s.command.starts_with("netsh http add urlacl")) acls.push_back(s.command);
  }
  EXPECT_EQ(acls, std::vector<std::string>{
                      "netsh http add urlacl 'url=http://+:8733/Billing/' 'sddl=D:(A;;GX;;;WD)'"});
  auto m = std::make_shared<MachineFacts>();
  m->url_reservations = {"http://+:8733/BillingService/", "http://+:9999/Other/"};
  f.app().machine = m;
  p = plan_app(f.assessment, options());
  acls.clear();
  for (const auto& s : p.steps) {
    if (s.command.starts_with("netsh http add urlacl")) acls.push_back(s.command);
  }
  EXPECT_EQ(acls, std::vector<std::string>{"netsh http add urlacl "
                                           "'url=http://+:8733/BillingService/' "
                                           "'sddl=D:(A;;GX;;;WD)'"})
      << "the server's reservation on the program's port, not another program's";
  f.app().self_host = SelfHost::kNone;
  p = plan_app(f.assessment, options());
  for (const auto& s : p.steps) EXPECT_FALSE(s.command.starts_with("netsh")) << s.command;
}

// An HTTP.sys listener whose prefix names a host (localhost, an address)
// answers only requests for that host: the plan warns and names the wildcard
// URL to listen on; a wildcard prefix and a WCF address (registered with the
// strong wildcard) get no warning.
TEST(SelfHostPorts, AListenerBoundToAHostNameIsWarnedAbout) {
  auto host_warnings = [](const AppPlan& p) {
    std::vector<std::string> out;
    for (const auto& w : p.warnings)
      if (w.find("names the host") != std::string::npos) out.push_back(w);
    return out;
  };
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.5");
  f.app().self_host = SelfHost::kWeb;
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Service.cs", 9, "http://10.1.2.3:8081"});
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Program.cs", 4, "http://localhost:3001"});
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Program.cs", 5, "http://+:8080/api/"});
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(has_port(p, 8081));
  EXPECT_TRUE(has_port(p, 3001));
  int health = 0;
  for (const auto& d : p.decisions) {
    if (d.topic != "health") continue;
    ++health;
    EXPECT_NE(d.reason.find("the service listens on 8081, 3001, 8080"), std::string::npos)
        << d.reason;
  }
  EXPECT_EQ(health, 1);
  const auto w = host_warnings(p);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_NE(w[0].find("http://10.1.2.3:8081 (App/Service.cs:9)"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("listen on http://+:8081/"), std::string::npos) << w[0];
  EXPECT_NE(w[1].find("names the host localhost"), std::string::npos) << w[1];
  f.app().self_host = SelfHost::kWcf;
  EXPECT_TRUE(host_warnings(plan_app(f.assessment, options())).empty());
}

// Kestrel binds addresses: a loopback one is warned about with Kestrel's
// words, a host name or an IP is not, and no HTTP.sys URL is reserved; a
// .NET program that chooses HTTP.sys keeps HTTP.sys's warnings.
TEST(SelfHostPorts, KestrelIsWarnedOnlyAboutLoopbackAndReservesNothing) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kDotnet, "8.0");
  f.app().self_host = SelfHost::kWeb;
  f.app().source_hits.push_back(
      {SourceCategory::kEntryWebHost, "App/Program.cs", 3, "WebHost.CreateDefaultBuilder"});
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Program.cs", 4, "http://localhost:5000"});
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Program.cs", 5, "http://10.1.2.3:5001"});
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(has_port(p, 5000));
  std::vector<std::string> about_hosts;
  for (const auto& w : p.warnings) {
    if (w.find("the program listens on") == 0) about_hosts.push_back(w);
  }
  ASSERT_EQ(about_hosts.size(), 1u);
  EXPECT_NE(about_hosts[0].find("http://localhost:5000 (App/Program.cs:4): Kestrel binds"),
            std::string::npos)
      << about_hosts[0];
  for (const auto& s : p.steps) EXPECT_EQ(s.command.find("urlacl"), std::string::npos) << s.command;

  // An HttpListener the service class opens (a hosting call outside Main).
  f.app().source_hits.push_back(
      {SourceCategory::kHostingCall, "App/Worker.cs", 6, "Worker: new HttpListener("});
  AppPlan http_sys = plan_app(f.assessment, options());
  std::size_t named = 0;
  for (const auto& w : http_sys.warnings) named += w.find("names the host") != std::string::npos;
  EXPECT_EQ(named, 2u);
}

// A program that hosts a server but names no address liftshift can read
// (a setting of a file not in the source) gets a warning to name its port.
TEST(SelfHostPorts, AServerWithoutAKnownAddressAsksForItsPort) {
  auto asks = [](const AppPlan& p) {
    return std::count_if(p.warnings.begin(), p.warnings.end(), [](const std::string& w) {
      return w.find("found no address it listens on") != std::string::npos;
    });
  };
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.5");
  f.app().self_host = SelfHost::kWeb;
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.ports.empty());
  EXPECT_EQ(asks(p), 1);
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Service.cs", 9, "http://+:9005/"});
  EXPECT_EQ(asks(plan_app(f.assessment, options())), 0);
  f.app().self_host = SelfHost::kNone;
  f.app().source_hits.clear();
  EXPECT_EQ(asks(plan_app(f.assessment, options())), 0) << "no server, no port to ask for";
}

TEST(SelfHostPorts, AReservedUrlWithQuotesStaysOneLiteral) {
  LIFTSHIFT_REQUIRE_PWSH();
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.app().self_host = SelfHost::kWeb;
  SourceHit h{SourceCategory::kListenUrl, "App/Program.cs", 3, "http://*:9000/it's $(x)/"};
  f.app().source_hits.push_back(h);
  AppPlan p = plan_app(f.assessment, options());
  std::string cmd;
  for (const auto& s : p.steps) {
    if (s.command.starts_with("netsh")) cmd = s.command;
  }
  EXPECT_EQ(cmd, "netsh http add urlacl 'url=http://*:9000/it''s $(x)/' 'sddl=D:(A;;GX;;;WD)'");
  // A loopback address on a port a wildcard reserves is covered by it.
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Program.cs", 4, "http://127.0.0.1:9000/it's $(x)/a"});
  f.app().source_hits.push_back(
      {SourceCategory::kListenUrl, "App/Program.cs", 5, "http://127.0.0.1:9001/"});
  int netsh = 0;
  for (const auto& s : plan_app(f.assessment, options()).steps)
    netsh += s.command.starts_with("netsh") ? 1 : 0;
  EXPECT_EQ(netsh, 2) << "9000's wildcard covers its loopback address; 9001 has none";
  const std::string plain = "netsh http add urlacl 'url=http://*:9000/x/' 'sddl=D:(A;;GX;;;WD)'";
  auto parsed = test::parse_powershell({plain, cmd});
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_TRUE((*parsed)[1].errors.empty()) << cmd;
  EXPECT_EQ((*parsed)[1].command_words, (*parsed)[0].command_words) << cmd;
}

}  // namespace
}  // namespace liftshift
