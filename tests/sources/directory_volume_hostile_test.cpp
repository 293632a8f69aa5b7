// The directory source against the hostile folders built by
// tests/fixtures/hostile/build.sh (dirs/): symbolic link loops and links out
// of the source, unreadable files, names that are not UTF-8, 0-byte and
// 4 GiB sparse files, a FIFO.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <map>

#include "hostile_support.hpp"
#include "sources/directory_volume.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

fs::path dirs() { return test::hostile_fixtures() / "dirs"; }

struct Walked {
  std::vector<std::string> entries;  // "path" or "path/", sorted
  std::map<std::string, std::string> problems;
};

Walked walk(const Volume& v) {
  Walked w;
  std::vector<Problem> problems;
  v.walk(
      [&](const FileEntry& e) {
        w.entries.push_back(e.path + (e.is_dir ? "/" : ""));
        return true;
      },
      problems);
  std::sort(w.entries.begin(), w.entries.end());
  for (const auto& p : problems) w.problems[p.path] = p.message;
  return w;
}

TEST(DirectoryVolumeHostile, LinkLoopsAndLinksOutOfTheSourceAreReportedNeverFollowed) {
  DirectoryVolume v(dirs() / "links");
  Walked w = walk(v);
  EXPECT_EQ(w.entries, (std::vector<std::string>{"Contoso.OrderProcessor.exe",
                                                 "Contoso.OrderProcessor.exe.config", "a/", "b/"}));
  const std::map<std::string, std::string> want{
      {"self", "symbolic link not followed (points to .)"},
      {"a/to-b", "symbolic link not followed (points to ../b)"},
      {"b/to-a", "symbolic link not followed (points to ../a)"},
      {"up", "symbolic link not followed (points to ..)"},
      {"escape", "symbolic link not followed (points to ../outside)"},
      {"escape-absolute",
       "symbolic link not followed (points to " + (dirs() / "outside").string() + ")"},
      {"secret.config", "symbolic link not followed (points to ../outside/secret.txt)"},
      {"dangling.dll", "symbolic link not followed (points to /nonexistent/target)"}};
  EXPECT_EQ(w.problems, want);
  // Reads and look-ups refuse a link anywhere in the path.
  auto config = v.read("secret.config", 0, 4096);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            "secret.config: cannot open: Too many levels of symbolic links");
  for (const char* path : {"escape/web.config", "escape-absolute/secret.txt", "self/self/a",
                           "up/outside/secret.txt", "a/to-b/to-a"}) {
    SCOPED_TRACE(path);
    auto r = v.read(path, 0, 4096);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.rfind(std::string(path) + ": cannot open: ", 0), 0u)
        << r.error().message;
    EXPECT_FALSE(v.find(path).has_value());
  }
  EXPECT_FALSE(v.find("../outside/secret.txt").has_value());
  EXPECT_FALSE(v.read("../outside/secret.txt", 0, 4096).ok());
}

TEST(DirectoryVolumeHostile, UnreadableFilesAreListedAndTheirReadFailsClearly) {
  const fs::path root = dirs() / "unreadable";
  ASSERT_EQ(fs::status(root / "DirLib.dll").permissions() & fs::perms::all, fs::perms::none);
  DirectoryVolume v(root);
  Walked w = walk(v);
  EXPECT_EQ(w.entries,
            (std::vector<std::string>{"Contoso.OrderProcessor.exe",
                                      "Contoso.OrderProcessor.exe.config", "DirLib.dll"}));
  EXPECT_TRUE(w.problems.empty());
  // Mode 000 stops every user but root (CAP_DAC_OVERRIDE): the refusal is
  // checked as an unprivileged user, in a child when the tests run as root.
  auto refused = [&]() -> int {
    auto r = v.read("DirLib.dll", 0, 4096);
    if (r.ok()) return 1;
    if (r.error().message != "DirLib.dll: cannot open: Permission denied") return 2;
    return v.read("Contoso.OrderProcessor.exe", 0, 2).ok() ? 0 : 3;
  };
  EXPECT_EQ(::geteuid() == 0
                ? test::run_in_child(refused, {.timeout_seconds = 30, .run_as_uid = test::kNobody})
                      .status()
                : refused(),
            0);
  if (::geteuid() == 0) {
    EXPECT_TRUE(v.read("DirLib.dll", 0, 2).ok()) << "root reads mode 000";
  }
}

