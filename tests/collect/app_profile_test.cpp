#include "collect/app_profile.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(AppProfile, TargetFrameworkMonikers) {
  auto f = framework_from_tfm("net472");
  EXPECT_EQ(f.kind, FrameworkKind::kNetFx);
  EXPECT_EQ(f.version, "4.7.2");
  EXPECT_EQ(framework_from_tfm("net48").version, "4.8");
  EXPECT_EQ(framework_from_tfm("net11").version, "1.1");
  EXPECT_EQ(framework_from_tfm("net35").version, "3.5");
  auto core = framework_from_tfm("net8.0-windows");
  EXPECT_EQ(core.kind, FrameworkKind::kDotnet);
  EXPECT_EQ(core.version, "8.0");
  EXPECT_EQ(framework_from_tfm("netcoreapp3.1").version, "3.1");
  EXPECT_EQ(framework_from_tfm("netstandard2.0").kind, FrameworkKind::kUnknown);
}

TEST(AppProfile, TargetFrameworkAttribute) {
  auto f = framework_from_target_attribute(".NETFramework,Version=v4.7.2");
  EXPECT_EQ(f.kind, FrameworkKind::kNetFx);
  EXPECT_EQ(f.version, "4.7.2");
  auto c = framework_from_target_attribute(".NETCoreApp,Version=v8.0");
  EXPECT_EQ(c.kind, FrameworkKind::kDotnet);
  EXPECT_EQ(c.version, "8.0");
  EXPECT_EQ(framework_from_target_attribute("garbage").kind, FrameworkKind::kUnknown);
}

TEST(AppProfile, ClrVersions) {
  BinaryFacts b;
  b.clr_version = "v1.1.4322";
  EXPECT_EQ(framework_from_clr(b).version, "1.1");
  b.clr_version = "v2.0.50727";
  EXPECT_EQ(framework_from_clr(b).version, "2.0");
  b.assembly_refs.push_back({"System.Core", "3.5.0.0"});
  EXPECT_EQ(framework_from_clr(b).version, "3.5");
  b.clr_version = "v4.0.30319";
  b.assembly_refs = {{"mscorlib", "4.0.0.0"}};
  EXPECT_EQ(framework_from_clr(b).version, "4.x");
}

namespace {

BinaryFacts clr_binary(std::string path, std::string clr_version, bool dll) {
  BinaryFacts b;
  b.path = std::move(path);
  b.is_dll = dll;
  b.is_clr = true;
  b.clr_version = std::move(clr_version);
  return b;
}

}  // namespace

// A program runs on the preferred (first) supportedRuntime of its own
// configuration, not on the CLR it was built for.
TEST(AppProfile, ProgramRunsOnItsConfigsPreferredRuntime) {
  Application app;
  app.entry = "Tool.exe";
  app.binaries = {clr_binary("Tool.exe", "v2.0.50727", false),
                  clr_binary("old.dll", "v1.0.3705", true)};
  ConfigFacts config;
  config.path = "Tool.exe.config";
  config.supported_runtimes = {"v4.0.30319", "v2.0.50727"};
  app.configs.push_back(config);
  profile_app(app);
  EXPECT_EQ(app.framework.kind, FrameworkKind::kNetFx);
  EXPECT_EQ(app.framework.version, "4.x");
  EXPECT_EQ(app.framework.evidence, "Tool.exe.config: preferred supportedRuntime v4.0.30319");

  app.configs[0].supported_runtimes = {"v2.0.50727", "v4.0.30319"};
  profile_app(app);
  EXPECT_EQ(app.framework.version, "2.0");

  // Without a config the program's own CLR decides, never a library's.
  app.configs.clear();
  profile_app(app);
  EXPECT_EQ(app.framework.version, "2.0");
  EXPECT_EQ(app.framework.evidence, "Tool.exe: CLR metadata version v2.0.50727");
  app.binaries[0].clr_version = "v1.0.3705";
  app.binaries[1].clr_version = "v4.0.30319";
  profile_app(app);
  EXPECT_EQ(app.framework.version, "1.0");
}

// A site's host is IIS: its web.config's targetFramework comes before the
// TargetFrameworkAttribute of any DLL in bin/, and with neither, the newest
// runtime among the DLLs (a library loads into a runtime at least that new).
TEST(AppProfile, SiteFrameworkComesFromItsWebConfig) {
  Application site;
  site.entry = "web.config";
  BinaryFacts lib = clr_binary("bin/ThirdParty.dll", "v4.0.30319", true);
  lib.target_framework = ".NETFramework,Version=v4.0";
  site.binaries = {lib, clr_binary("bin/Site.dll", "v4.0.30319", true)};
  ConfigFacts web;
  web.path = "web.config";
  web.target_framework = ".NETFramework,Version=v4.7.2";
  site.configs.push_back(web);
  profile_app(site);
  EXPECT_EQ(site.framework.version, "4.7.2");
  EXPECT_EQ(site.framework.evidence, "web.config: targetFramework .NETFramework,Version=v4.7.2");

  site.configs.clear();
  site.binaries = {clr_binary("bin/Old.dll", "v1.1.4322", true),
                   clr_binary("bin/Site.dll", "v2.0.50727", true)};
  profile_app(site);
  EXPECT_EQ(site.framework.version, "2.0");
  EXPECT_EQ(site.framework.evidence, "bin/Site.dll: CLR metadata version v2.0.50727");
}

TEST(AppProfile, KindFromFacts) {
  Application service;
  service.entry = "Svc.exe";
  BinaryFacts exe;
  exe.path = "Svc.exe";
  exe.subsystem = 2;  // services are often WinExe
  exe.is_clr = true;
  exe.type_refs = {"System.ServiceProcess.ServiceBase", "System.Windows.Forms.Form"};
  service.binaries.push_back(exe);
  profile_app(service);
  EXPECT_EQ(service.kind, AppKind::kService);

  Application desktop = service;
  desktop.binaries[0].type_refs = {"System.Windows.Forms.Form"};
  profile_app(desktop);
  EXPECT_EQ(desktop.kind, AppKind::kDesktop);

  Application native;
  native.entry = "tool.exe";
  BinaryFacts n;
  n.path = "tool.exe";
  n.machine = "x64";
  n.subsystem = 3;
  native.binaries.push_back(n);
  profile_app(native);
  EXPECT_EQ(native.kind, AppKind::kConsole);
  EXPECT_EQ(native.framework.kind, FrameworkKind::kNative);
  EXPECT_EQ(native.framework.evidence, "tool.exe: native x64 image");
}

}  // namespace
}  // namespace liftshift
