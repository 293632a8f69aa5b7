#include "collect/build_files.hpp"

#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

ProjectFacts project(std::string path, std::vector<std::string> tfms = {}) {
  ProjectFacts p;
  p.path = std::move(path);
  p.target_frameworks = std::move(tfms);
  return p;
}

const Application* app_named(const Inventory& inv, const std::string& name) {
  for (const auto& a : inv.apps) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

// MSBuild imports the nearest Directory.Build.props up the tree; a project's
// own TargetFramework wins; .targets only when no props sets one.
TEST(BuildFiles, ProjectsInheritTheNearestDirectoryBuildProps) {
  std::vector<ProjectFacts> files{project("Directory.Build.props", {"net48"}),
                                  project("tools/Directory.Build.props", {"net462"}),
                                  project("tools/empty/Directory.Build.props"),
                                  project("lib/Directory.Build.targets", {"net472"})};
  std::vector<ProjectFacts> projects{
      project("src/App/App.csproj"), project("tools/empty/Tool/Tool.csproj"),
      project("src/Own/Own.csproj", {"net8.0"}), project("lib/Lib/Lib.csproj")};
  inherit_build_files(projects, files);
  EXPECT_EQ(projects[0].target_frameworks, std::vector<std::string>{"net48"});
  EXPECT_EQ(projects[0].target_frameworks_from, "Directory.Build.props");
  EXPECT_EQ(projects[1].target_frameworks, std::vector<std::string>{"net462"});
  EXPECT_EQ(projects[1].target_frameworks_from, "tools/Directory.Build.props");
  EXPECT_EQ(projects[2].target_frameworks, std::vector<std::string>{"net8.0"});
  EXPECT_EQ(projects[2].target_frameworks_from, "");
  // lib/ has props from the root (nearest props first), so its .targets is not needed.
  EXPECT_EQ(projects[3].target_frameworks, std::vector<std::string>{"net48"});
  std::vector<ProjectFacts> only_targets{project("lib/Directory.Build.targets", {"net472"})};
  std::vector<ProjectFacts> lib{project("lib/Lib/Lib.csproj")};
  inherit_build_files(lib, only_targets);
  EXPECT_EQ(lib[0].target_frameworks, std::vector<std::string>{"net472"});
}

TEST(BuildFiles, TheSourceTreeFixtureTakesItsFrameworksFromDirectoryBuildProps) {
  Inventory inv = collect({(test::fixtures() / "dotnet" / "tree").string()});
  const Application* worker = app_named(inv, "Worker");
  ASSERT_NE(worker, nullptr);
  EXPECT_EQ(worker->framework.kind, FrameworkKind::kNetFx);
  EXPECT_EQ(worker->framework.version, "4.8");
  EXPECT_NE(worker->framework.evidence.find("(from Directory.Build.props)"), std::string::npos)
      << worker->framework.evidence;
  const Application* tool = app_named(inv, "Tool");
  ASSERT_NE(tool, nullptr);
  EXPECT_EQ(tool->framework.version, "4.6.2");  // the nearer props
  // A multi-target project: each target reported, the .NET Framework one planned.
  const Application* multi = app_named(inv, "Multi");
  ASSERT_NE(multi, nullptr);
  EXPECT_EQ(multi->framework.kind, FrameworkKind::kNetFx);
  EXPECT_EQ(multi->framework.version, "4.7.2");
  EXPECT_EQ(multi->framework.targets, (std::vector<std::string>{"net8.0", "net472"}));
}

// A published .NET app: App.exe is a native apphost, App.dll the managed
// code; App.runtimeconfig.json says which runtime runs it. It is .NET 8, not
// a native program.
TEST(BuildFiles, APublishedDotnetAppIsDotnetNotNative) {
  Inventory inv = collect({(test::fixtures() / "dotnet" / "published").string()});
  const Application* app = app_named(inv, "App");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->entry, "App.exe");
  ASSERT_EQ(app->runtime_configs.size(), 1u);
  EXPECT_EQ(app->runtime_configs[0].path, "App.runtimeconfig.json");
  EXPECT_EQ(app->framework.kind, FrameworkKind::kDotnet);
  EXPECT_EQ(app->framework.version, "8.0");
  EXPECT_EQ(app->framework.evidence,
            "App.runtimeconfig.json: Microsoft.NETCore.App 8.0.0; App.exe is its apphost");
}

}  // namespace
}  // namespace liftshift
