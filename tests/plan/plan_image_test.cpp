// Base image decisions: framework version x Windows Server version (seed's
// .NET table, FACTS.md image tags).
#include <gtest/gtest.h>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

constexpr const char* kMcr = "mcr.microsoft.com/";

TEST(PlanImage, NetFx4WebUsesAspnet481OnLtsc2022ByDefault) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.5.2");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(test::image(p),
            std::string(kMcr) + "dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022");
  EXPECT_EQ(p.windows_version, WindowsVersion::kLtsc2022);
  EXPECT_TRUE(test::has_decision(p, "base image"));
  EXPECT_TRUE(test::has_decision(p, "Windows Server version"));
  EXPECT_TRUE(p.fallback_steps.empty());
}

// "4.x" (a CLR 4 program that does not record its minor version, such as
// NAnt's) plans the 4.8 image with no "unknown version" warning, and the
// decision says why the minor does not matter.
TEST(PlanImage, NetFx4WithUnknownMinorPlansThe48ImageAndSaysWhy) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.x");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(test::image(p),
            std::string(kMcr) + "dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022");
  EXPECT_TRUE(p.warnings.empty() || p.warnings.front().find("unknown") == std::string::npos);
  std::string reason;
  for (const auto& d : p.decisions) {
    if (d.topic == "base image") reason = d.reason;
  }
  EXPECT_NE(reason.find("minor version is not recorded"), std::string::npos) << reason;
  EXPECT_TRUE(p.fallback_steps.empty()) << "a 4.x program is no 2.x/3.x one";
}

TEST(PlanImage, NetFxTagFollowsTheWindowsVersion) {
  struct Case {
    WindowsVersion v;
    const char* tag;
  };
  for (Case c : {Case{WindowsVersion::kLtsc2019, "4.8-windowsservercore-ltsc2019"},
                 Case{WindowsVersion::kLtsc2022, "4.8.1-windowsservercore-ltsc2022"},
                 Case{WindowsVersion::kLtsc2025, "4.8.1-windowsservercore-ltsc2025"}}) {
    AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.7.2");
    AppPlan p = plan_app(f.assessment, options(c.v));
    EXPECT_EQ(test::image(p), std::string(kMcr) + "dotnet/framework/runtime:" + c.tag)
        << to_string(c.v);
    EXPECT_TRUE(p.refusals.empty());
  }
}

TEST(PlanImage, WcfUsesTheWcfImage) {
  AppFixture f(AppKind::kWcf, FrameworkKind::kNetFx, "4.8");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.base_image, std::string(kMcr) + "dotnet/framework/wcf");
  EXPECT_EQ(p.entry_kind, EntryKind::kIis);
  EXPECT_FALSE(p.download_service_monitor) << "the wcf image carries ServiceMonitor";
}

// A site that also serves .svc endpoints stays a web application but needs
// WCF's HTTP activation: the wcf image, said why with the endpoint.
TEST(PlanImage, ASiteServingSvcEndpointsUsesTheWcfImage) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().markers.push_back(
      {MarkerCategory::kSvcFile, "Shop/Services/Orders.svc", "WCF service endpoint (.svc)"});
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.kind, AppKind::kWeb);
  EXPECT_EQ(p.base_image, std::string(kMcr) + "dotnet/framework/wcf");
  bool said = false;
  for (const auto& d : p.decisions) {
    said = said || (d.topic == "base image" &&
                    d.reason.find("also serves WCF endpoints (Shop/Services/Orders.svc)") !=
                        std::string::npos);
  }
  EXPECT_TRUE(said);
  AppFixture plain(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  EXPECT_EQ(plan_app(plain.assessment, options()).base_image,
            std::string(kMcr) + "dotnet/framework/aspnet");
}

TEST(PlanImage, NetFx35TestsWithThe4xImageAndFallsBackToNetFx3OnServerCore) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "3.5");
  AppPlan p2022 = plan_app(f.assessment, options(WindowsVersion::kLtsc2022));
  EXPECT_EQ(test::image(p2022),
            std::string(kMcr) + "dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022");
  EXPECT_EQ(p2022.fallback_image, std::string(kMcr) + "windows/servercore:ltsc2022");
  ASSERT_FALSE(p2022.fallback_steps.empty());
  EXPECT_EQ(p2022.fallback_steps[0].command, "dism /Online /Add-Capability /CapabilityName:NetFx3");

  AppPlan p2019 = plan_app(f.assessment, options(WindowsVersion::kLtsc2019));
  EXPECT_EQ(test::image(p2019),
            std::string(kMcr) + "dotnet/framework/runtime:4.8-windowsservercore-ltsc2019");
  ASSERT_FALSE(p2019.fallback_steps.empty());
  EXPECT_NE(p2019.fallback_steps[0].command.find("/Enable-Feature /FeatureName:NetFx3 /All"),
            std::string::npos);
  EXPECT_NE(p2019.fallback_steps[0].command.find("wuauserv"), std::string::npos);
}

