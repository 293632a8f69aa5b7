#include "formats/solution.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(Solution, ReadsProjectsAndSkipsSolutionFolders) {
  const auto r = parse_solution(
      test::read_text(test::source_dir() / "tests/data/formats/Contoso.sln"), "Contoso.sln");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->path, "Contoso.sln");
  ASSERT_EQ(r->projects.size(), 4u);
  EXPECT_EQ(r->projects[0].name, "Contoso.Web");
  EXPECT_EQ(r->projects[0].path, "src/Contoso.Web/Contoso.Web.csproj");
  EXPECT_EQ(r->projects[0].type_guid, "fae04ec0-301f-11d3-bf4b-00c04f79efbc");
  EXPECT_EQ(r->projects[1].name, "Contoso.Orders");
  EXPECT_EQ(r->projects[1].path, "src/Contoso.Orders/Contoso.Orders.csproj");
  EXPECT_EQ(r->projects[2].name, "Contoso.Desktop");
  EXPECT_EQ(r->projects[2].path, "src/Contoso.Desktop/Contoso.Desktop.vbproj");
  EXPECT_EQ(r->projects[2].type_guid, "f184b08f-c81c-45f6-a57f-5abd9991f28f");
  EXPECT_EQ(r->projects[3].name, "Contoso.Api");
  EXPECT_EQ(r->projects[3].type_guid, "9a19103f-16f7-4668-be54-9a1e7a4f7556");
}

TEST(Solution, WebSiteProjectsAndOddSpacing) {
  const std::string sln =
      "Microsoft Visual Studio Solution File, Format Version 11.00\n"
      "Project(\"{E24C65DC-7377-472B-9ABA-BC803B73C61A}\") = \"OldSite\", "
      "\"..\\Sites\\OldSite\\\", "
      "\"{A1B2C3D4-0000-0000-0000-000000000001}\"\n"
      "EndProject\n"
      "\tProject( \"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\" "
      ")=\"Lib\",\"Lib\\Lib.csproj\",\"{X}\"\n"
      "Project(\"{broken\n"
      "EndProject\n";
  const auto r = parse_solution(sln, "a/Old.sln");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->projects.size(), 2u);  // the broken line is skipped
  EXPECT_EQ(r->projects[0].name, "OldSite");
  EXPECT_EQ(r->projects[0].path, "../Sites/OldSite");
  EXPECT_EQ(r->projects[0].type_guid, "e24c65dc-7377-472b-9aba-bc803b73c61a");
  EXPECT_EQ(r->projects[1].name, "Lib");
  EXPECT_EQ(r->projects[1].path, "Lib/Lib.csproj");
  EXPECT_EQ(r->projects[1].type_guid, "fae04ec0-301f-11d3-bf4b-00c04f79efbc");
}

TEST(Solution, Utf16WithBom) {
  const std::string text =
      "Microsoft Visual Studio Solution File, Format Version 12.00\r\n"
      "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"A\", \"A\\A.csproj\", "
      "\"{1}\"\r\nEndProject\r\n";
  std::string u16 = "\xFF\xFE";
  for (char c : text) {
    u16.push_back(c);
    u16.push_back('\0');
  }
  const auto r = parse_solution(u16, "u.sln");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->projects.size(), 1u);
  EXPECT_EQ(r->projects[0].path, "A/A.csproj");
}

TEST(Solution, EmptySolutionAndNotASolution) {
  const auto empty = parse_solution(
      "\xEF\xBB\xBF\r\nMicrosoft Visual Studio Solution File, Format Version 12.00\r\n", "e.sln");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->projects.empty());
  const auto bad = parse_solution("<Solution>\n</Solution>\n", "x.sln");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "x.sln: not a Visual Studio solution (no \"Microsoft Visual Studio Solution File\" "
            "header and no "
            "Project lines)");
}

TEST(Solution, WebSiteProjectWithItsTargetFramework) {
  auto text = test::read_text(test::source_dir() /
                              "tests/fixtures/websites/sites/website-sln/Contoso.Portal.sln");
  auto s = parse_solution(text, "Contoso.Portal.sln");
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(s->projects.size(), 1u);
  EXPECT_TRUE(s->projects[0].website);
  EXPECT_EQ(s->projects[0].path, "Portal");
  EXPECT_EQ(s->projects[0].target_framework, ".NETFramework,Version=v4.6.1");
  // Another project's lines after EndProject are not the site's.
  auto two = parse_solution(
      "Project(\"{E24C65DC-7377-472B-9ABA-BC803B73C61A}\") = \"Site\", \"http://localhost/Site\", "
      "\"{1}\"\nEndProject\nProject(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Lib\", "
      "\"Lib\\Lib.csproj\", \"{2}\"\n\tTargetFrameworkMoniker = \"x\"\nEndProject\n",
      "two.sln");
  ASSERT_TRUE(two.ok());
  ASSERT_EQ(two->projects.size(), 2u);
  EXPECT_TRUE(two->projects[0].website);
  EXPECT_FALSE(two->projects[1].website);
  EXPECT_EQ(two->projects[1].target_framework, "");
}

}  // namespace
}  // namespace liftshift