TEST(DirectoryVolumeHostile, NamesThatAreNotUtf8AreWalkedAndReadAsStored) {
  DirectoryVolume v(dirs() / "names");
  Walked w = walk(v);
  EXPECT_EQ(w.entries,
            (std::vector<std::string>{
                "Caf\xe9/", "Caf\xe9/App_Data/", "Caf\xe9/App_Data/uploads/",
                "Caf\xe9/App_Data/uploads/.gitkeep", "Caf\xe9/Default.aspx", "Caf\xe9/Global.asax",
                "Caf\xe9/Upload.ashx", "Caf\xe9/Web.config", "Caf\xe9/bin/",
                "Caf\xe9/bin/Contoso.Web.dll", std::string("Csi\xc2\x9b") + "31m.exe",
                "Gui\x01\x1b[31m.exe", "Tool\xff\xfe.exe"}));
  EXPECT_TRUE(w.problems.empty());
  EXPECT_TRUE(v.read("Tool\xff\xfe.exe", 0, 2).ok());
  auto found = v.find("caf\xe9/web.config");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->path, "Caf\xe9/Web.config");
  // A missing name is reported printable: no raw control characters or bad UTF-8.
  auto missing = v.read("Gui\x01\x1b[31m.dll", 0, 2);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "Gui??[31m.dll: cannot open: No such file or directory");
}

TEST(DirectoryVolumeHostile, EmptyAndHugeSparseFilesHaveTheirSizes) {
  DirectoryVolume v(dirs() / "sizes");
  std::map<std::string, std::uint64_t> sizes;
  std::vector<Problem> problems;
  v.walk(
      [&](const FileEntry& e) {
        sizes[e.path] = e.size;
        return true;
      },
      problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(sizes["Empty.dll"], 0u);
  EXPECT_EQ(sizes["Empty.exe.config"], 0u);
  EXPECT_EQ(sizes["Huge.dll"], 4ull << 30);
  EXPECT_EQ(sizes["Huge.exe.config"], 4ull << 30);
  EXPECT_EQ(sizes["Big1.dll"], 100ull << 20);
  EXPECT_TRUE(v.read("Empty.dll", 0, 4096)->empty());
  // A read far into a hole is bounded by what was asked, not by the file.
  auto tail = v.read("Huge.dll", (4ull << 30) - 10, 4096);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(*tail, std::vector<std::uint8_t>(10, 0));
  EXPECT_EQ(v.read("Huge.dll", 1ull << 31, 65536)->size(), 65536u);
}

TEST(DirectoryVolumeHostile, AFifoIsReportedAndReadingItNeverWaits) {
  DirectoryVolume v(dirs() / "fifo");
  Walked w = walk(v);
  EXPECT_EQ(w.entries, std::vector<std::string>{"Contoso.OrderProcessor.exe"});
  EXPECT_EQ(w.problems,
            (std::map<std::string, std::string>{
                {"Contoso.OrderProcessor.exe.config", "not a regular file (a FIFO): not read"}}));
  auto found = v.find("contoso.orderprocessor.exe.config");
  ASSERT_TRUE(found.has_value());
  EXPECT_FALSE(found->is_dir);
  // Opening a FIFO for reading waits for a writer: done in a child, so a
  // regression fails here instead of hanging the test run.
  int code =
      test::run_in_child(
          [&] {
            auto r = v.read("Contoso.OrderProcessor.exe.config", 0, 4096);
            if (r.ok()) return 1;
            return r.error().message == "Contoso.OrderProcessor.exe.config: not a regular file" ? 0
                                                                                                : 2;
          },
          {.timeout_seconds = 20})
          .status();
  EXPECT_EQ(code, 0) << (code == -1 ? "read() waited on the FIFO" : "wrong outcome");
}

}  // namespace
}  // namespace liftshift
