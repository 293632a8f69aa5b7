#include "sources/ntfs_volume.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "image_fixtures.hpp"
#include "sources/directory_volume.hpp"
#include "sources/open_source.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::images;

std::unique_ptr<Volume> open_ok(const fs::path& path) {
  std::vector<Problem> problems;
  auto r = open_volume(path, std::nullopt, problems);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  EXPECT_TRUE(problems.empty());
  return r.ok() ? std::move(r).value() : nullptr;
}

std::string to_upper_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::vector<std::string> problem_paths(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.path);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(NtfsVolume, EveryFormatWalksToTheFilesOfTheDriveFolder) {
  DirectoryVolume folder(test::drive());
  std::vector<Problem> folder_problems;
  auto want = test::walk_sorted(folder, folder_problems);
  ASSERT_GT(want.size(), 20u);
  for (const auto& name : test::server_images()) {
    SCOPED_TRACE(name);
    auto volume = open_ok(images() / name);
    ASSERT_TRUE(volume);
    std::vector<Problem> problems;
    EXPECT_EQ(test::walk_sorted(*volume, problems), want);
    // The same places are reported: the link, and the folder past the depth cap.
    EXPECT_EQ(problem_paths(problems), problem_paths(folder_problems));
  }
}

TEST(NtfsVolume, FileSizesMatchTheDriveFolder) {
  auto volume = open_ok(images() / "server.vhdx");
  ASSERT_TRUE(volume);
  std::vector<Problem> problems;
  int files = 0;
  volume->walk(
      [&](const FileEntry& e) {
        if (!e.is_dir) {
          ++files;
          EXPECT_EQ(e.size, fs::file_size(test::drive() / e.path)) << e.path;
        }
        return true;
      },
      problems);
  EXPECT_GE(files, 7);
}

TEST(NtfsVolume, ReadsByteExactContent) {
  for (const auto& name : {"server.raw", "server.vhd", "server.vhdx", "server.vmdk"}) {
    SCOPED_TRACE(name);
    auto volume = open_ok(images() / name);
    ASSERT_TRUE(volume);
    for (const auto& rel :
         {"Windows/System32/config/SYSTEM", "Program Files/Contoso/App/App.exe",
          "Program Files/Contoso/App/App.exe.config", "Program Files/Contoso/App/empty.log",
          "Program Files/Contoso/App/Résumé.txt", "Windows/System32/drivers/etc/hosts"}) {
      auto got = volume->read(rel, 0, 64 * 1024 * 1024);
      ASSERT_TRUE(got.ok()) << rel << ": " << got.error().message;
      EXPECT_EQ(*got, test::read_bytes(test::drive() / rel)) << rel;
    }
  }
}

TEST(NtfsVolume, ReadsOnlyTheRangeAskedFor) {
  auto volume = open_ok(images() / "server.vhdx");
  ASSERT_TRUE(volume);
  auto whole = test::read_bytes(test::drive() / "Program Files/Contoso/App/App.exe");
  const std::string exe = "Program Files/Contoso/App/App.exe";
  for (auto [offset, n] : std::vector<std::pair<std::size_t, std::size_t>>{
           {0, 1}, {4095, 2}, {4000, 5000}, {100000, 65536}, {whole.size() - 3, 100}}) {
    auto got = volume->read(exe, offset, n);
    ASSERT_TRUE(got.ok());
    std::size_t end = std::min(whole.size(), offset + n);
    EXPECT_EQ(*got, std::vector<std::uint8_t>(whole.begin() + static_cast<std::ptrdiff_t>(offset),
                                              whole.begin() + static_cast<std::ptrdiff_t>(end)))
        << offset << "+" << n;
  }
  EXPECT_TRUE(volume->read(exe, whole.size(), 10)->empty());
  EXPECT_TRUE(volume->read(exe, UINT64_MAX, 10)->empty());
  EXPECT_TRUE(volume->read(exe, 0, 0)->empty());
}

