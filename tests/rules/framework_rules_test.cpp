#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::joined;
using test::rulefx::web_app;

TEST(NetfxUnsupportedRule, FiresOnClr1AssembliesAndNet11Projects) {
  EXPECT_FALSE(fires("netfx-unsupported", console_app()));
  Application app = console_app();
  app.binaries[0].clr_version = "v1.1.4322";
  app.framework = {FrameworkKind::kNetFx, "1.1", "Tool.exe: CLR metadata version v1.1.4322"};
  auto e = joined(evidence_of("netfx-unsupported", app));
  EXPECT_NE(e.find("Tool.exe: CLR metadata version v1.1.4322"), std::string::npos) << e;
  Application project;
  ProjectFacts p;
  p.path = "Old.csproj";
  p.target_frameworks = {"net11"};
  project.projects.push_back(p);
  EXPECT_EQ(evidence_of("netfx-unsupported", project),
            Evidence{"Old.csproj: target framework net11"});
}

TEST(NetfxUnsupportedRule, QuietForClr2) {
  Application app = console_app();
  app.binaries[0].clr_version = "v2.0.50727";
  app.framework = {FrameworkKind::kNetFx, "2.0", ""};
  EXPECT_FALSE(fires("netfx-unsupported", app));
}

// A library loads into its host's runtime: a CLR 1.0 DLL inside a program
// that runs on 4.x is information on the image, not a blocker.
TEST(NetfxUnsupportedRule, Clr1LibraryInANewerProgramIsOnlyNamed) {
  Application app = console_app();
  app.framework = {FrameworkKind::kNetFx, "4.x",
                   "Tool.exe.config: preferred supportedRuntime v4.0.30319"};
  BinaryFacts lib;
  lib.path = "log4net.dll";
  lib.is_dll = true;
  lib.is_clr = true;
  lib.clr_version = "v1.0.3705";
  app.binaries.push_back(lib);
  EXPECT_FALSE(fires("netfx-unsupported", app));
  auto e = joined(evidence_of("netfx-image", app));
  EXPECT_NE(e.find("log4net.dll: a library built for CLR v1.0.3705"), std::string::npos) << e;

  // The same library in a program that itself runs on CLR 1.0: the program
  // is blocked, by its own runtime.
  app.framework = {FrameworkKind::kNetFx, "1.0", "Tool.exe: CLR metadata version v1.0.3705"};
  EXPECT_EQ(evidence_of("netfx-unsupported", app),
            Evidence{"runs on .NET Framework 1.0 (Tool.exe: CLR metadata version v1.0.3705)"});
  EXPECT_FALSE(fires("netfx-image", app));
}

TEST(NetfxImageRule, FollowsTheSeedTable) {
  Application web = web_app();
  auto e = joined(evidence_of("netfx-image", web));
  EXPECT_NE(e.find("the .NET Framework 4.x image mcr.microsoft.com/dotnet/framework/aspnet;"),
            std::string::npos)
      << e;

  Application old = console_app();
  old.framework = {FrameworkKind::kNetFx, "3.5", ""};
  e = joined(evidence_of("netfx-image", old));
  EXPECT_NE(e.find("test with the .NET Framework 4.x image first"), std::string::npos) << e;
  EXPECT_NE(e.find("dotnet/framework/runtime)"), std::string::npos) << e;
  EXPECT_NE(e.find("NetFx3"), std::string::npos) << e;

  Application wcf = web_app();
  wcf.kind = AppKind::kWcf;
  EXPECT_NE(joined(evidence_of("netfx-image", wcf)).find("dotnet/framework/wcf;"),
            std::string::npos);

  Application core = console_app();
  core.framework = {FrameworkKind::kDotnet, "8.0", ""};
  EXPECT_NE(joined(evidence_of("netfx-image", core))
                .find("mcr.microsoft.com/dotnet/runtime 8.0 on Nano Server"),
            std::string::npos);
  core.framework = {FrameworkKind::kDotnet, "6.0", ""};
  EXPECT_NE(joined(evidence_of("netfx-image", core)).find("out of support"), std::string::npos);
}

// Image tags are the planner's (they follow --windows-version); an assessment
// that named one would contradict a plan for another Windows Server version.
TEST(NetfxImageRule, NamesNoImageTag) {
  for (const auto& f : std::vector<Framework>{{FrameworkKind::kNetFx, "4.8", ""},
                                              {FrameworkKind::kNetFx, "3.5", ""},
                                              {FrameworkKind::kDotnet, "8.0", ""},
                                              {FrameworkKind::kDotnet, "6.0", ""}}) {
    Application app = console_app();
    app.framework = f;
    std::string e = joined(evidence_of("netfx-image", app));
    EXPECT_EQ(e.find("ltsc"), std::string::npos) << e;
    EXPECT_EQ(e.find("1809"), std::string::npos) << e;
  }
}

TEST(NetfxImageRule, QuietForNativeAndForUnsupportedNetfx) {
  Application native = console_app();
  native.framework = {FrameworkKind::kNative, "", ""};
  EXPECT_FALSE(fires("netfx-image", native));
  Application old = console_app();
  old.framework = {FrameworkKind::kNetFx, "1.1", ""};
  EXPECT_FALSE(fires("netfx-image", old));
}

TEST(ThirdPartyFrameworkRule, FiresOnFrameworkMarkers) {
  EXPECT_FALSE(fires("third-party-framework", console_app()));
  Application app = console_app();
  app.markers.push_back({MarkerCategory::kThirdParty, "tomcat/bin/catalina.bat", "Apache Tomcat"});
  EXPECT_EQ(evidence_of("third-party-framework", app),
            Evidence{"tomcat/bin/catalina.bat: Apache Tomcat"});
}

}  // namespace
}  // namespace liftshift
