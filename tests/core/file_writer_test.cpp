// The one file writer: atomic, never through a link, never out of its folder,
// errors as values.
#include "core/file_writer.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <filesystem>

#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

bool has_temporary_file(const fs::path& folder) {
  for (const auto& e : fs::recursive_directory_iterator(folder)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  }
  return false;
}

TEST(PlainPathParts, AcceptsOnlyPlainRelativePaths) {
  EXPECT_EQ(plain_path_parts("a/b/c.txt"), (std::vector<std::string>{"a", "b", "c.txt"}));
  const std::vector<std::string> bad_paths{
      "", "/abs", "a/../b", "./a", "a//b", "a/", "a\\b", "..", std::string("a\0b", 3)};
  for (const auto& bad : bad_paths) {
    EXPECT_TRUE(plain_path_parts(bad).empty()) << bad;
  }
}

TEST(OutputFolder, WritesCreatesFoldersAndLeavesNoTemporaryFile) {
  test::TempDir dir;
  auto out = OutputFolder::open(dir.path() / "out");
  ASSERT_TRUE(out) << out.error().message;
  auto written = out->write("app/k8s/a.yaml", "---\n", WriteOptions{});
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(*written, dir.path() / "out/app/k8s/a.yaml");
  EXPECT_EQ(test::read_text(*written), "---\n");
  EXPECT_TRUE(out->write("app/k8s/a.yaml", "second\n", WriteOptions{}));
  EXPECT_EQ(test::read_text(*written), "second\n");
  EXPECT_FALSE(has_temporary_file(dir.path()));
}

TEST(OutputFolder, WithoutOverwriteAnExistingFileIsRefusedAndKept) {
  test::TempDir dir;
  dir.write("out/f.txt", "mine\n");
  auto out = OutputFolder::open(dir.path() / "out");
  ASSERT_TRUE(out);
  const WriteOptions keep{.overwrite = false};
  auto refused = out->check("f.txt", keep);
  ASSERT_TRUE(refused);
  EXPECT_NE(refused->message.find("exists"), std::string::npos);
  EXPECT_FALSE(out->write("f.txt", "new\n", keep));
  EXPECT_EQ(test::read_text(dir.path() / "out/f.txt"), "mine\n");
  EXPECT_TRUE(out->write("g.txt", "new\n", keep));
  EXPECT_FALSE(has_temporary_file(dir.path()));
}

TEST(OutputFolder, RefusesLinksOnTheWayAndAtTheFileEvenWithOverwrite) {
  test::TempDir dir;
  dir.write("elsewhere/target", "keep\n");
  fs::create_directories(dir.path() / "out");
  fs::create_symlink(dir.path() / "elsewhere/target", dir.path() / "out/file");
  fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "out/sub");
  fs::create_symlink(dir.path() / "elsewhere/missing", dir.path() / "out/dangling");
  auto out = OutputFolder::open(dir.path() / "out");
  ASSERT_TRUE(out);
  for (const char* rel : {"file", "sub/x.txt", "dangling"}) {
    auto refused = out->check(rel, WriteOptions{});
    ASSERT_TRUE(refused) << rel;
    EXPECT_NE(refused->message.find("symbolic link"), std::string::npos) << refused->message;
    auto written = out->write(rel, "x", WriteOptions{});
    ASSERT_FALSE(written) << rel;
  }
  EXPECT_EQ(test::read_text(dir.path() / "elsewhere/target"), "keep\n");
  EXPECT_FALSE(fs::exists(dir.path() / "elsewhere/x.txt"));
  EXPECT_FALSE(fs::exists(dir.path() / "elsewhere/missing"));
}

TEST(OutputFolder, RefusesARootThatIsALinkAndPathsThatLeaveIt) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "elsewhere");
  fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "linked");
  auto linked = OutputFolder::open(dir.path() / "linked");
  ASSERT_FALSE(linked);
  EXPECT_NE(linked.error().message.find("symbolic link"), std::string::npos);
  auto out = OutputFolder::open(dir.path() / "out");
  ASSERT_TRUE(out);
  for (const char* bad : {"../escape", "/tmp/escape", "a/../../escape"}) {
    EXPECT_FALSE(out->write(bad, "x", WriteOptions{})) << bad;
  }
  EXPECT_FALSE(fs::exists(dir.path() / "escape"));
}

TEST(OutputFolder, SomethingNotARegularFileIsRefused) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "out/folder");
  auto out = OutputFolder::open(dir.path() / "out");
  ASSERT_TRUE(out);
  auto written = out->write("folder", "x", WriteOptions{});
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("not a regular file"), std::string::npos);
  dir.write("out/plain", "x");
  auto below_a_file = out->write("plain/x.txt", "x", WriteOptions{});
  ASSERT_FALSE(below_a_file);
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "out/plain"));
}

TEST(WriteFile, WritesTheNamedFileWithTheModeAsked) {
  test::TempDir dir;
  auto written = write_file(dir.path() / "new/folder/secret.yaml", "s\n", {.mode = 0600});
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(test::read_text(dir.path() / "new/folder/secret.yaml"), "s\n");
  struct stat st {};
  ASSERT_EQ(::stat((dir.path() / "new/folder/secret.yaml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(has_temporary_file(dir.path()));
}

TEST(WriteFile, TheFolderMayBeReachedThroughALinkTheFileMayNotBeOne) {
  test::TempDir dir;
  dir.write("real/victim", "keep\n");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "via");
  // The user named the folder through a link: that is where the file goes.
  ASSERT_TRUE(write_file(dir.path() / "via/report.html", "r\n", WriteOptions{}));
  EXPECT_EQ(test::read_text(dir.path() / "real/report.html"), "r\n");
  fs::create_symlink(dir.path() / "real/victim", dir.path() / "real/out.json");
  auto refused = write_file(dir.path() / "real/out.json", "x", WriteOptions{});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, (dir.path() / "real/out.json").string() +
                                         ": is a symbolic link; refusing to write through it");
  EXPECT_EQ(test::read_text(dir.path() / "real/victim"), "keep\n");
}

TEST(WriteFile, ReportsAnUnwritableFolderAsAnError) {
  test::TempDir dir;
  dir.write("file", "x");
  auto written = write_file(dir.path() / "file/below.txt", "x", WriteOptions{});
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("file"), std::string::npos);
  EXPECT_FALSE(write_file(dir.path() / "..", "x", WriteOptions{}));
}

TEST(WriteFile, AFailedWriteIsAnErrorAndLeavesNeitherFileNorTemporary) {
  // A file size limit makes write(2) fail with EFBIG past the limit (with
  // SIGXFSZ ignored), as a full disk fails it with ENOSPC.
  test::TempDir dir;
  rlimit before{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &before), 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = before;
  small.rlim_cur = 16;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  auto written = write_file(dir.path() / "big.txt", std::string(4096, 'x'), WriteOptions{});
  ::setrlimit(RLIMIT_FSIZE, &before);
  std::signal(SIGXFSZ, old_handler);
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("cannot write"), std::string::npos)
      << written.error().message;
  EXPECT_FALSE(fs::exists(dir.path() / "big.txt"));
  EXPECT_FALSE(has_temporary_file(dir.path()));
}

}  // namespace
}  // namespace liftshift