TEST(NtfsVolume, FindsCaseInsensitivelyAndReturnsTheStoredName) {
  auto volume = open_ok(images() / "server.vmdk");
  ASSERT_TRUE(volume);
  auto exe = volume->find("program files/CONTOSO/app/app.EXE");
  ASSERT_TRUE(exe.has_value());
  EXPECT_EQ(exe->path, "Program Files/Contoso/App/App.exe");
  EXPECT_EQ(exe->size, fs::file_size(test::drive() / "Program Files/Contoso/App/App.exe"));
  EXPECT_FALSE(exe->is_dir);
  auto dir = volume->find("WINDOWS/system32");
  ASSERT_TRUE(dir.has_value());
  EXPECT_EQ(dir->path, "Windows/System32");
  EXPECT_TRUE(dir->is_dir);
  EXPECT_TRUE(volume->find("windows\\system32\\config\\system").has_value());
  auto read = volume->read("windows/SYSTEM32/config/system", 0, 4);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(std::string(read->begin(), read->end()), "regf");
  EXPECT_FALSE(volume->find("Windows/System32/none").has_value());
  EXPECT_FALSE(volume->find("Windows/../Windows").has_value());
  EXPECT_FALSE(volume->find("$MFT").has_value());  // NTFS metadata is not a file of the volume
  EXPECT_FALSE(volume->find("Windows/System32/config/SYSTEM/x").has_value());
  auto missing = volume->read("Windows/none.dll", 0, 4);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "Windows/none.dll: cannot open: no such file");
  auto folder = volume->read("Windows", 0, 4);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().message, "Windows: not a regular file");
}

TEST(NtfsVolume, AlternateDataStreamsAreIgnored) {
  // make_images.sh gave App.exe a Zone.Identifier stream: the file is its main stream only.
  auto volume = open_ok(images() / "server.raw");
  ASSERT_TRUE(volume);
  auto exe = volume->find("Program Files/Contoso/App/App.exe");
  ASSERT_TRUE(exe.has_value());
  EXPECT_EQ(exe->size, fs::file_size(test::drive() / "Program Files/Contoso/App/App.exe"));
  EXPECT_FALSE(volume->find("Program Files/Contoso/App/App.exe:Zone.Identifier").has_value());
}

TEST(NtfsVolume, JunctionsAreReportedAndNotFollowed) {
  auto volume = open_ok(images() / "server.vhdx");
  ASSERT_TRUE(volume);
  std::vector<Problem> problems;
  auto files = test::walk_sorted(*volume, problems);
  EXPECT_EQ(std::count_if(files.begin(), files.end(),
                          [](const std::string& f) { return f.rfind("Documents", 0) == 0; }),
            0);
  auto link = std::find_if(problems.begin(), problems.end(),
                           [](const Problem& p) { return p.path == "Documents and Settings"; });
  ASSERT_NE(link, problems.end());
  EXPECT_EQ(link->message, "reparse point not followed (points to C:\\Users)");
  EXPECT_FALSE(volume->find("Documents and Settings/Public").has_value());
  EXPECT_FALSE(
      volume->read("Documents and Settings/Public/Documents/a/b/c/d/e/f/g/h/i/j/deep.txt", 0, 10)
          .ok());
}

TEST(NtfsVolume, StopsAtTheDepthLimitLikeTheFolder) {
  auto volume = open_ok(images() / "server.vhd");
  ASSERT_TRUE(volume);
  std::vector<Problem> problems;
  test::walk_sorted(*volume, problems);
  auto deep = std::find_if(problems.begin(), problems.end(), [](const Problem& p) {
    return p.message.find("deeper than 64 levels") != std::string::npos;
  });
  ASSERT_NE(deep, problems.end());
  EXPECT_EQ(deep->message, "folder nesting deeper than 64 levels: not walked further");
}

TEST(NtfsVolume, AFolderIsEnteredOnlyWhenVisitSaysSo) {
  auto volume = open_ok(images() / "server.raw");
  ASSERT_TRUE(volume);
  std::vector<Problem> problems;
  std::vector<std::string> seen;
  volume->walk(
      [&](const FileEntry& e) {
        seen.push_back(e.path);
        return e.path != "Users" && e.path != "Windows/System32";
      },
      problems);
  for (const auto& p : seen) {
    EXPECT_NE(p.rfind("Users/", 0), 0u) << p;
    EXPECT_NE(p.rfind("Windows/System32/", 0), 0u) << p;
  }
  EXPECT_NE(std::find(seen.begin(), seen.end(), "Windows/System32"), seen.end());
  EXPECT_NE(std::find(seen.begin(), seen.end(), "Program Files/Contoso/App/App.exe"), seen.end());
  // Parents come before their children.
  auto parent = std::find(seen.begin(), seen.end(), "Program Files/Contoso");
  auto child = std::find(seen.begin(), seen.end(), "Program Files/Contoso/App");
  EXPECT_LT(parent, child);
  EXPECT_EQ(problems.size(), 1u);  // the junction; the deep folders were pruned
}