TEST(PlanImage, NetFx20WebFallsBackToTheIisImageWithAspNet35) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "2.0");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.fallback_image,
            std::string(kMcr) + "windows/servercore/iis:windowsservercore-ltsc2022");
  ASSERT_EQ(p.fallback_steps.size(), 2u);
  EXPECT_NE(p.fallback_steps[1].command.find("IIS-ASPNET"), std::string::npos);
}

TEST(PlanImage, Dotnet8UsesNanoServerUnlessAFindingNeedsServerCore) {
  AppFixture web(AppKind::kWeb, FrameworkKind::kDotnet, "8.0");
  AppPlan p = plan_app(web.assessment, options());
  EXPECT_EQ(test::image(p), std::string(kMcr) + "dotnet/aspnet:8.0-nanoserver-ltsc2022");
  EXPECT_TRUE(p.nano_server);
  EXPECT_EQ(p.entry_kind, EntryKind::kConsole) << "Kestrel, not IIS";
  ASSERT_FALSE(p.ports.empty());
  EXPECT_EQ(p.ports[0].port, 8080);

  AppFixture console(AppKind::kConsole, FrameworkKind::kDotnet, "9.0");
  console.finding("msmq");
  AppPlan q = plan_app(console.assessment, options(WindowsVersion::kLtsc2019));
  EXPECT_EQ(test::image(q), std::string(kMcr) + "dotnet/runtime:9.0-windowsservercore-ltsc2019");
  EXPECT_FALSE(q.nano_server);

  AppFixture nano2019(AppKind::kConsole, FrameworkKind::kDotnet, "8.0");
  EXPECT_EQ(test::image(plan_app(nano2019.assessment, options(WindowsVersion::kLtsc2019))),
            std::string(kMcr) + "dotnet/runtime:8.0-nanoserver-1809");
}

TEST(PlanImage, Dotnet10IsRefusedOnLtsc2019) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kDotnet, "10.0");
  AppPlan p = plan_app(f.assessment, options(WindowsVersion::kLtsc2019));
  ASSERT_EQ(p.refusals.size(), 1u);
  EXPECT_NE(p.refusals[0].find("ltsc2022 or ltsc2025"), std::string::npos);
  AppPlan ok = plan_app(f.assessment, options(WindowsVersion::kLtsc2025));
  EXPECT_TRUE(ok.refusals.empty());
  EXPECT_EQ(test::image(ok), std::string(kMcr) + "dotnet/runtime:10.0-nanoserver-ltsc2025");
}

TEST(PlanImage, Dotnet6And7AreRetargetedTo8) {
  for (const char* v : {"6.0", "7.0"}) {
    AppFixture f(AppKind::kConsole, FrameworkKind::kDotnet, v);
    AppPlan p = plan_app(f.assessment, options());
    EXPECT_EQ(p.base_tag, "8.0-nanoserver-ltsc2022") << v;
    ASSERT_FALSE(p.warnings.empty());
    EXPECT_NE(p.warnings[0].find("retarget"), std::string::npos);
  }
}

TEST(PlanImage, NativeUsesServerCoreAndGuiApiTheServerImage) {
  AppFixture native(AppKind::kConsole, FrameworkKind::kNative, "");
  EXPECT_EQ(test::image(plan_app(native.assessment, options())),
            std::string(kMcr) + "windows/servercore:ltsc2022");
  native.finding("gui-api", Severity::kInfo);
  EXPECT_EQ(test::image(plan_app(native.assessment, options())),
            std::string(kMcr) + "windows/server:ltsc2022");
  EXPECT_EQ(test::image(plan_app(native.assessment, options(WindowsVersion::kLtsc2019))),
            std::string(kMcr) + "windows:1809");
}

TEST(PlanImage, NetFxWithGuiApiKeepsTheImageAndNamesTheFontFallback) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.finding("gui-api", Severity::kInfo);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.base_image, std::string(kMcr) + "dotnet/framework/runtime");
  EXPECT_NE(p.fallback.find("windows/server:ltsc2022"), std::string::npos);
  EXPECT_TRUE(test::has_decision(p, "fonts"));
}

TEST(PlanImage, IisWithoutDotnetUsesTheIisImageAndDownloadsServiceMonitor) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNative, "");
  AppPlan p = plan_app(f.assessment, options(WindowsVersion::kLtsc2025));
  EXPECT_EQ(test::image(p),
            std::string(kMcr) + "windows/servercore/iis:windowsservercore-ltsc2025");
  EXPECT_EQ(p.entry_kind, EntryKind::kIis);
  EXPECT_TRUE(p.download_service_monitor);
}

}  // namespace
}  // namespace liftshift
