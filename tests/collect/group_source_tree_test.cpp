// Source trees grouped into applications: what ships inside a site is part of
// the site; build, benchmark, test and setup projects are not applications.
#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::string ids(const Inventory& inv) {
  std::string out;
  for (const auto& a : inv.apps) out += a.id + " ";
  return out;
}

constexpr const char* kWebGuids =
    "{349c5851-65df-11da-9384-00065b846f21};{fae04ec0-301f-11d3-bf4b-00c04f79efbc}";

std::string classic(const std::string& output, const std::string& guids,
                    const std::string& references = "") {
  return R"(<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>)" +
         output + "</OutputType>" +
         (guids.empty() ? "" : "<ProjectTypeGuids>" + guids + "</ProjectTypeGuids>") +
         R"(<TargetFrameworkVersion>v4.8</TargetFrameworkVersion></PropertyGroup>
  <ItemGroup>)" +
         references + R"(</ItemGroup>
</Project>)";
}

// The shape of a modular CMS: the site references a module, a core library
// under its folder and a command-line tool (an Exe) elsewhere; more modules
// and themes sit under its folder unreferenced.
TEST(GroupSourceTree, ModulesThemesAndReferencedToolsShipInsideTheSite) {
  test::TempDir dir;
  dir.write("src/Cms.sln", "");
  dir.write("src/Cms.Web/Cms.Web.csproj",
            classic("Library", kWebGuids,
                    R"(<ProjectReference Include="Modules\Blog\Blog.csproj" />
    <ProjectReference Include="Core\Cms.Core.csproj" />
    <ProjectReference Include="..\Tools\Cms\Cms.csproj" />)"));
  dir.write("src/Cms.Web/Web.config", "<configuration><system.web/></configuration>");
  dir.write("src/Cms.Web/Global.asax", "<%@ Application %>");
  dir.write("src/Cms.Web/Core/Cms.Core.csproj", classic("Library", kWebGuids));
  dir.write("src/Cms.Web/Modules/Blog/Blog.csproj", classic("Library", kWebGuids));
  dir.write("src/Cms.Web/Modules/Blog/Web.config", "<configuration/>");
  dir.write("src/Cms.Web/Modules/Shop/Shop.csproj", classic("Library", kWebGuids));
  dir.write("src/Cms.Web/Modules/Shop/Cart.cs",
            "class Cart { void Save() { System.IO.File.WriteAllText(\"cart.txt\", \"\"); } }\n");
  dir.write("src/Cms.Web/Themes/Themes.csproj", classic("Library", kWebGuids));
  dir.write("src/Tools/Cms/Cms.csproj", classic("Exe", ""));
  dir.write("src/Tools/Cms/Program.cs",
            "class P { static void Main() { System.Console.ReadLine(); } }\n");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u) << ids(inv);
  const Application& site = inv.apps[0];
  EXPECT_EQ(site.entry, "src/Cms.Web/Cms.Web.csproj");
  EXPECT_EQ(site.kind, AppKind::kWeb);
  EXPECT_EQ(site.projects.size(), 6u);
  bool tool = false;
  bool module_hit = false;
  for (const auto& p : site.projects) tool = tool || p.path == "src/Tools/Cms/Cms.csproj";
  for (const auto& h : site.source_hits)
    module_hit = module_hit || h.file == "src/Cms.Web/Modules/Shop/Cart.cs";
  EXPECT_TRUE(tool);
  EXPECT_TRUE(module_hit);
  int module_hits = 0;
  for (const auto& h : site.source_hits)
    module_hits += h.file == "src/Cms.Web/Modules/Shop/Cart.cs";
  EXPECT_EQ(module_hits, 1) << "a folded project's code is counted once";
}

// An Exe under a site's folder that the site does not reference is a program
// of its own; a second site beside the first is its own application.
TEST(GroupSourceTree, UnreferencedProgramsAndSitesBesideASiteStayApplications) {
  test::TempDir dir;
  dir.write("All.sln", "");
  dir.write("Site/Site.csproj", classic("Library", kWebGuids));
  dir.write("Site/Jobs/Jobs.csproj", classic("Exe", ""));
  dir.write("Admin/Admin.csproj", classic("Library", kWebGuids));
  Inventory inv = collect({dir.path().string()});
  EXPECT_EQ(inv.apps.size(), 3u) << ids(inv);
}

// A WCF service library that a program references is hosted by that program
// (its ServiceHost): it ships in it; one nothing references stays a WCF
// application (an IIS host may serve it).
TEST(GroupSourceTree, AWcfLibraryAProgramReferencesShipsInIt) {
  constexpr const char* kWcfGuids =
      "{3D9AD99F-2412-4246-B90B-4EAA41C64699};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";
  test::TempDir dir;
  dir.write("All.sln", "");
  dir.write("WcfLib/WcfLib.csproj", classic("Library", kWcfGuids));
  dir.write("Host/Host.csproj",
            classic("Exe", "", R"(<ProjectReference Include="..\WcfLib\WcfLib.csproj" />)"));
  dir.write("Host/Program.cs",
            "static class P { static void Main() { new ServiceHost(typeof(Calc)).Open(); } }\n");
  dir.write("Lonely/Lonely.csproj", classic("Library", kWcfGuids));
  // A client that references the library for its contracts hosts nothing.
  dir.write("Client/Client.csproj",
            classic("Exe", "", R"(<ProjectReference Include="..\Lonely\Lonely.csproj" />)"));
  dir.write("Host.Tests/Host.Tests.csproj",
            classic("Library", "", R"(<ProjectReference Include="..\Lonely\Lonely.csproj" />)"));
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 3u) << ids(inv);
  for (const auto& a : inv.apps) {
    if (a.name == "Client") continue;
    if (a.name == "Host") {
      EXPECT_NE(a.kind, AppKind::kWcf) << "it hosts the library itself, not in IIS";
      ASSERT_EQ(a.projects.size(), 2u);
      EXPECT_EQ(a.projects[1].path.substr(a.projects[1].path.rfind('/') + 1), "WcfLib.csproj");
    } else {
      EXPECT_EQ(a.name, "Lonely") << ids(inv);
    }
  }
}