TEST(NtfsVolume, ReadsFromManyThreadsAtOnce) {
  auto volume = open_ok(images() / "server-two.vmdk");
  ASSERT_TRUE(volume);
  auto want = test::read_bytes(test::drive() / "Windows/System32/config/SYSTEM");
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        std::uint64_t off = static_cast<std::uint64_t>(t * 65536 + i * 4096);
        auto got = volume->read("Windows/System32/config/SYSTEM", off, 100000);
        if (got.ok() &&
            std::equal(got->begin(), got->end(), want.begin() + static_cast<std::ptrdiff_t>(off))) {
          ++ok[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, std::vector<int>(4, 5));
}

// After a walk, its files are read by MFT reference on one libfsntfs handle
// per thread: every file, from four threads at once, in any letter case,
// gives the folder's bytes.
TEST(NtfsVolume, FilesAWalkListedReadInParallelAsTheFolderHasThem) {
  auto volume = open_ok(images() / "server.vhdx");
  ASSERT_TRUE(volume);
  std::vector<std::string> files;
  std::vector<Problem> problems;
  volume->walk(
      [&](const FileEntry& e) {
        if (!e.is_dir) files.push_back(e.path);
        return true;
      },
      problems);
  ASSERT_GE(files.size(), 7u);
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> wrong(4);
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < files.size() * 3; i += 4) {
        const std::string& rel = files[i % files.size()];
        auto got = volume->read(i % 2 ? to_upper_ascii(rel) : rel, 0, 64 << 20);
        if (!got || *got != test::read_bytes(test::drive() / rel)) wrong[t].push_back(rel);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& w : wrong) EXPECT_TRUE(w.empty()) << w.front();
}

TEST(NtfsVolume, DataCutOffByATruncatedImageIsAClearError) {
  auto volume = open_ok(test::hostile() / "truncated.vhdx");
  ASSERT_TRUE(volume);
  std::vector<Problem> problems;
  test::walk_sorted(*volume, problems);
  auto r = volume->read("Windows/System32/config/SYSTEM", 0, 2 * 1024 * 1024);
  ASSERT_FALSE(r.ok());
  const auto& m = r.error().message;
  EXPECT_EQ(m.rfind("Windows/System32/config/SYSTEM: read failed at byte 0: libfsntfs: ", 0), 0u)
      << m;
  EXPECT_NE(m.find("(truncated.vhdx: cannot read the virtual disk at byte "), std::string::npos)
      << m;
}

TEST(NtfsVolume, OpeningAndWalkingLeavesTheImageAsItWas) {
  auto names = test::server_images();
  names.push_back("server-desc-flat.vmdk");
  std::vector<test::Fingerprint> before;
  for (const auto& name : names) before.push_back(test::fingerprint(images() / name));
  for (const auto& name : test::server_images()) {
    auto volume = open_ok(images() / name);
    ASSERT_TRUE(volume);
    std::vector<Problem> problems;
    volume->walk(
        [&](const FileEntry& e) {
          if (!e.is_dir) {
            EXPECT_TRUE(volume->read(e.path, 0, 1 << 20).ok()) << e.path;
          }
          return true;
        },
        problems);
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(test::fingerprint(images() / names[i]), before[i]) << names[i];
  }
}

TEST(NtfsVolume, DescribesThePartitionAndImage) {
  auto volume = open_ok(images() / "server-two.raw");
  ASSERT_TRUE(volume);
  EXPECT_EQ(volume->describe(),
            "partition 2 (NTFS, 30 MiB) of raw image " + (images() / "server-two.raw").string());
}

}  // namespace
}  // namespace liftshift
