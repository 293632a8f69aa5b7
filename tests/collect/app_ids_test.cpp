#include "collect/app_ids.hpp"

#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

Application app(const std::string& id, const std::string& entry) {
  Application a;
  a.id = id;
  a.entry = entry;
  return a;
}

TEST(AppIds, SameNamedProjectsInDifferentFoldersAreNamedByTheirPath) {
  std::vector<Application> apps = {
      app("other/App", "App.csproj"), app("src/Tool", "a/Tool/Tool.csproj"),
      app("src/Tool", "b/Tool/Tool.csproj"), app("src/Web", "Web.csproj")};
  make_ids_unique(apps, 1, "src", true);
  EXPECT_EQ(apps[0].id, "other/App");
  EXPECT_EQ(apps[1].id, "src/a/Tool/Tool");
  EXPECT_EQ(apps[2].id, "src/b/Tool/Tool");
  EXPECT_EQ(apps[3].id, "src/Web");
}

TEST(AppIds, AppsThatStillShareAnIdAreNumberedInOrder) {
  std::vector<Application> apps = {app("srv/task/\\Nightly", "C:\\a.exe"),
                                   app("srv/task/\\Nightly", "C:\\b.exe"),
                                   app("srv/task/\\Nightly#2", "C:\\c.exe")};
  make_ids_unique(apps, 0, "srv", false);
  EXPECT_EQ(apps[0].id, "srv/task/\\Nightly");
  EXPECT_EQ(apps[1].id, "srv/task/\\Nightly#3");
  EXPECT_EQ(apps[2].id, "srv/task/\\Nightly#2");
}

// Through the CLI, with a results store: a tree with two projects of the same
// name in different folders is assessed and saved.
TEST(AppIds, ARunWithSameNamedProjectsIsStored) {
  test::TempDir dir;
  for (const char* folder : {"a", "b"}) {
    dir.write(std::string("tree/") + folder + "/Tool/Tool.csproj",
              R"(<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework></PropertyGroup>
</Project>)");
  }
  std::string store = (dir.path() / "results.db").string();
  auto r = test::run_liftshift(
      {"assess", (dir.path() / "tree").string(), "--store", store, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("not saved"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"tree/a/Tool/Tool\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"tree/b/Tool/Tool\""), std::string::npos) << r.out;
  // Saved: the portfolio reads both back.
  auto p = test::run_liftshift({"portfolio", "--store", store, "--format", "json"});
  EXPECT_EQ(p.exit_code, 0) << p.err;
  EXPECT_NE(p.out.find("tree/a/Tool/Tool"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("tree/b/Tool/Tool"), std::string::npos) << p.out;
}

}  // namespace
}  // namespace liftshift
