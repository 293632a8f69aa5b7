// The output rules: inside OUT only, never through a symbolic link, never over
// an existing file without --force, written atomically.
#include "emit/artifact_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

TEST(ContainerizeWriter, WritesFilesAndFoldersAndLeavesNoTemporaryFile) {
  test::TempDir dir;
  auto r = write_artifacts(dir.path() / "out", "app",
                           {{"Dockerfile", "FROM x\n"}, {"k8s/a.yaml", "---\n"}}, false);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  EXPECT_EQ(test::read_text(dir.path() / "out/app/Dockerfile"), "FROM x\n");
  EXPECT_EQ(test::read_text(dir.path() / "out/app/k8s/a.yaml"), "---\n");
  for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

TEST(ContainerizeWriter, NeverOverwritesWithoutForce) {
  test::TempDir dir;
  dir.write("out/app/Dockerfile", "mine\n");
  auto r = write_artifacts(dir.path() / "out", "app",
                           {{"Dockerfile", "new\n"}, {"MIGRATION.md", "x\n"}}, false);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("--force"), std::string::npos);
  EXPECT_EQ(test::read_text(dir.path() / "out/app/Dockerfile"), "mine\n");
  EXPECT_FALSE(fs::exists(dir.path() / "out/app/MIGRATION.md"))
      << "nothing is written when a check fails";
  auto forced = write_artifacts(dir.path() / "out", "app", {{"Dockerfile", "new\n"}}, true);
  EXPECT_TRUE(forced.errors.empty());
  EXPECT_EQ(test::read_text(dir.path() / "out/app/Dockerfile"), "new\n");
}

TEST(ContainerizeWriter, RefusesSymbolicLinksEvenWithForce) {
  test::TempDir dir;
  dir.write("elsewhere/target", "keep\n");
  fs::create_directories(dir.path() / "out/app");
  fs::create_symlink(dir.path() / "elsewhere/target", dir.path() / "out/app/Dockerfile");
  fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "out/app/k8s");
  auto r = write_artifacts(dir.path() / "out", "app",
                           {{"Dockerfile", "x\n"}, {"k8s/a.yaml", "x\n"}}, true);
  EXPECT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(test::read_text(dir.path() / "elsewhere/target"), "keep\n");
  EXPECT_FALSE(fs::exists(dir.path() / "elsewhere/a.yaml"));
  fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "linked-out");
  EXPECT_FALSE(
      write_artifacts(dir.path() / "linked-out", "app", {{"a", "x"}}, true).errors.empty());
}

TEST(ContainerizeWriter, RefusesPathsThatLeaveTheOutputFolder) {
  test::TempDir dir;
  for (const char* bad : {"../escape", "/etc/x", "a/../../b", "a\\..\\b", ""}) {
    auto r = write_artifacts(dir.path() / "out", "app", {{bad, "x"}}, true);
    EXPECT_FALSE(r.errors.empty()) << bad;
  }
  EXPECT_FALSE(write_artifacts(dir.path() / "out", "..", {{"x", "x"}}, true).errors.empty());
  EXPECT_FALSE(fs::exists(dir.path() / "escape"));
}

}  // namespace
}  // namespace liftshift
