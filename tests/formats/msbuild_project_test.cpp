#include "formats/msbuild_project.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace liftshift {
namespace {

using Strings = std::vector<std::string>;

std::string fixture(const char* name) {
  return test::read_text(test::source_dir() / "tests/data/formats" / name);
}

ProjectFacts parse_ok(const std::string& xml, const std::string& path) {
  auto r = parse_msbuild_project(xml, path);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : ProjectFacts{};
}

std::vector<std::pair<std::string, std::string>> refs(const ProjectFacts& f) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : f.references) out.emplace_back(r.name, r.version);
  return out;
}

TEST(MsBuild, OldStyleWebApplicationWithWcf) {
  const ProjectFacts f =
      parse_ok(fixture("Contoso.Web.csproj"), "src/Contoso.Web/Contoso.Web.csproj");
  EXPECT_EQ(f.path, "src/Contoso.Web/Contoso.Web.csproj");
  EXPECT_EQ(f.language, "cs");
  EXPECT_FALSE(f.sdk_style);
  EXPECT_EQ(f.sdk, "");
  EXPECT_EQ(f.output_type, "Library");
  EXPECT_EQ(f.assembly_name, "Contoso.Web");  // unconditional value beats the Debug-only one
  EXPECT_EQ(f.target_frameworks, Strings{"net472"});
  const std::vector<std::pair<std::string, std::string>> want = {
      {"log4net", "2.0.8.0"},
      {"Microsoft.CSharp", ""},
      {"System", ""},
      {"System.DirectoryServices", ""},
      {"System.Messaging", "4.0.0.0"},
      {"System.ServiceModel", ""},
      {"System.Transactions", ""},
      {"System.Web", ""},
      {"System.Web.Mvc", "5.2.7.0"},
  };
  EXPECT_EQ(refs(f), want);
  EXPECT_TRUE(f.packages.empty());
  EXPECT_EQ(f.project_references, Strings{R"(..\Contoso.Orders\Contoso.Orders.csproj)"});
  EXPECT_EQ(f.project_type_guids,
            (Strings{"349c5851-65df-11da-9384-00065b846f21", "3d9ad99f-2412-4246-b90b-4eaa41c64699",
                     "fae04ec0-301f-11d3-bf4b-00c04f79efbc"}));
  EXPECT_TRUE(f.is_web);
  EXPECT_TRUE(f.is_wcf);
  EXPECT_FALSE(f.use_wpf);
  EXPECT_FALSE(f.use_windows_forms);
  EXPECT_EQ(f.app_data_items, (Strings{R"(App_Data\Contoso.sdf)", R"(App_Data\seed-orders.xml)"}));
  EXPECT_EQ(f.warnings, Strings{});
}

TEST(MsBuild, SdkStyleWebWithPackages) {
  const ProjectFacts f =
      parse_ok(fixture("Contoso.Api.csproj"), "src/Contoso.Api/Contoso.Api.csproj");
  EXPECT_TRUE(f.sdk_style);
  EXPECT_EQ(f.sdk, "Microsoft.NET.Sdk.Web");
  EXPECT_TRUE(f.is_web);
  EXPECT_EQ(f.output_type, "Exe");
  EXPECT_EQ(f.assembly_name, "Contoso.Api");
  EXPECT_EQ(f.target_frameworks, (Strings{"net48", "net8.0-windows"}));
  ASSERT_EQ(f.packages.size(), 3u);
  EXPECT_EQ(f.packages[0].id, "Serilog.AspNetCore");
  EXPECT_EQ(f.packages[0].version, "8.0.1");
  EXPECT_EQ(f.packages[1].id, "System.ServiceModel.Primitives");
  EXPECT_EQ(f.packages[1].version, "6.0.0");
  EXPECT_EQ(f.packages[2].id, "Microsoft.Windows.Compatibility");
  EXPECT_EQ(f.packages[2].version, "");
  EXPECT_EQ(f.project_references, Strings{R"(..\Contoso.Orders\Contoso.Orders.csproj)"});
  EXPECT_FALSE(f.use_windows_forms);
  EXPECT_TRUE(f.references.empty());
  EXPECT_TRUE(f.project_type_guids.empty());
}

TEST(MsBuild, OldStyleVbWinForms) {
  const ProjectFacts f = parse_ok(fixture("Contoso.Desktop.vbproj"), "Contoso.Desktop.vbproj");
  EXPECT_EQ(f.language, "vb");
  EXPECT_EQ(f.output_type, "WinExe");
  EXPECT_EQ(f.assembly_name, "ContosoDesk");
  EXPECT_EQ(f.target_frameworks, Strings{"net35"});
  EXPECT_TRUE(f.use_windows_forms);  // <MyType>WindowsForms</MyType>
  EXPECT_FALSE(f.is_web);
  ASSERT_EQ(f.references.size(), 4u);
  EXPECT_EQ(f.references[3].name, "System.EnterpriseServices");
}

TEST(MsBuild, TargetFrameworkVersionNormalization) {
  EXPECT_EQ(normalize_framework_version("v4.7.2"), "net472");
  EXPECT_EQ(normalize_framework_version("v4.8.1"), "net481");
  EXPECT_EQ(normalize_framework_version("v4.0"), "net40");
  EXPECT_EQ(normalize_framework_version("v3.5"), "net35");
  EXPECT_EQ(normalize_framework_version("v2.0"), "net20");
  EXPECT_EQ(normalize_framework_version("v1.1"), "net11");
  EXPECT_EQ(normalize_framework_version(" v4.6.1 "), "net461");
  EXPECT_EQ(normalize_framework_version("4.5"), "");
  EXPECT_EQ(normalize_framework_version("v4"), "");
  EXPECT_EQ(normalize_framework_version("v4..5"), "");
  EXPECT_EQ(normalize_framework_version("$(TargetFrameworkVersion)"), "");
}

