#include "sources/open_source.hpp"

#include <gtest/gtest.h>

#include "image_fixtures.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::hostile;
using test::images;

std::string open_error(const fs::path& path, std::optional<int> partition,
                       std::vector<Problem>* problems_out = nullptr) {
  std::vector<Problem> problems;
  auto r = open_source(path, partition, problems);
  if (problems_out != nullptr) *problems_out = problems;
  return r.ok() ? "(opened)" : r.error().message;
}

TEST(OpenVolume, AFolderIsADirectoryVolume) {
  std::vector<Problem> problems;
  auto r = open_source(test::drive(), std::nullopt, problems);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->format, "folder");
  EXPECT_FALSE(r->partition.has_value());
  EXPECT_EQ(r->read_stats, nullptr);
  EXPECT_EQ(r->volume->describe(), "folder " + test::drive().string());
  EXPECT_EQ(
      open_error(test::drive(), 1),
      test::drive().string() + ": a folder has no partitions (--partition is for disk images)");
  EXPECT_EQ(open_error(images() / "missing", std::nullopt),
            (images() / "missing").string() + ": no such file or folder");
}

TEST(OpenVolume, PicksTheNtfsPartitionThatHoldsWindows) {
  for (const auto& name : {"server-two.raw", "server-two.vmdk"}) {
    SCOPED_TRACE(name);
    std::vector<Problem> problems;
    auto r = open_source(images() / name, std::nullopt, problems);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(problems.empty());
    ASSERT_TRUE(r->partition.has_value());
    EXPECT_EQ(r->partition->index, 2);
    EXPECT_EQ(r->chosen, "partition 2 (NTFS, 30 MiB, holds Windows)");
    EXPECT_TRUE(r->volume->find("Windows/System32/config/SYSTEM").has_value());
  }
}

TEST(OpenVolume, APartitionCanBeChosen) {
  std::vector<Problem> problems;
  auto r = open_source(images() / "server-two.raw", 1, problems);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->chosen, "partition 1 (NTFS, 4 MiB)");
  EXPECT_TRUE(r->volume->find("boot/bcd").has_value());
  EXPECT_FALSE(r->volume->find("Windows").has_value());
  auto two = open_source(images() / "server-two.raw", 2, problems);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->chosen, "partition 2 (NTFS, 30 MiB, holds Windows)");
}

TEST(OpenVolume, AMissingPartitionIsAClearError) {
  EXPECT_EQ(open_error(images() / "server-two.raw", 3),
            "server-two.raw: partition 3 does not exist (the disk has 2)");
  EXPECT_EQ(open_error(images() / "server.vhdx", 0),
            "server.vhdx: partition 0 does not exist (the disk has 1)");
  EXPECT_EQ(open_error(hostile() / "ebr-loop.raw", 2),
            "ebr-loop.raw: partition 2 does not exist (the disk has 2: 1, 5)");
}

TEST(OpenVolume, GptAndMbrAndABareVolume) {
  for (const auto& name :
       {"server-gpt.raw", "server-gpt.vhdx", "server.raw", "server-volume.ntfs"}) {
    SCOPED_TRACE(name);
    std::vector<Problem> problems;
    auto r = open_source(images() / name, std::nullopt, problems);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->partition->index, 1);
    EXPECT_EQ(r->chosen, "partition 1 (NTFS, 30 MiB, holds Windows)");
  }
}

TEST(OpenVolume, NoWindowsPartitionListsThePartitions) {
  EXPECT_EQ(open_error(hostile() / "bootsector.raw", std::nullopt),
            "bootsector.raw: no NTFS partition holds Windows\\System32\\config\\SYSTEM "
            "(partitions: 1 unknown file system 30 MiB)");
  EXPECT_EQ(open_error(hostile() / "bootsector.raw", 1),
            "bootsector.raw: partition 1 is not NTFS (1 unknown file system 30 MiB): only NTFS "
            "partitions are read");
  EXPECT_EQ(open_error(images() / "disk.raw", std::nullopt),
            "disk.raw: no NTFS partition holds Windows\\System32\\config\\SYSTEM (partitions: 1 "
            "unknown file system 7 MiB)");
  EXPECT_EQ(open_error(images() / "disk.vhdx", std::nullopt),
            "disk.vhdx: no partition table (MBR or GPT) and no NTFS file system");
  EXPECT_EQ(open_error(images() / "notes.txt", std::nullopt),
            (images() / "notes.txt").string() +
                ": a single file that is not a disk image: give the folder that holds the "
                "application");
}

