#include "formats/vcxproj.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace liftshift {
namespace {

using Strings = std::vector<std::string>;

ProjectFacts parse_fixture(const std::string& project) {
  const std::string rel = "src/" + project + "/" + project + ".vcxproj";
  auto r =
      parse_vcxproj(test::read_text(test::source_dir() / "tests/fixtures/native-src" / rel), rel);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : ProjectFacts{};
}

TEST(Vcxproj, AnMfcProgramReadsItsReleaseX64Configuration) {
  const ProjectFacts f = parse_fixture("OrdersDesk");
  EXPECT_EQ(f.language, "cpp");
  EXPECT_EQ(f.output_type, "WinExe");
  EXPECT_EQ(f.assembly_name, "OrdersDesk64");  // TargetName of Release|x64
  const NativeProjectFacts& n = f.native;
  EXPECT_EQ(n.configuration, "Release|x64");
  EXPECT_EQ(n.platform, "x64");
  EXPECT_EQ(n.configuration_type, "Application");
  EXPECT_EQ(n.subsystem, "Windows");
  EXPECT_EQ(n.platform_toolset, "v143");
  EXPECT_EQ(n.character_set, "Unicode");  // Release|Win32's MultiByte is another configuration
  EXPECT_EQ(n.use_of_mfc, "Dynamic");
  EXPECT_EQ(n.use_of_atl, "");
  EXPECT_EQ(n.runtime_library, "");  // not set: the default, the CRT as a DLL
  EXPECT_EQ(n.link_libraries, (Strings{"comctl32.lib", "uxtheme.lib"}));
  EXPECT_TRUE(f.warnings.empty());
}

TEST(Vcxproj, ConfigurationOnlyConditionsAndUnconditionalGroupsApply) {
  const ProjectFacts f = parse_fixture("PriceFeed");
  EXPECT_EQ(f.output_type, "Exe");
  EXPECT_EQ(f.assembly_name, "PriceFeed");
  const NativeProjectFacts& n = f.native;
  EXPECT_EQ(n.configuration, "Release|Win32");
  EXPECT_EQ(n.subsystem, "Console");
  EXPECT_EQ(n.platform_toolset, "v120");
  EXPECT_EQ(n.runtime_library, "MultiThreaded");  // '$(Configuration)'=='Release', not Debug's
  // Macros and %(AdditionalDependencies) are MSBuild's, not libraries.
  EXPECT_EQ(n.link_libraries,
            (Strings{"kernel32.lib", "user32.lib", "gdi32.lib", "advapi32.lib", "ws2_32.lib"}));
  EXPECT_EQ(f.project_references, Strings{"..\\QuoteLib\\QuoteLib.vcxproj"});
}

TEST(Vcxproj, ALibraryAndItsAtl) {
  const ProjectFacts f = parse_fixture("QuoteLib");
  EXPECT_EQ(f.output_type, "Library");
  EXPECT_EQ(f.native.configuration_type, "DynamicLibrary");
  EXPECT_EQ(f.native.use_of_atl, "Static");
  EXPECT_EQ(f.native.runtime_library, "MultiThreadedDLL");
}

TEST(Vcxproj, WithoutConfigurationsAndHostileInput) {
  auto r = parse_vcxproj(
      "<Project><PropertyGroup Condition=\"Exists('x.props')\"><UseOfMfc>false</UseOfMfc>"
      "<TargetName>$(ProjectName)_d</TargetName></PropertyGroup>"
      "<PropertyGroup Condition=\"'$(Configuration)'!='Debug'\"><PlatformToolset>v141_xp"
      "</PlatformToolset></PropertyGroup></Project>",
      "a/Tool.vcxproj");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->output_type, "Library");
  EXPECT_EQ(r->assembly_name, "Tool");  // a TargetName of macros is not a name
  EXPECT_EQ(r->native.use_of_mfc, "");
  EXPECT_EQ(r->native.platform_toolset, "v141_xp");  // no configuration is not Debug
  EXPECT_EQ(r->warnings, Strings{"no ConfigurationType: read as a library"});
  EXPECT_FALSE(parse_vcxproj("<Nope/>", "x.vcxproj").ok());
  EXPECT_FALSE(parse_vcxproj("<Project><", "x.vcxproj").ok());
  std::string deep = "<Project>";
  for (int i = 0; i < 20000; ++i) deep += "<PropertyGroup>";
  auto d = parse_vcxproj(deep, "deep.vcxproj");  // unclosed: an error, never a crash
  EXPECT_FALSE(d.ok());
}

}  // namespace
}  // namespace liftshift
