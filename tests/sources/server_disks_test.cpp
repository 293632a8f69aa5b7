#include "sources/server_disks.hpp"

#include <gtest/gtest.h>

#include "sources/server_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

fs::path twodisk() { return test::fixtures() / "twodisk"; }

std::string text(const Volume& v, const std::string& path) {
  auto bytes = v.read(path, 0, 1 << 20);
  return bytes ? std::string(bytes->begin(), bytes->end()) : "(" + bytes.error().message + ")";
}

TEST(ServerDisks, EachPartitionGetsTheLetterMountedDevicesGivesIt) {
  for (const char* scheme : {"mbr", "gpt"}) {
    SCOPED_TRACE(scheme);
    std::vector<Problem> problems;
    auto opened =
        open_server(twodisk() / (std::string("system-") + scheme + ".vhdx"), std::nullopt,
                    {{twodisk() / (std::string("data-") + scheme + ".vmdk"), 0}}, problems);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_TRUE(problems.empty()) << problems[0].path << ": " << problems[0].message;
    ASSERT_EQ(opened->drives.size(), 1u);
    EXPECT_EQ(opened->drives[0],
              "D: data-" + std::string(scheme) + ".vmdk partition 1 (NTFS, 8 MiB)");
    const Volume& v = *opened->volume;
    // The system drive at the root, as for one disk; D: as the folder "D:".
    EXPECT_TRUE(v.find("windows/system32/config/SYSTEM").has_value());
    auto site = v.find("d:/sites/REPORTS/web.config");
    ASSERT_TRUE(site.has_value());
    EXPECT_EQ(site->path, "D:/Sites/Reports/web.config");
    EXPECT_NE(text(v, site->path).find("Initial Catalog=Reports"), std::string::npos);
    EXPECT_FALSE(v.find("E:/Sites").has_value());
    EXPECT_FALSE(v.read("E:/Sites/x", 0, 10).ok());
    std::vector<Problem> walk_problems;
    bool saw_feed = false;
    v.walk(
        [&](const FileEntry& e) {
          saw_feed = saw_feed || e.path == "D:/Data/ReportFeed/feed-0001.csv";
          return true;
        },
        walk_problems);
    EXPECT_TRUE(saw_feed);
  }
}

TEST(ServerDisks, AFolderNeedsItsLetter) {
  std::vector<Problem> problems;
  auto opened =
      open_server(twodisk() / "system", std::nullopt, {{twodisk() / "data", 0}}, problems);
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(opened->drives.empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("a folder has no disk signature to match in MountedDevices"),
            std::string::npos)
      << problems[0].message;
  problems.clear();
  auto named =
      open_server(twodisk() / "system", std::nullopt, {{twodisk() / "data", 'D'}}, problems);
  ASSERT_TRUE(named.ok());
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(named->volume->find("D:/Services/ReportFeed/ReportFeed.exe").has_value());
}

TEST(ServerDisks, BothGptCopiesDamagedIsAProblemAndNothingIsRead) {
  std::vector<Problem> problems;
  auto opened = open_server(twodisk() / "system-gpt.raw", std::nullopt,
                            {{twodisk() / "data-gpt-both-damaged.raw", 0}}, problems);
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(opened->drives.empty());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].message,
            "the primary GPT is damaged (the CRC32 of its partition entries does not match) and "
            "the backup GPT is damaged too (its header CRC32 does not match): no partitions "
            "read, as Windows would read none");
  EXPECT_EQ(problems[1].message, "no NTFS partition: nothing of this disk was read");
}

TEST(ServerDisks, ADriveLetterIsParsed) {
  auto d = parse_data_disk("e:=/srv/data.vhdx");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->letter, 'E');
  EXPECT_EQ(d->path, "/srv/data.vhdx");
  auto plain = parse_data_disk("/srv/D:=x.vhdx");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->letter, 0);
  EXPECT_FALSE(parse_data_disk("C:=x.vhdx").ok());
  EXPECT_FALSE(parse_data_disk("1:=x.vhdx").ok());
  EXPECT_FALSE(parse_data_disk("D:=").ok());
}

TEST(ServerVolume, AFolderNamedLikeADriveOnTheSystemDriveIsHidden) {
  test::TempDir dir;
  dir.write("D:/planted.txt", "not drive D");
  dir.write("Windows/x.txt", "x");
  std::vector<Problem> problems;
  auto opened = open_server(dir.path(), std::nullopt, {}, problems);
  // A folder that is not a system drive is opened as is, and wrapped.
  ASSERT_TRUE(opened.ok());
  EXPECT_FALSE(opened->volume->find("D:/planted.txt").has_value());
  bool saw = false;
  opened->volume->walk(
      [&](const FileEntry& e) {
        saw = saw || e.path.rfind("D:", 0) == 0;
        return true;
      },
      problems);
  EXPECT_FALSE(saw);
  EXPECT_TRUE(opened->volume->find("Windows/x.txt").has_value());
}

TEST(ServerVolume, DriveFolderLetters) {
  EXPECT_EQ(drive_folder_letter("D:"), 'D');
  EXPECT_EQ(drive_folder_letter("e:/x"), 'E');
  EXPECT_EQ(drive_folder_letter("D:x"), std::nullopt);
  EXPECT_EQ(drive_folder_letter("Windows"), std::nullopt);
  EXPECT_EQ(drive_folder_letter("1:/x"), std::nullopt);
}

}  // namespace
}  // namespace liftshift