// A project whose build copies its output into a site's bin/ (a plugin, a
// tool the site runs) ships in the site.
TEST(GroupSourceTree, ProjectsCopiedIntoASitesBinShipInsideIt) {
  test::TempDir dir;
  dir.write("src/All.sln", R"(Microsoft Visual Studio Solution File, Format Version 12.00
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Site", "Site\Site.csproj", "{1}"
EndProject
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Worker", "Plugins\Worker\Worker.csproj", "{2}"
EndProject
)");
  dir.write("src/Site/Site.csproj", classic("Library", kWebGuids));
  dir.write(
      "src/Plugins/Worker/Worker.csproj",
      R"(<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworkVersion>v4.8</TargetFrameworkVersion>
    <PostBuildEvent>xcopy /y /i "$(TargetDir)*.dll" "$(SolutionDir)Site\bin"</PostBuildEvent>
  </PropertyGroup>
</Project>)");
  dir.write(
      "src/Plugins/Payments/Payments.csproj",
      R"P(<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>Library</OutputType><TargetFrameworkVersion>v4.8</TargetFrameworkVersion></PropertyGroup>
  <Target Name="AfterBuild"><Copy SourceFiles="$(TargetPath)" DestinationFolder="..\..\Site\bin\Plugins" /></Target>
</Project>)P");
  dir.write("src/Plugins/Payments/Gateway.cs",
            "class G { void Log() { System.IO.File.AppendAllText(\"g.log\", \"\"); } }\n");
  dir.write(
      "src/Tools/Report/Report.csproj",
      R"P(<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworkVersion>v4.8</TargetFrameworkVersion>
    <PostBuildEvent>copy "$(TargetPath)" "C:\Deploy\bin"</PostBuildEvent>
  </PropertyGroup>
</Project>)P");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 2u) << ids(inv);
  const Application* site = nullptr;
  for (const auto& a : inv.apps) {
    if (a.entry == "src/Site/Site.csproj") site = &a;
  }
  ASSERT_NE(site, nullptr) << ids(inv);
  ASSERT_EQ(site->projects.size(), 3u);
  bool plugin_hit = false;
  for (const auto& h : site->source_hits)
    plugin_hit = plugin_hit || h.file == "src/Plugins/Payments/Gateway.cs";
  EXPECT_TRUE(plugin_hit);
}

TEST(GroupSourceTree, BuildBenchmarkTestAndSetupProjectsAreNotApplications) {
  test::TempDir dir;
  dir.write("All.sln", "");
  dir.write("src/Api/Api.csproj", R"(<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
</Project>)");
  auto exe = [](const std::string& package) {
    return R"(<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup>)" +
           (package.empty() ? ""
                            : "<PackageReference Include=\"" + package + "\" Version=\"1\" />") +
           "</ItemGroup>\n</Project>";
  };
  dir.write("build/_build.csproj", exe("Nuke.Common"));
  dir.write("build/Cake/Build.csproj", exe("Cake.Frosting"));
  dir.write("bench/Api.Perf/Api.Perf.csproj", exe("BenchmarkDotNet"));
  dir.write("test/ApiTests/ApiTests.csproj", exe(""));
  dir.write("test/Api.Specs/Api.Specs.csproj", exe(""));
  dir.write("test/Api.Legacy/Api.Legacy.csproj",
            classic("Library", "", R"(<Reference Include="nunit.framework" />)"));
  dir.write("setup/ApiSetup/ApiSetup.csproj", exe(""));
  dir.write("setup/Api.Installer/Api.Installer.csproj", exe(""));
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u) << ids(inv);
  EXPECT_EQ(inv.apps[0].entry, "src/Api/Api.csproj");
}

// A Web Site project: the solution lists a folder (no project file) with
// its WebsiteProperties; the folder is an ASP.NET site of that solution.
TEST(GroupSourceTree, WebSiteProjectOfASolution) {
  Inventory inv = collect({(test::fixtures() / "websites" / "website-sln").string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  const Application& app = inv.apps[0];
  EXPECT_EQ(app.id, "website-sln/Portal");
  EXPECT_EQ(app.kind, AppKind::kWeb);
  EXPECT_EQ(app.root, "Portal");
  EXPECT_EQ(app.solution, "Contoso.Portal.sln");
  EXPECT_EQ(app.framework.kind, FrameworkKind::kNetFx);
  EXPECT_EQ(app.framework.version, "4.6.1");
  ASSERT_EQ(app.kind_evidence.size(), 2u);
  EXPECT_EQ(app.kind_evidence[0],
            "Contoso.Portal.sln: Web Site project 'Portal': a folder, no project file");
  EXPECT_EQ(app.kind_evidence[1], "Portal/App_Code: its code, compiled by ASP.NET on the server");
  ASSERT_EQ(app.configs.size(), 1u);
  EXPECT_EQ(app.configs[0].path, "Portal/web.config");
}

}  // namespace
}  // namespace liftshift
