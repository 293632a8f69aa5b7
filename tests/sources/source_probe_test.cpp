#include "sources/source_probe.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

std::filesystem::path images() { return test::fixtures() / "images"; }

TEST(SourceProbe, RecognisesDiskImagesByTheirBytes) {
  EXPECT_EQ(probe_source(images() / "disk.vhdx").format, "VHDX");
  EXPECT_EQ(probe_source(images() / "disk.vhd").format, "VHD");
  EXPECT_EQ(probe_source(images() / "disk.vmdk").format, "VMDK");
  EXPECT_EQ(probe_source(images() / "disk.raw").format, "raw (MBR)");
  EXPECT_EQ(probe_source(images() / "disk.vhdx").kind, SourceKind::kDiskImage);
}

TEST(SourceProbe, RecognisesACopiedSystemDriveWhateverTheCase) {
  auto r = probe_source(images() / "systemdrive");
  EXPECT_TRUE(r.is_directory);
  EXPECT_EQ(r.kind, SourceKind::kSystemDrive);
  test::TempDir dir;
  dir.write("WINDOWS/system32/CONFIG/system", "hive");
  EXPECT_EQ(probe_source(dir.path()).kind, SourceKind::kSystemDrive);
}

TEST(SourceProbe, PlainFoldersAndOtherFiles) {
  test::TempDir dir;
  dir.write("App.exe.config", "<configuration/>");
  auto folder = probe_source(dir.path());
  EXPECT_TRUE(folder.error.empty());
  EXPECT_EQ(folder.kind, SourceKind::kUnknown);
  auto text = probe_source(images() / "notes.txt");
  EXPECT_EQ(text.error,
            "a single file that is not a disk image: give the folder that holds the application");
  EXPECT_EQ(probe_source(dir.path() / "missing").error, "no such file or folder");
}

}  // namespace
}  // namespace liftshift
