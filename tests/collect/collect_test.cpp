#include "collect/collect.hpp"

#include <gtest/gtest.h>

#include "core/run_stats.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

const Application* find_app(const Inventory& inv, std::string_view id) {
  for (const auto& a : inv.apps) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

std::string ids(const Inventory& inv) {
  std::string out;
  for (const auto& a : inv.apps) out += a.id + " ";
  return out;
}

TEST(Collect, PublishedSampleHasThreeApplications) {
  Inventory inv = collect({(test::fixtures() / "sample" / "published").string()});
  ASSERT_EQ(inv.sources.size(), 1u);
  EXPECT_EQ(inv.sources[0].kind, SourceKind::kAppFolder);
  ASSERT_EQ(inv.apps.size(), 3u) << ids(inv);

  const Application* web = find_app(inv, "published/ContosoWeb");
  ASSERT_NE(web, nullptr) << ids(inv);
  EXPECT_EQ(web->kind, AppKind::kWeb);
  EXPECT_EQ(web->framework.kind, FrameworkKind::kNetFx);
  EXPECT_EQ(web->framework.version, "4.5.2");
  ASSERT_EQ(web->binaries.size(), 1u);
  EXPECT_EQ(web->binaries[0].path, "ContosoWeb/bin/Contoso.Web.dll");
  ASSERT_EQ(web->configs.size(), 1u);
  EXPECT_EQ(web->configs[0].path, "ContosoWeb/Web.config");

  const Application* svc = find_app(inv, "published/OrderProcessor/Contoso.OrderProcessor.exe");
  ASSERT_NE(svc, nullptr) << ids(inv);
  EXPECT_EQ(svc->kind, AppKind::kService);
  EXPECT_EQ(svc->framework.version, "4.0");
  ASSERT_EQ(svc->configs.size(), 1u);
  EXPECT_EQ(svc->configs[0].path, "OrderProcessor/Contoso.OrderProcessor.exe.config");

  const Application* tool = find_app(inv, "published/InventoryTool/Contoso.InventoryTool.exe");
  ASSERT_NE(tool, nullptr) << ids(inv);
  EXPECT_EQ(tool->kind, AppKind::kDesktop);
  EXPECT_EQ(tool->framework.version, "3.5");
  EXPECT_TRUE(inv.problems.empty());
}

TEST(Collect, SourceTreeSampleGroupsByProject) {
  Inventory inv = collect({(test::source_dir() / "samples" / "legacy-apps").string()});
  EXPECT_EQ(inv.sources[0].kind, SourceKind::kSourceTree);
  ASSERT_EQ(inv.apps.size(), 3u) << ids(inv);
  const Application* web = find_app(inv, "legacy-apps/Contoso.Web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->kind, AppKind::kWeb);
  EXPECT_EQ(web->framework.version, "4.5.2");
  EXPECT_EQ(web->framework.evidence, "Contoso.Web/Contoso.Web.csproj: target framework net452");
  const Application* svc = find_app(inv, "legacy-apps/Contoso.OrderProcessor");
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->kind, AppKind::kService);
  EXPECT_FALSE(svc->source_hits.empty());
  const Application* tool = find_app(inv, "legacy-apps/Contoso.InventoryTool");
  ASSERT_NE(tool, nullptr);
  EXPECT_EQ(tool->kind, AppKind::kDesktop);
}

TEST(Collect, LibrariesFoldIntoTheAppsThatReferenceThemAndTestsAreNotApps) {
  test::TempDir dir;
  dir.write("App.sln", "");
  dir.write("src/Host/Host.csproj", R"(<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup><ProjectReference Include="..\Data\Data.csproj" /></ItemGroup>
</Project>)");
  dir.write("src/Host/Program.cs", "class P { static void Main() {} }\n");
  dir.write("src/Data/Data.csproj", R"(<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
</Project>)");
  dir.write("src/Data/Queue.cs",
            "using System.Messaging;\nclass Q { MessageQueue q = new MessageQueue(); }\n");
  dir.write("test/Host.Tests/Host.Tests.csproj", R"(<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.8.0" /></ItemGroup>
</Project>)");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u) << ids(inv);
  const Application& app = inv.apps[0];
  EXPECT_EQ(app.framework.kind, FrameworkKind::kDotnet);
  EXPECT_EQ(app.framework.version, "8.0");
  ASSERT_EQ(app.projects.size(), 2u);
  EXPECT_EQ(app.projects[1].path, "src/Data/Data.csproj");
  bool messaging = false;
  for (const auto& h : app.source_hits)
    messaging = messaging || h.category == SourceCategory::kMessaging;
  EXPECT_TRUE(messaging) << "hits of the referenced library belong to the app";
}

TEST(Collect, MvcViewsConfigIsNotASeparateSite) {
  test::TempDir dir;
  dir.write("Site/web.config", "<configuration><system.web/></configuration>");
  dir.write("Site/Global.asax", "<%@ Application Inherits=\"Site.Global\" %>");
  dir.write("Site/Views/web.config", "<configuration/>");
  dir.write("Site/Views/Home/Index.cshtml", "<p/>");
  fs::create_directories(dir.path() / "Site" / "bin");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u) << ids(inv);
  EXPECT_EQ(inv.apps[0].kind, AppKind::kWeb);
  EXPECT_EQ(inv.apps[0].configs.size(), 2u);
}

