// Hits that wait for the project's imports (collect/project_imports), alone
// and as collect sees SDK-style and VB projects.
#include "collect/project_imports.hpp"

#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

SourceHit hit(SourceCategory c, std::string text, std::string needs = "") {
  SourceHit h;
  h.category = c;
  h.file = "Svc/W.cs";
  h.line = 1;
  h.text = std::move(text);
  h.needs_import = std::move(needs);
  return h;
}

TEST(ProjectImports, WaitingHitsAreKeptOnlyWhereTheProjectImportsTheirNamespace) {
  Application app;
  app.projects.emplace_back();
  app.projects[0].usings = {"System.ServiceProcess"};
  app.source_hits = {hit(SourceCategory::kServiceBase, "ServiceBase", "System.ServiceProcess"),
                     hit(SourceCategory::kRegistry, "Registry.Users", "Microsoft.Win32"),
                     hit(SourceCategory::kGlobalUsing, "System.Messaging"),
                     hit(SourceCategory::kMessaging, "MessageQueue", "system.messaging"),
                     hit(SourceCategory::kEventLog, "EventLog.WriteEntry")};
  settle_project_imports(app);
  std::vector<std::string> kept;
  for (const auto& h : app.source_hits) {
    EXPECT_EQ(h.needs_import, "") << h.text;
    kept.push_back(h.text);
  }
  EXPECT_EQ(kept, (std::vector<std::string>{"ServiceBase", "System.Messaging", "MessageQueue",
                                            "EventLog.WriteEntry"}));
  settle_project_imports(app);
  EXPECT_EQ(app.source_hits.size(), 4u) << "idempotent";
}

void write_sdk_service(const test::TempDir& dir, const std::string& usings) {
  dir.write("Svc/Svc.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType>"
            "<TargetFramework>net48</TargetFramework></PropertyGroup><ItemGroup>" +
                usings + "</ItemGroup></Project>");
  dir.write("Svc/Program.cs",
            "static class Program { static void Main() { ServiceBase.Run(new Worker()); } }\n"
            "class Worker : ServiceBase { void F() { var k = Registry.LocalMachine; } }\n");
}

bool has(const Application& app, SourceCategory c) {
  return std::any_of(app.source_hits.begin(), app.source_hits.end(),
                     [c](const SourceHit& h) { return h.category == c; });
}

// A service whose files name ServiceBase and Registry bare: with the
// project's <Using> (or a `global using` file) they are the framework's,
// without them the file's own names.
TEST(ProjectImports, ACsprojUsingOrAGlobalUsingMakesBareTypesTheFrameworks) {
  test::TempDir with_using;
  write_sdk_service(
      with_using,
      "<Using Include=\"System.ServiceProcess\" /><Using Include=\"Microsoft.Win32\" />");
  Inventory inv = collect({with_using.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  EXPECT_EQ(inv.apps[0].kind, AppKind::kService);
  EXPECT_TRUE(has(inv.apps[0], SourceCategory::kRegistry));
  EXPECT_TRUE(has(inv.apps[0], SourceCategory::kServiceBase));

  test::TempDir with_global;
  write_sdk_service(with_global, "");
  with_global.write("Svc/GlobalUsings.cs",
                    "global using System.ServiceProcess;\nglobal using Microsoft.Win32;\n");
  inv = collect({with_global.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  EXPECT_EQ(inv.apps[0].kind, AppKind::kService);
  EXPECT_TRUE(has(inv.apps[0], SourceCategory::kRegistry));

  test::TempDir without;
  write_sdk_service(without, "");
  inv = collect({without.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  EXPECT_FALSE(has(inv.apps[0], SourceCategory::kRegistry));
  EXPECT_FALSE(has(inv.apps[0], SourceCategory::kServiceBase));
}

}  // namespace
}  // namespace liftshift
