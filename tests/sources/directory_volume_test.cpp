#include "sources/directory_volume.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "child_process.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> walk_all(const Volume& v, std::vector<Problem>& problems) {
  std::vector<std::string> out;
  v.walk(
      [&](const FileEntry& e) {
        out.push_back(e.path + (e.is_dir ? "/" : ""));
        return true;
      },
      problems);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DirectoryVolume, WalksFilesAndFoldersWithRelativePaths) {
  test::TempDir dir;
  dir.write("bin/App.dll", "x");
  dir.write("Web.config", "<configuration/>");
  DirectoryVolume v(dir.path());
  std::vector<Problem> problems;
  EXPECT_EQ(walk_all(v, problems), (std::vector<std::string>{"Web.config", "bin/", "bin/App.dll"}));
  EXPECT_TRUE(problems.empty());
}

TEST(DirectoryVolume, NeverFollowsSymlinksAndSaysSo) {
  test::TempDir outside;
  outside.write("secret.txt", "do not read");
  test::TempDir dir;
  dir.write("app/App.exe.config", "<configuration/>");
  fs::create_directory_symlink(outside.path(), dir.path() / "escape");
  fs::create_directory_symlink(dir.path() / "app", dir.path() / "app" / "loop");
  DirectoryVolume v(dir.path());
  std::vector<Problem> problems;
  auto files = walk_all(v, problems);
  EXPECT_EQ(files, (std::vector<std::string>{"app/", "app/App.exe.config"}));
  ASSERT_EQ(problems.size(), 2u);
  for (const auto& p : problems) {
    EXPECT_NE(p.message.find("symbolic link not followed"), std::string::npos) << p.message;
  }
  EXPECT_FALSE(v.read("escape/secret.txt", 0, 100).ok());
  EXPECT_FALSE(v.find("escape/secret.txt").has_value());
  EXPECT_FALSE(v.find("../" + dir.path().filename().string()).has_value());
}

// Root reads every folder, so as root the walk runs in a child that has
// dropped to an unprivileged user; the child's exit code carries the verdict.
TEST(DirectoryVolume, ReportsUnreadableFoldersAndGoesOn) {
  test::TempDir dir;
  dir.write("locked/a.txt", "x");
  dir.write("open/b.txt", "y");
  fs::permissions(dir.path() / "locked", fs::perms::none);
  fs::permissions(dir.path(), fs::perms::all);
  auto check = [&]() -> int {
    DirectoryVolume v(dir.path());
    std::vector<Problem> problems;
    auto files = walk_all(v, problems);
    if (std::find(files.begin(), files.end(), "open/b.txt") == files.end()) return 1;
    if (problems.size() != 1 || problems[0].path != "locked") return 2;
    if (problems[0].message.find("cannot list folder") == std::string::npos) return 3;
    return 0;
  };
  if (::geteuid() != 0) {
    EXPECT_EQ(check(), 0);
    return;
  }
  auto child = test::run_in_child(check, {.run_as_uid = 65534});
  ASSERT_TRUE(child.exited_normally()) << child.describe();
  EXPECT_EQ(child.exit_code, 0);
}

TEST(DirectoryVolume, StopsAtTheDepthLimit) {
  test::TempDir dir;
  std::string deep;
  for (int i = 0; i < DirectoryVolume::kMaxDepth + 5; ++i) deep += "d/";
  dir.write(deep + "f.txt", "x");
  DirectoryVolume v(dir.path());
  std::vector<Problem> problems;
  walk_all(v, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("deeper than 64 levels"), std::string::npos);
}

TEST(DirectoryVolume, ReadsRangesAndFindsCaseInsensitively) {
  test::TempDir dir;
  dir.write("Bin/App.DLL", "0123456789");
  DirectoryVolume v(dir.path());
  auto r = v.read("Bin/App.DLL", 3, 4);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::string(r->begin(), r->end()), "3456");
  EXPECT_TRUE(v.read("Bin/App.DLL", 100, 4)->empty());
  auto found = v.find("bin/app.dll");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->path, "Bin/App.DLL");
  EXPECT_EQ(found->size, 10u);
  auto missing = v.read("Bin/none.dll", 0, 4);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("Bin/none.dll: cannot open"), std::string::npos);
}

TEST(DirectoryVolume, LeavesAccessTimesAlone) {
  test::TempDir dir;
  auto file = dir.write("App.exe.config", "<configuration/>");
  struct stat before {};
  ::stat(file.c_str(), &before);
  DirectoryVolume v(dir.path());
  ASSERT_TRUE(v.read("App.exe.config", 0, 100).ok());
  struct stat after {};
  ::stat(file.c_str(), &after);
  EXPECT_EQ(before.st_atim.tv_sec, after.st_atim.tv_sec);
  EXPECT_EQ(before.st_atim.tv_nsec, after.st_atim.tv_nsec);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
}

}  // namespace
}  // namespace liftshift
