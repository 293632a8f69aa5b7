#include "formats/partition_table.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

fs::path images() { return test::fixtures() / "images"; }

// Reads the partition table of a raw image file (the images are real, made by
// sfdisk, mkntfs and dd; see tests/fixtures/images/build.sh).
PartitionTable table_of(const fs::path& path) {
  auto size = fs::file_size(path);
  return read_partition_table(
      [&](std::uint64_t offset, std::size_t n) -> std::optional<std::vector<std::uint8_t>> {
        std::ifstream in(path, std::ios::binary);
        in.seekg(static_cast<std::streamoff>(offset));
        std::vector<std::uint8_t> out(n);
        in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(n));
        if (in.gcount() <= 0) return std::nullopt;
        out.resize(static_cast<std::size_t>(in.gcount()));
        return out;
      },
      size);
}

constexpr std::uint64_t kMiB = 1024 * 1024;

TEST(PartitionTable, MbrWithOneNtfsPartition) {
  auto t = table_of(images() / "server.raw");
  EXPECT_EQ(t.scheme, "MBR");
  EXPECT_TRUE(t.warnings.empty());
  ASSERT_EQ(t.partitions.size(), 1u);
  const auto& p = t.partitions[0];
  EXPECT_EQ(p.index, 1);
  EXPECT_EQ(p.offset, 1 * kMiB);
  EXPECT_EQ(p.size, 30 * kMiB);
  EXPECT_EQ(p.type, "0x07");
  EXPECT_EQ(p.name, "NTFS/exFAT");
}

TEST(PartitionTable, GptGivesTheTypeGuidAndName) {
  auto t = table_of(images() / "server-gpt.raw");
  EXPECT_EQ(t.scheme, "GPT");
  EXPECT_TRUE(t.warnings.empty());
  ASSERT_EQ(t.partitions.size(), 1u);
  const auto& p = t.partitions[0];
  EXPECT_EQ(p.index, 1);
  EXPECT_EQ(p.offset, 1 * kMiB);
  EXPECT_EQ(p.size, 30 * kMiB);
  EXPECT_EQ(p.type, "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7");
  EXPECT_EQ(p.name, "Basic data partition");
}

TEST(PartitionTable, TwoPartitionsInTableOrder) {
  auto t = table_of(images() / "server-two.raw");
  ASSERT_EQ(t.partitions.size(), 2u);
  EXPECT_EQ(t.partitions[0].index, 1);
  EXPECT_EQ(t.partitions[0].offset, 1 * kMiB);
  EXPECT_EQ(t.partitions[0].size, 4 * kMiB);
  EXPECT_EQ(t.partitions[1].index, 2);
  EXPECT_EQ(t.partitions[1].offset, 5 * kMiB);
  EXPECT_EQ(t.partitions[1].size, 30 * kMiB);
}

TEST(PartitionTable, ABareNtfsVolumeIsOnePartitionAtZero) {
  auto t = table_of(images() / "server-volume.ntfs");
  EXPECT_EQ(t.scheme, "none");
  ASSERT_EQ(t.partitions.size(), 1u);
  EXPECT_EQ(t.partitions[0].offset, 0u);
  EXPECT_EQ(t.partitions[0].size, 30 * kMiB);
}

TEST(PartitionTable, AnEntryBeyondTheDiskIsSkippedWithAWarning) {
  auto t = table_of(images() / "hostile" / "beyond.raw");
  ASSERT_EQ(t.partitions.size(), 1u);
  EXPECT_EQ(t.partitions[0].index, 1);
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0],
            "partition 2 starts at 512 MiB, beyond the end of the disk (32 MiB): skipped");
}

TEST(PartitionTable, APartitionRunningPastATruncatedDiskIsSkipped) {
  auto t = table_of(images() / "hostile" / "truncated.raw");
  EXPECT_TRUE(t.partitions.empty());
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0],
            "partition 1 (30 MiB at 1 MiB) extends beyond the end of the disk (16 MiB): skipped");
}

TEST(PartitionTable, ALoopInTheExtendedChainIsCutShort) {
  auto t = table_of(images() / "hostile" / "ebr-loop.raw");
  ASSERT_EQ(t.partitions.size(), 2u);
  EXPECT_EQ(t.partitions[0].index, 1);
  EXPECT_EQ(t.partitions[1].index, 5);  // the logical partition the looping record holds
  EXPECT_EQ(t.partitions[1].offset, 65u * 512u);
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0],
            "extended partition chain loops back to sector 64: stopped after 1 logical partition");
}

