#include "sources/disk_image.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "image_fixtures.hpp"
#include "sources/block_cache.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using test::hostile;
using test::images;

std::unique_ptr<DiskImage> open_ok(const fs::path& path) {
  auto r = DiskImage::open(path);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : nullptr;
}

std::string open_error(const fs::path& path) {
  auto r = DiskImage::open(path);
  return r.ok() ? "(opened)" : r.error().message;
}

TEST(DiskImage, EveryFormatHoldsTheSameVirtualDisk) {
  auto raw = open_ok(images() / "server.raw");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->format(), "raw");
  // The partition table and the start of the NTFS partition.
  auto want_mbr = raw->read(0, 512);
  auto want_ntfs = raw->read(1024 * 1024, 256 * 1024);
  ASSERT_TRUE(want_mbr.ok() && want_ntfs.ok());
  ASSERT_EQ(want_ntfs->size(), 256u * 1024u);
  const std::vector<std::pair<std::string, std::string>> formats{
      {"server.vhd", "VHD (dynamic)"},
      {"server-fixed.vhd", "VHD (fixed)"},
      {"server.vhdx", "VHDX (dynamic)"},
      {"server.vmdk", "VMDK (monolithicSparse)"},
      {"server-desc.vmdk", "VMDK (monolithicFlat)"}};
  for (const auto& [name, format] : formats) {
    SCOPED_TRACE(name);
    auto image = open_ok(images() / name);
    ASSERT_TRUE(image);
    EXPECT_EQ(image->format(), format);
    EXPECT_GE(image->size(), raw->size());
    EXPECT_EQ(*image->read(0, 512), *want_mbr);
    EXPECT_EQ(*image->read(1024 * 1024, 256 * 1024), *want_ntfs);
  }
}

TEST(DiskImage, ReadsAreBoundedAndCounted) {
  auto image = open_ok(images() / "server.vhdx");
  ASSERT_TRUE(image);
  auto stats = image->stats();
  EXPECT_EQ(stats->bytes, 0u);
  EXPECT_TRUE(image->read(image->size(), 100)->empty());
  EXPECT_TRUE(image->read(UINT64_MAX, 100)->empty());
  EXPECT_EQ(image->read(image->size() - 10, 100)->size(), 10u);
  EXPECT_EQ(image->read(0, 4096)->size(), 4096u);
  // Small reads fetch their whole block of the image once (the block cache).
  EXPECT_EQ(stats->bytes, 2 * BlockCache::kBlockSize);
  EXPECT_EQ(stats->reads, 2u);
  EXPECT_EQ(image->read(100, 200)->size(), 200u);
  EXPECT_EQ(stats->reads, 2u);
  // One read never allocates more than kMaxRead, whatever is asked.
  EXPECT_LE(image->read(0, SIZE_MAX)->size(), DiskImage::kMaxRead);
}

TEST(DiskImage, ARenamedSparseVmdkStillOpens) {
  // The embedded descriptor remembers "server.vmdk"; the file itself is the extent.
  test::TempDir dir;
  fs::copy_file(images() / "server.vmdk", dir.path() / "renamed.vmdk");
  auto image = open_ok(dir.path() / "renamed.vmdk");
  ASSERT_TRUE(image);
  auto raw = open_ok(images() / "server.raw");
  EXPECT_EQ(*image->read(1024 * 1024, 4096), *raw->read(1024 * 1024, 4096));
}

// A VMDK is named by its descriptor's CID, eight lower-case hex digits.
TEST(DiskImage, VmdkIdentifierIsTheContentIdInHex) {
  auto image = open_ok(images() / "server.vmdk");
  ASSERT_TRUE(image);
  EXPECT_TRUE(std::regex_match(image->identifier(), std::regex("vmdk-cid:[0-9a-f]{8}")))
      << image->identifier();
}

TEST(DiskImage, VmdkExtentsMayNotLeaveTheDescriptorsFolder) {
  EXPECT_EQ(open_error(hostile() / "escape.vmdk"),
            "escape.vmdk: extent file \"../server-desc-flat.vmdk\" lies outside the descriptor's "
            "folder: refused");
  EXPECT_EQ(open_error(hostile() / "absolute.vmdk"),
            "absolute.vmdk: extent file \"/etc/passwd\" lies outside the descriptor's folder: "
            "refused");
}

TEST(DiskImage, AVmdkDescriptorWithoutItsExtentSaysSo) {
  test::TempDir dir;
  fs::copy_file(images() / "server-desc.vmdk", dir.path() / "server-desc.vmdk");
  auto error = open_error(dir.path() / "server-desc.vmdk");
  EXPECT_EQ(error.rfind("server-desc.vmdk: cannot open the extent files: libvmdk: ", 0), 0u)
      << error;
}

TEST(DiskImage, ACorruptVhdxHeaderIsAClearError) {
  auto error = open_error(hostile() / "bad-header.vhdx");
  EXPECT_EQ(error.rfind("bad-header.vhdx: not a readable VHD/VHDX image: libvhdi: ", 0), 0u)
      << error;
  EXPECT_EQ(error.find('\n'), std::string::npos);
}

TEST(DiskImage, ATruncatedVhdxOpensButItsMissingHalfCannotBeRead) {
  auto image = open_ok(hostile() / "truncated.vhdx");
  ASSERT_TRUE(image);
  auto tail = image->read(image->size() - 4096 * 1024, 4096 * 1024);
  // Either zeros (unallocated blocks) or a clear error naming the image: never a crash.
  if (!tail.ok()) {
    EXPECT_EQ(
        tail.error().message.rfind("truncated.vhdx: cannot read the virtual disk at byte ", 0), 0u)
        << tail.error().message;
  }
}

TEST(DiskImage, WhatIsNotAnImageIsRefused) {
  EXPECT_EQ(open_error(images() / "notes.txt"),
            "notes.txt: not a disk image (no VHD, VHDX, VMDK, MBR, GPT or NTFS signature)");
  EXPECT_EQ(open_error(images() / "disk.qcow2"),
            "disk.qcow2: QCOW2 images are not read; convert with qemu-img convert -O vhdx");
  EXPECT_EQ(open_error(images() / "disk.E01"),
            "disk.E01: EWF (E01) forensic images are not read; convert to raw with ewfexport -f "
            "raw (ewf-tools), or mount it with ewfmount and give the raw image it shows");
  EXPECT_EQ(open_error(images() / "split.001"),
            "split.001: a split raw image (split.001, split.002, ...) is not read segment by "
            "segment; join the segments first (cat split.0?? > split.img) and give the joined "
            "image");
  EXPECT_EQ(open_error(images() / "drive"), "drive: not a regular file");
  EXPECT_EQ(open_error(images() / "missing.vhdx"), "missing.vhdx: no such file");
}

TEST(DiskImage, OpeningAndReadingLeavesTheFileAsItWas) {
  for (const auto& name : test::server_images()) {
    SCOPED_TRACE(name);
    auto before = test::fingerprint(images() / name);
    {
      auto image = open_ok(images() / name);
      ASSERT_TRUE(image);
      for (std::uint64_t off = 0; off < image->size(); off += 4 * 1024 * 1024) {
        ASSERT_TRUE(image->read(off, 65536).ok());
      }
    }
    EXPECT_EQ(test::fingerprint(images() / name), before);
  }
}

}  // namespace
}  // namespace liftshift
