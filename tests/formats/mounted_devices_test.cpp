#include "formats/mounted_devices.hpp"

#include <gtest/gtest.h>

#include "formats/hive.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

// The SYSTEM hives of tests/fixtures/twodisk (written by hivexsh).
std::vector<MountedDrive> drives_of(const std::string& system_tree) {
  auto bytes = test::read_bytes(test::fixtures() / "twodisk" / system_tree /
                                "Windows/System32/config/SYSTEM");
  auto hive = Hive::open(bytes, "SYSTEM");
  EXPECT_TRUE(hive.ok());
  if (!hive) return {};
  return read_mounted_devices(*hive);
}

TEST(MountedDevices, MbrValuesGiveTheDiskSignatureAndOffset) {
  auto drives = drives_of("system");
  ASSERT_EQ(drives.size(), 4u);  // C: D: E: F:; \??\Volume{...} names no letter
  EXPECT_EQ(drives[0].letter, 'C');
  EXPECT_EQ(drives[1].letter, 'D');
  EXPECT_EQ(drives[1].kind, MountedDrive::Kind::kMbr);
  EXPECT_EQ(drives[1].disk_signature, 0x5EED0D15u);
  EXPECT_EQ(drives[1].offset, 1024u * 1024u);
  EXPECT_EQ(describe_location(drives[1]), "MBR disk signature 5EED0D15, partition at 1 MiB");
  EXPECT_EQ(drives[2].letter, 'E');
}

TEST(MountedDevices, GptValuesGiveThePartitionGuid) {
  auto drives = drives_of("system-gpt");
  ASSERT_EQ(drives.size(), 4u);
  EXPECT_EQ(drives[1].letter, 'D');
  EXPECT_EQ(drives[1].kind, MountedDrive::Kind::kGpt);
  EXPECT_EQ(drives[1].partition_guid, "3B8F0D2A-51C4-4E6B-A7D2-90C1F3E4B5A6");
  EXPECT_EQ(describe_location(drives[1]), "GPT partition 3B8F0D2A-51C4-4E6B-A7D2-90C1F3E4B5A6");
}

TEST(MountedDevices, ADeviceStringIsKeptAsText) {
  auto drives = drives_of("system-gpt");
  ASSERT_EQ(drives.size(), 4u);
  EXPECT_EQ(drives[3].letter, 'F');
  EXPECT_EQ(drives[3].kind, MountedDrive::Kind::kOther);
  EXPECT_EQ(describe_location(drives[3]), "device \\??\\IDE#CdRomQEMU_DVD-ROM#1&0");
}

// Windows writes device strings with trailing NULs: they end the text.
TEST(MountedDevices, ADeviceStringEndsAtItsFirstNul) {
  std::vector<std::uint8_t> value;
  for (char c : std::string("\\??\\SCSI#CdRom#1&0"))
    value.insert(value.end(), {std::uint8_t(c), 0});
  value.insert(value.end(), {0, 0, 0, 0});  // two NUL characters
  auto drive = parse_mounted_device("\\DosDevices\\G:", value);
  ASSERT_TRUE(drive.has_value());
  EXPECT_EQ(drive->kind, MountedDrive::Kind::kOther);
  EXPECT_EQ(drive->device, "\\??\\SCSI#CdRom#1&0");
}

TEST(MountedDevices, NamesThatAreNoDriveLetterAndShortData) {
  std::vector<std::uint8_t> two{0x41, 0x00};
  EXPECT_TRUE(parse_mounted_device("\\DosDevices\\g:", two).has_value());
  EXPECT_FALSE(parse_mounted_device("\\??\\Volume{1}", two).has_value());
  EXPECT_FALSE(parse_mounted_device("\\DosDevices\\1:", two).has_value());
  EXPECT_FALSE(parse_mounted_device("\\DosDevices\\CC:", two).has_value());
  EXPECT_FALSE(parse_mounted_device("\\DosDevices\\D:", {}).has_value());
}

}  // namespace
}  // namespace liftshift