TEST(Collect, ABadBinaryIsAProblemAndTheScanGoesOn) {
  test::TempDir dir;
  dir.write("Broken.exe", "MZ this is not really a program");
  dir.write(
      "Site/web.config",
      "<configuration><system.web><sessionState mode=\"InProc\"/></system.web></configuration>");
  dir.write("Site/Default.aspx", "<%@ Page %>");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u) << ids(inv);
  ASSERT_EQ(inv.problems.size(), 1u);
  EXPECT_EQ(inv.problems[0].path, dir.path().string() + "/Broken.exe");
  EXPECT_FALSE(inv.problems[0].message.empty());
}

TEST(Collect, MalformedConfigIsReportedWithItsFileName) {
  test::TempDir dir;
  dir.write("Site/web.config", "<configuration><system.web></configuration>");
  dir.write("Site/Default.aspx", "<%@ Page %>");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.problems.size(), 2u);  // the broken config, then "no application found"
  EXPECT_NE(inv.problems[0].message.find("web.config"), std::string::npos)
      << inv.problems[0].message;
}

TEST(Collect, ASystemDriveIsAssessedAsAServer) {
  Inventory inv = collect({(test::fixtures() / "images" / "systemdrive").string()});
  ASSERT_EQ(inv.sources.size(), 1u);
  EXPECT_EQ(inv.sources[0].kind, SourceKind::kSystemDrive);
  EXPECT_TRUE(inv.sources[0].handled);
  ASSERT_NE(inv.sources[0].machine, nullptr);
  EXPECT_EQ(inv.sources[0].machine->build, "");  // only SYSTEM is there: no SOFTWARE hive
  // SYSTEM's ProductOptions still tell a server (this NT 4.0 one is LanmanNT).
  EXPECT_EQ(inv.sources[0].machine->installation_type, "Server");
}

// open_server reads SYSTEM for the drive letters (MountedDevices); the
// machine collector takes that hive instead of reading it again: each hive
// of a server is opened once, from a disk image as from a copied drive.
TEST(Collect, EachHiveOfAServerIsReadOnce) {
  struct Case {
    fs::path source;
    std::uint64_t hives;
  };
  for (const Case& c : {Case{test::fixtures() / "images" / "server.vhdx", 1},   // SYSTEM only
                        Case{test::fixtures() / "servers" / "appsrv01", 2}}) {  // and SOFTWARE
    const std::uint64_t before = run_stats().hive_loads.load();
    Inventory inv = collect({c.source.string()});
    ASSERT_EQ(inv.sources.size(), 1u);
    ASSERT_NE(inv.sources[0].machine, nullptr) << c.source;
    EXPECT_FALSE(inv.sources[0].machine->computer_name.empty()) << c.source;
    EXPECT_EQ(run_stats().hive_loads.load() - before, c.hives) << c.source;
  }
}

}  // namespace
}  // namespace liftshift
