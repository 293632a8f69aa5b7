#include "collect/app_profile.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

TEST(AppProfile, TargetFrameworkMonikers) {
  auto f = framework_from_tfm("net472");
  EXPECT_EQ(f.kind, "netfx");
  EXPECT_EQ(f.version, "4.7.2");
  EXPECT_EQ(framework_from_tfm("net48").version, "4.8");
  EXPECT_EQ(framework_from_tfm("net11").version, "1.1");
  EXPECT_EQ(framework_from_tfm("net35").version, "3.5");
  auto core = framework_from_tfm("net8.0-windows");
  EXPECT_EQ(core.kind, "dotnet");
  EXPECT_EQ(core.version, "8.0");
  EXPECT_EQ(framework_from_tfm("netcoreapp3.1").version, "3.1");
  EXPECT_EQ(framework_from_tfm("netstandard2.0").kind, "");
}

TEST(AppProfile, TargetFrameworkAttribute) {
  auto f = framework_from_target_attribute(".NETFramework,Version=v4.7.2");
  EXPECT_EQ(f.kind, "netfx");
  EXPECT_EQ(f.version, "4.7.2");
  auto c = framework_from_target_attribute(".NETCoreApp,Version=v8.0");
  EXPECT_EQ(c.kind, "dotnet");
  EXPECT_EQ(c.version, "8.0");
  EXPECT_EQ(framework_from_target_attribute("garbage").kind, "");
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
  EXPECT_EQ(native.framework.kind, "native");
  EXPECT_EQ(native.framework.evidence, "tool.exe: native x64 image");
}

}  // namespace
}  // namespace liftshift