TEST(MsBuild, WpfGuidSdkElementAndUseWpf) {
  const ProjectFacts wpf = parse_ok(
      R"(<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <OutputType>WinExe</OutputType>
    <ProjectTypeGuids>{60dc8134-eba5-43b8-bcc9-bb4bc16c2548};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}</ProjectTypeGuids>
    <TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion>
  </PropertyGroup>
</Project>)",
      "Shell/Contoso.Shell.csproj");
  EXPECT_TRUE(wpf.use_wpf);
  EXPECT_EQ(wpf.assembly_name, "Contoso.Shell");
  EXPECT_EQ(wpf.target_frameworks, Strings{"net461"});

  const ProjectFacts el = parse_ok(R"(<Project>
  <Sdk Name="Microsoft.NET.Sdk" Version="8.0.100" />
  <PropertyGroup>
    <TargetFramework>net8.0-windows</TargetFramework>
    <UseWPF>true</UseWPF>
    <UseWindowsForms>True</UseWindowsForms>
    <OutputType>WinExe</OutputType>
  </PropertyGroup>
</Project>)",
                                   "Desk.csproj");
  EXPECT_TRUE(el.sdk_style);
  EXPECT_EQ(el.sdk, "Microsoft.NET.Sdk");
  EXPECT_TRUE(el.use_wpf);
  EXPECT_TRUE(el.use_windows_forms);
  EXPECT_EQ(el.target_frameworks, Strings{"net8.0-windows"});
  EXPECT_EQ(el.output_type, "WinExe");

  const ProjectFacts ver = parse_ok(
      R"(<Project Sdk="Microsoft.NET.Sdk/6.0.0"><PropertyGroup><TargetFrameworks>;net6.0; net472 ;</TargetFrameworks></PropertyGroup></Project>)",
      "Lib.fsproj");
  EXPECT_EQ(ver.sdk, "Microsoft.NET.Sdk");
  EXPECT_EQ(ver.language, "fs");
  EXPECT_EQ(ver.output_type, "Library");
  EXPECT_EQ(ver.target_frameworks, (Strings{"net6.0", "net472"}));
}

TEST(MsBuild, ConditionalPropertiesAndChoose) {
  const ProjectFacts f = parse_ok(R"(<Project>
  <PropertyGroup Condition="'$(Configuration)' == 'Debug'"><OutputType>Exe</OutputType></PropertyGroup>
  <Choose><When Condition="true"><PropertyGroup><AssemblyName>FromWhen</AssemblyName></PropertyGroup></When></Choose>
  <PropertyGroup><TargetFrameworkVersion>$(BaseFramework)</TargetFrameworkVersion></PropertyGroup>
  <ItemGroup Condition="'$(X)' == ''"><PackageReference Include="Quartz"><VersionOverride>3.8.0</VersionOverride></PackageReference></ItemGroup>
</Project>)",
                                  "App.csproj");
  EXPECT_EQ(f.output_type, "Exe");  // only a conditional value: used
  EXPECT_EQ(f.assembly_name, "FromWhen");
  EXPECT_TRUE(f.target_frameworks.empty());
  EXPECT_EQ(f.warnings, Strings{R"x(TargetFrameworkVersion "$(BaseFramework)" not understood)x"});
  ASSERT_EQ(f.packages.size(), 1u);
  EXPECT_EQ(f.packages[0].id, "Quartz");
  EXPECT_EQ(f.packages[0].version, "3.8.0");
  EXPECT_FALSE(f.sdk_style);
  EXPECT_EQ(f.language, "cs");
}

TEST(MsBuild, Errors) {
  auto notproj = parse_msbuild_project("<packages />", "x.csproj");
  ASSERT_FALSE(notproj.ok());
  EXPECT_EQ(notproj.error().message, "x.csproj: not an MSBuild project (root element <packages>)");
  auto bad =
      parse_msbuild_project("<Project>\n  <PropertyGroup>\n  </ItemGroup>\n</Project>", "b.csproj");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "b.csproj: XML error at line 3: Start-end tags mismatch");
  std::string deep = "<Project>";
  for (int i = 0; i < 10000; ++i) deep += "<PropertyGroup>";
  deep += "<OutputType>Exe</OutputType>";
  for (int i = 0; i < 10000; ++i) deep += "</PropertyGroup>";
  deep += "</Project>";
  const ProjectFacts d = parse_ok(deep, "deep.csproj");
  EXPECT_EQ(d.output_type, "Exe");
}

// Namespaces imported for every file: C# <Using Include> (not an alias or a
// static using), VB's project <Import Include> (not a targets Import).
TEST(MsBuild, ProjectWideImports) {
  const ProjectFacts cs = parse_ok(R"(<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <Using Include="System.ServiceProcess" />
    <Using Include="Microsoft.Win32.Registry" Alias="Reg" />
    <Using Include="System.Math" Static="true" />
  </ItemGroup>
</Project>)",
                                   "Svc/Svc.csproj");
  EXPECT_EQ(cs.usings, std::vector<std::string>{"System.ServiceProcess"});
  const ProjectFacts vb = parse_ok(
      R"(<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <ItemGroup><Import Include="Microsoft.VisualBasic" /><Import Include="System.ServiceProcess" /></ItemGroup>
  <Import Project="$(MSBuildToolsPath)\Microsoft.VisualBasic.targets" />
</Project>)",
      "Svc/Svc.vbproj");
  EXPECT_EQ(vb.usings,
            (std::vector<std::string>{"Microsoft.VisualBasic", "System.ServiceProcess"}));
}

}  // namespace
}  // namespace liftshift
