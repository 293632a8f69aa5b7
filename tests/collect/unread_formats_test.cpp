// Formats liftshift recognises but does not read are named, with what to do:
// a source note and a problem line, never a silent "nothing found".
#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::string problems(const Inventory& inv) {
  std::string out;
  for (const auto& p : inv.problems) out += p.path + ": " + p.message + "\n";
  return out;
}

TEST(UnreadFormats, AnEwfImageIsNamedWithHowToConvertIt) {
  Inventory inv = collect({(test::fixtures() / "images" / "disk.E01").string()});
  ASSERT_EQ(inv.sources.size(), 1u);
  EXPECT_FALSE(inv.sources[0].handled);
  EXPECT_NE(inv.sources[0].note.find("EWF (E01)"), std::string::npos) << inv.sources[0].note;
  EXPECT_NE(problems(inv).find("ewfexport"), std::string::npos) << problems(inv);
  EXPECT_TRUE(inv.apps.empty());
}

TEST(UnreadFormats, ASplitRawImageIsNamedWithHowToJoinIt) {
  Inventory inv = collect({(test::fixtures() / "images" / "split.001").string()});
  ASSERT_EQ(inv.sources.size(), 1u);
  EXPECT_FALSE(inv.sources[0].handled);
  EXPECT_NE(inv.sources[0].note.find("split raw image"), std::string::npos) << inv.sources[0].note;
}

TEST(UnreadFormats, ADnxProjectIsNamedWithHowToMigrateIt) {
  test::TempDir dir;
  dir.write("src/Api/Api.xproj", R"(<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="14.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <Import Project="$(VSToolsPath)\DotNet\Microsoft.DotNet.Props" />
</Project>)");
  dir.write("src/Api/project.json", R"({"frameworks": {"dnx451": {}}, "dependencies": {}})");
  dir.write("src/Api/Startup.cs", "public class Startup { }\n");
  Inventory inv = collect({dir.path().string()});
  EXPECT_TRUE(inv.apps.empty());
  EXPECT_NE(problems(inv).find("src/Api/Api.xproj: a DNX/.NET Core preview project"),
            std::string::npos)
      << problems(inv);
  EXPECT_NE(problems(inv).find("dotnet migrate"), std::string::npos) << problems(inv);
}

}  // namespace
}  // namespace liftshift
