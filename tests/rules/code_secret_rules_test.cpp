// code-secret: credentials written in the code, from the sources' string
// literals first, then the literals compiled into the application's own
// assemblies (not Microsoft's); holes and placeholders are none.
#include <gtest/gtest.h>

#include <filesystem>

#include "rules/rule_test_support.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::hit;

TEST(CodeSecretRule, SourceLiteralsFirstThenTheAssembliesLiterals) {
  Application app = console_app();
  app.binaries[0].user_strings = {"C:\\Logs\\tool.log", "Server=sql01;User ID=app;Password=***"};
  app.source_hits.push_back(
      hit(SourceCategory::kCodeSecret, "Data Source=db;User ID=sa;Password=***", "Data/Db.cs"));
  app.source_hits.push_back(
      hit(SourceCategory::kCodeSecret, "Data Source=db;User ID=sa;Password=***", "Data/Copy.cs"));
  Evidence e = evidence_of("code-secret", app);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0],
            "Data/Db.cs:12: a credential in the string literal 'Data Source=db;User ID=sa;"
            "Password=***' (and 1 more file)");
  EXPECT_EQ(e[1],
            "Tool.exe: a credential compiled into the string literal "
            "'Server=sql01;User ID=app;Password=***'");
}

TEST(CodeSecretRule, MicrosoftsAssembliesAndPlainLiteralsAreNone) {
  Application app = console_app();
  EXPECT_FALSE(fires("code-secret", app));
  app.binaries[0].user_strings = {"C:\\Logs\\tool.log", "Server=sql01;Integrated Security=true"};
  EXPECT_FALSE(fires("code-secret", app));
  BinaryFacts ms;
  ms.path = "bin/Microsoft.Data.Tools.dll";
  ms.company_name = "Microsoft Corporation";
  ms.user_strings = {"Server=x;Password=***"};
  app.binaries.push_back(ms);
  EXPECT_FALSE(fires("code-secret", app));
}

// End to end, masked everywhere: a source tree's literal and a published
// program's assembly (built by mcs) each give the finding, and no output
// carries the value.
TEST(CodeSecretRule, AssessFindsThemInSourcesAndAssembliesAndPrintsNoValue) {
  test::TempDir src;
  src.write(
      "Tool/Tool.csproj",
      "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>"
      "\n    <TargetFramework>net48</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
  src.write("Tool/Program.cs",
            "static class Program {\n  static void Main() {\n    var cs = \"Server=db;User ID=sa;"
            "Password=Winter2019!\";\n    System.Console.WriteLine(cs.Length);\n  }\n}\n");
  auto from_source =
      test::run_liftshift({"assess", "--no-store", "--format", "json", src.path().string()});
  ASSERT_EQ(from_source.exit_code, 0) << from_source.err;
  EXPECT_NE(from_source.out.find("Tool/Program.cs:3: a credential in the string literal "
                                 "'Server=db;User ID=sa;Password=***'"),
            std::string::npos)
      << from_source.out;

  test::TempDir published;
  namespace fs = std::filesystem;
  for (const char* f : {"OrdersTool.exe", "HardCodedLogin.dll"})
    fs::copy_file(test::fixtures() / "pe" / f, published.path() / f);
  auto from_bin =
      test::run_liftshift({"assess", "--no-store", "--format", "json", published.path().string()});
  ASSERT_EQ(from_bin.exit_code, 0) << from_bin.err;
  EXPECT_NE(from_bin.out.find("HardCodedLogin.dll: a credential compiled into the string literal "
                              "'https://deploy:***@feeds.contoso.example/nuget'"),
            std::string::npos)
      << from_bin.out;
  for (const auto* r : {&from_source, &from_bin}) {
    for (const char* secret : {"Winter2019!", "Tr0ub4dor3", "Spring2020"}) {
      EXPECT_EQ(r->out.find(secret), std::string::npos) << secret;
      EXPECT_EQ(r->err.find(secret), std::string::npos) << secret;
    }
  }
}

}  // namespace
}  // namespace liftshift