TEST(PartitionTable, AGptHeaderWithAStaleCrcIsReadFromTheBackup) {
  // The primary header claims 0x7fffffff entries but its CRC32 was not updated.
  auto t = table_of(images() / "hostile" / "gpt-count.raw");
  EXPECT_EQ(t.scheme, "GPT");
  ASSERT_EQ(t.partitions.size(), 1u);
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0],
            "the primary GPT is damaged (its header CRC32 does not match): partitions read from "
            "the backup GPT at sector 65535");
}

fs::path twodisk() { return test::fixtures() / "twodisk"; }

TEST(PartitionTable, TheMbrDiskSignatureIsKept) {
  auto t = table_of(twodisk() / "system-mbr.raw");
  EXPECT_EQ(t.scheme, "MBR");
  EXPECT_EQ(t.disk_signature, 0x1A2B3C4Du);
  ASSERT_EQ(t.partitions.size(), 1u);
  EXPECT_EQ(t.partitions[0].unique_guid, "");
}

TEST(PartitionTable, GptPartitionGuidsAndTheDiskGuidAreKept) {
  auto t = table_of(twodisk() / "data-gpt.raw");
  EXPECT_EQ(t.scheme, "GPT");
  EXPECT_TRUE(t.warnings.empty());
  EXPECT_EQ(t.disk_guid, "A1B2C3D4-0000-4000-8000-000000000002");
  ASSERT_EQ(t.partitions.size(), 1u);
  EXPECT_EQ(t.partitions[0].unique_guid, "3B8F0D2A-51C4-4E6B-A7D2-90C1F3E4B5A6");
  EXPECT_EQ(t.partitions[0].name, "Data");
}

TEST(PartitionTable, ADamagedPrimaryEntryArrayIsReadFromTheBackup) {
  auto t = table_of(twodisk() / "data-gpt-primary-damaged.raw");
  EXPECT_EQ(t.scheme, "GPT");
  ASSERT_EQ(t.partitions.size(), 1u);
  EXPECT_EQ(t.partitions[0].unique_guid, "3B8F0D2A-51C4-4E6B-A7D2-90C1F3E4B5A6");
  EXPECT_EQ(t.partitions[0].name, "Data");  // the backup's, not the damaged "XData"
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0],
            "the primary GPT is damaged (the CRC32 of its partition entries does not match): "
            "partitions read from the backup GPT at sector 20479");
}

TEST(PartitionTable, BothGptCopiesDamagedGiveNoPartitions) {
  auto t = table_of(twodisk() / "data-gpt-both-damaged.raw");
  EXPECT_EQ(t.scheme, "GPT");
  EXPECT_TRUE(t.partitions.empty());
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0],
            "the primary GPT is damaged (the CRC32 of its partition entries does not match) and "
            "the backup GPT is damaged too (its header CRC32 does not match): no partitions "
            "read, as Windows would read none");
}

TEST(PartitionTable, Crc32IsTheIeeeOne) {
  const std::string check = "123456789";
  EXPECT_EQ(crc32(Bytes(reinterpret_cast<const std::uint8_t*>(check.data()), check.size())),
            0xCBF43926u);
  EXPECT_EQ(crc32(Bytes{}), 0u);
}

TEST(PartitionTable, NoTableOnAFileThatIsNotADisk) {
  auto t = table_of(images() / "notes.txt");
  EXPECT_EQ(t.scheme, "");
  EXPECT_TRUE(t.partitions.empty());
  ASSERT_EQ(t.warnings.size(), 1u);
  EXPECT_EQ(t.warnings[0], "the disk is smaller than one sector (17 bytes)");
}

TEST(PartitionTable, FileSystemsAndSizesForMessages) {
  auto bytes = test::read_bytes(images() / "server-volume.ntfs");
  EXPECT_EQ(filesystem_name(Bytes(bytes).first(512)), "NTFS");
  auto zeros = std::vector<std::uint8_t>(512);
  EXPECT_EQ(filesystem_name(zeros), "");
  EXPECT_EQ(filesystem_name(Bytes{}), "");
  EXPECT_EQ(human_size(512), "512 bytes");
  EXPECT_EQ(human_size(499 * kMiB), "499 MiB");
  EXPECT_EQ(human_size(1536 * kMiB), "1.5 GiB");
  EXPECT_EQ(human_size(UINT64_MAX), "16383.9 PiB");
}

}  // namespace
}  // namespace liftshift
