#include "collect/nested_configs.hpp"

#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(NestedConfigs, ALibrarysLoggingConfigIsTheAppsThatLoadsIt) {
  test::TempDir dir;
  dir.write("Web/Web.csproj", R"(<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup><ProjectReference Include="..\Logging\Logging.csproj" /></ItemGroup>
</Project>)");
  dir.write("Logging/Logging.csproj", R"(<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup><None Update="NLog.config" CopyToOutputDirectory="PreserveNewest" /></ItemGroup>
</Project>)");
  dir.write("Logging/NLog.config", R"(<nlog><targets>
  <target name="f" type="File" fileName="D:\Logs\web-${shortdate}.log" />
</targets><rules><logger name="*" writeTo="f" /></rules></nlog>)");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  bool found = false;
  for (const auto& c : inv.apps[0].configs) {
    if (c.path != "Logging/NLog.config") continue;
    found = true;
    EXPECT_EQ(c.log_paths, std::vector<std::string>{"D:\\Logs\\web-${shortdate}.log"});
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace liftshift