TEST(OpenVolume, HostileTablesGiveProblemsAndTheRestIsRead) {
  struct Case {
    const char* name;
    const char* problem;
  };
  for (const auto& c :
       {Case{"beyond.raw",
             "partition 2 starts at 512 MiB, beyond the end of the disk (32 MiB): skipped"},
        Case{"ebr-loop.raw",
             "extended partition chain loops back to sector 64: stopped after 1 logical "
             "partition"},
        Case{"gpt-count.raw",
             "the primary GPT is damaged (its header CRC32 does not match): partitions read "
             "from the backup GPT at sector 65535"}}) {
    SCOPED_TRACE(c.name);
    std::vector<Problem> problems;
    auto r = open_source(hostile() / c.name, std::nullopt, problems);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->partition->index, 1);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, c.name);
    EXPECT_EQ(problems[0].message, c.problem);
  }
}

TEST(OpenVolume, DamagedImagesAreClearErrors) {
  std::vector<Problem> problems;
  EXPECT_EQ(open_error(hostile() / "truncated.raw", std::nullopt, &problems),
            "truncated.raw: the MBR partition table holds no usable partition (partition 1 (30 "
            "MiB at 1 MiB) extends beyond the end of the disk (16 MiB): skipped)");
  ASSERT_EQ(problems.size(), 1u);
  auto vhdx = open_error(hostile() / "bad-header.vhdx", std::nullopt);
  EXPECT_EQ(vhdx.rfind("bad-header.vhdx: not a readable VHD/VHDX image: libvhdi: ", 0), 0u) << vhdx;
  EXPECT_EQ(open_error(hostile() / "escape.vmdk", std::nullopt),
            "escape.vmdk: extent file \"../server-desc-flat.vmdk\" lies outside the descriptor's "
            "folder: refused");
}

TEST(OpenVolume, AnUnreadableNtfsIsAProblemAndNamedInTheError) {
  std::vector<Problem> problems;
  EXPECT_EQ(open_error(hostile() / "mft.raw", std::nullopt, &problems),
            "mft.raw: no NTFS partition holds Windows\\System32\\config\\SYSTEM (partitions: 1 "
            "NTFS 30 MiB (unreadable))");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "mft.raw");
  EXPECT_EQ(
      problems[0].message.rfind("partition 1: not a readable NTFS file system: libfsntfs: ", 0), 0u)
      << problems[0].message;
  auto chosen = open_error(hostile() / "mft.raw", 1);
  EXPECT_EQ(chosen.rfind("mft.raw: partition 1: not a readable NTFS file system: libfsntfs: ", 0),
            0u)
      << chosen;
}

TEST(OpenVolume, ReadsASmallFractionOfTheImage) {
  std::vector<Problem> problems;
  auto r = open_source(images() / "server.vhdx", std::nullopt, problems);
  ASSERT_TRUE(r.ok());
  ASSERT_NE(r->read_stats, nullptr);
  std::vector<Problem> walk_problems;
  r->volume->walk([](const FileEntry&) { return true; }, walk_problems);
  ASSERT_TRUE(r->volume->read("Windows/System32/config/SYSTEM", 0, 4096).ok());
  std::uint64_t bytes = r->read_stats->bytes;
  EXPECT_GT(bytes, 0u);
  EXPECT_LT(bytes, r->image_size / 20) << bytes << " of " << r->image_size;
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

// --server tells the system disk from the data disks of the two-disk server
// (tests/fixtures/twodisk) in every image format and partition scheme by
// reading a few blocks of each: the partition table, the NTFS boot records
// and the index entries on the path to the SYSTEM hive, never the files.
TEST(SystemDiskProbe, TellsTheSystemDiskReadingOnlyThePathToItsHive) {
  constexpr std::uint64_t kAtMost = 256 * 1024;
  for (const char* scheme : {"mbr", "gpt"}) {
    for (const char* ext : {"raw", "vhd", "vhdx", "vmdk"}) {
      const auto system =
          test::fixtures() / "twodisk" / (std::string("system-") + scheme + "." + ext);
      const auto data = test::fixtures() / "twodisk" / (std::string("data-") + scheme + "." + ext);
      SystemDiskProbe s = probe_system_disk(system, std::nullopt);
      SystemDiskProbe d = probe_system_disk(data, std::nullopt);
      EXPECT_TRUE(s.holds_windows) << system;
      EXPECT_FALSE(d.holds_windows) << data;
      EXPECT_GT(s.bytes_read, 0u) << system;
      EXPECT_LE(s.bytes_read, kAtMost) << system;
      EXPECT_GT(d.bytes_read, 0u) << data;
      EXPECT_LE(d.bytes_read, kAtMost) << data;
      // The data disk holds a site and a service's data: none of it is read.
      EXPECT_LT(d.bytes_read * 20, std::filesystem::file_size(data) + 0u) << data;
    }
  }
  EXPECT_TRUE(
      probe_system_disk(test::fixtures() / "twodisk" / "system", std::nullopt).holds_windows);
  EXPECT_FALSE(
      probe_system_disk(test::fixtures() / "twodisk" / "data", std::nullopt).holds_windows);
  // A partition given is the only one looked at.
  EXPECT_FALSE(
      probe_system_disk(test::fixtures() / "twodisk" / "system-gpt.vhdx", 2).holds_windows);
}

}  // namespace
}  // namespace liftshift
