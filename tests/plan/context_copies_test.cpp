// What the planner puts into the build context: the app's folder, its IIS
// virtual directories on the system volume, a source tree's solution folder;
// never a system folder, other applications, logs, version control or
// build outputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(ContextCopies, APublishedAppCopiesItsFolderWithoutLogsOrJunk) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.assessment.results.logs.files = {"logs\\app.log", "D:\\Logs\\x.log", "trace.log",
                                     "${basedir}/nlog/n.log"};
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.build.copies.size(), 1u);
  const ContextCopy& c = p.build.copies[0];
  EXPECT_EQ(c.from, "App");
  EXPECT_EQ(c.to, "app");
  EXPECT_TRUE(c.folder);
  EXPECT_TRUE(has(c.exclude, "logs"));
  EXPECT_TRUE(has(c.exclude, "trace.log"));
  EXPECT_TRUE(has(c.exclude, "nlog"));
  EXPECT_TRUE(has(c.exclude, "**/.git"));
  EXPECT_TRUE(has(c.exclude, "**/*.tmp"));
  EXPECT_FALSE(std::any_of(c.exclude.begin(), c.exclude.end(), [](const std::string& e) {
    return e.find("Logs") != std::string::npos;
  })) << "a log on D: is not in the app's folder";
}

TEST(ContextCopies, AServerProgramInASystemFolderIsNotCopied) {
  for (const char* root : {"", "Windows/System32", "Program Files", "inetpub"}) {
    AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
    f.app().machine = std::make_shared<MachineFacts>();
    f.app().root = root;
    f.app().service = test::service("Svc", "C:\\svc.exe", "LocalSystem");
    AppPlan p = plan_app(f.assessment, options());
    EXPECT_TRUE(p.build.copies.empty()) << root;
    EXPECT_TRUE(std::any_of(p.warnings.begin(), p.warnings.end(), [](const std::string& w) {
      return w.find("system folder") != std::string::npos;
    })) << root;
  }
}

TEST(ContextCopies, IisVirtualDirectoriesOnTheSystemVolumeAreCopiedWhereTheyAreServed) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().machine = std::make_shared<MachineFacts>();
  f.app().root = "inetpub/Shop";
  IisInfo iis;
  iis.site = "Shop";
  iis.app_path = "/";
  iis.physical_path = "C:\\inetpub\\Shop";
  iis.virtual_dirs = {{"/media", "%SystemDrive%\\Shared\\Media", ""},
                      {"/inside", "C:\\inetpub\\Shop\\content", ""},
                      {"/catalog", "E:\\Catalog", ""},
                      {"/share", "\\\\fs01\\share", ""}};
  f.app().iis = iis;
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.build.copies.size(), 2u);
  EXPECT_EQ(p.build.copies[0].to, "app");
  EXPECT_EQ(p.build.copies[1].from, "Shared/Media");
  EXPECT_EQ(p.build.copies[1].to, "vdir/media");
  EXPECT_EQ(p.build.copies[1].image_path, "C:\\Shared\\Media");
}

TEST(ContextCopies, ASourceTreeCopiesItsWholeSolutionWithoutBuildOutputs) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().binaries.clear();
  f.app().root = "Shop/Web";
  f.app().entry = "Shop/Web/Web.csproj";
  f.app().solution = "Shop/Shop.sln";
  ProjectFacts web;
  web.path = "Shop/Web/Web.csproj";
  ProjectFacts lib;
  lib.path = "Shop/Lib/Lib.csproj";
  f.app().projects = {web, lib};
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_TRUE(p.build.from_source);
  ASSERT_EQ(p.build.copies.size(), 1u);
  const ContextCopy& c = p.build.copies[0];
  EXPECT_EQ(c.from, "Shop");
  EXPECT_EQ(c.to, "src/Shop") << "the project paths of the build stage stay valid in C:\\src";
  EXPECT_EQ(p.build.project, "Shop/Web/Web.csproj");
  EXPECT_EQ(p.build.solution, "Shop/Shop.sln");
  EXPECT_TRUE(has(c.exclude, "Web/bin"));
  EXPECT_TRUE(has(c.exclude, "Lib/bin"));
  EXPECT_TRUE(has(c.exclude, "**/obj"));
  EXPECT_TRUE(has(c.exclude, "**/.vs"));
}

// A source file with a credential in a string literal is left out of the
// copy, once, and said so; the rest of the solution is copied.
TEST(ContextCopies, ASourceFileHoldingACredentialIsLeftOut) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.app().binaries.clear();
  f.app().root = "Shop/Tool";
  f.app().entry = "Shop/Tool/Tool.csproj";
  f.app().solution = "Shop/Shop.sln";
  ProjectFacts tool;
  tool.path = "Shop/Tool/Tool.csproj";
  f.app().projects = {tool};
  for (int line : {3, 9}) {
    SourceHit h;
    h.category = SourceCategory::kCodeSecret;
    h.file = "Shop/Tool/Db.cs";
    h.line = line;
    h.text = "Server=db;Password=***";
    f.app().source_hits.push_back(h);
  }
  SourceHit other;
  other.category = SourceCategory::kRegistry;
  other.file = "Shop/Tool/Settings.cs";
  f.app().source_hits.push_back(other);
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.build.copies.size(), 1u);
  const auto& ex = p.build.copies[0].exclude;
  EXPECT_EQ(std::count(ex.begin(), ex.end(), "Tool/Db.cs"), 1);
  EXPECT_FALSE(has(ex, "Tool/Settings.cs"));
  std::size_t said = 0;
  for (const auto& w : p.warnings) said += w.find("Shop/Tool/Db.cs holds a credential") == 0;
  EXPECT_EQ(said, 1u);
}

TEST(ContextCopies, OtherApplicationsNestedInTheFolderAreLeftOut) {
  AppFixture outer(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  outer.app().id = "srv/iis/Default";
  outer.app().root = "inetpub/wwwroot";
  outer.app().machine = std::make_shared<MachineFacts>();
  AppFixture inner(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  inner.app().id = "srv/iis/Default/orders";
  inner.app().root = "inetpub/wwwroot/orders";
  inner.app().machine = outer.app().machine;
  AppFixture elsewhere(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  elsewhere.app().id = "srv/service/X";
  elsewhere.app().root = "Apps/X";
  Assessment a;
  a.apps = {outer.assessment, inner.assessment, elsewhere.assessment};
  Plan plan = make_plan(a, options(), {"srv/iis/Default"});
  ASSERT_EQ(plan.apps.size(), 1u);
  ASSERT_EQ(plan.apps[0].build.copies.size(), 1u);
  const auto& ex = plan.apps[0].build.copies[0].exclude;
  EXPECT_TRUE(has(ex, "orders")) << "even when only the outer app is containerized";
  EXPECT_FALSE(std::any_of(ex.begin(), ex.end(), [](const std::string& e) {
    return e.find("Apps") != std::string::npos;
  }));
}

}  // namespace
}  // namespace liftshift
