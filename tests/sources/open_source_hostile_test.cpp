// Seeded flips and cuts of APPSRV01's raw disk (tests/fixtures/hostile,
// images/manifest.tsv) opened as a source: each has the outcome its region
// calls for, and whatever opens can be walked to the end.
#include <gtest/gtest.h>

#include <algorithm>

#include "hostile_support.hpp"
#include "sources/open_source.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

fs::path damaged() { return test::hostile_fixtures() / "images"; }

std::vector<std::string> walk_files(const Volume& v, std::vector<Problem>& problems) {
  std::vector<std::string> out;
  v.walk(
      [&](const FileEntry& e) {
        if (!e.is_dir) out.push_back(e.path);
        return true;
      },
      problems);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(OpenSourceHostile, EveryDamagedImageHasItsOutcome) {
  std::vector<Problem> ignored;
  auto original = open_source(test::fixtures() / "servers" / "appsrv01.raw", std::nullopt, ignored);
  ASSERT_TRUE(original.ok()) << original.error().message;
  const auto all_files = walk_files(*original->volume, ignored);
  ASSERT_GE(all_files.size(), 20u);

  for (const auto& row : test::read_manifest(damaged())) {
    SCOPED_TRACE(row.file + " (" + row.region + ")");
    std::vector<Problem> problems;
    auto r = open_source(damaged() / row.file, std::nullopt, problems);
    if (row.kind == "cut") {
      // The NTFS partition (30 MiB at 1 MiB) no longer fits on the disk.
      ASSERT_FALSE(r.ok());
      const std::string& m = r.error().message;
      EXPECT_EQ(
          m.rfind(row.file + ": the MBR partition table holds no usable partition (partition 1 (30 "
                             "MiB at 1 MiB) extends beyond the end of the disk (",
                  0),
          0u)
          << m;
      EXPECT_TRUE(m.ends_with(" MiB): skipped)")) << m;
      continue;
    }
    if (row.region == "mbr" || row.region == "boot-code") {
      // An unused partition entry, boot code: bytes nothing reads.
      ASSERT_TRUE(r.ok()) << r.error().message;
      EXPECT_TRUE(problems.empty());
      std::vector<Problem> walk_problems;
      EXPECT_EQ(walk_files(*r->volume, walk_problems), all_files);
      continue;
    }
    // The boot sector's parameters, the MFT: refused with the reason, or
    // opened; a walk of what opened ends, and names what it could not read.
    if (!r.ok()) {
      EXPECT_EQ(r.error().message.rfind(row.file + ": ", 0), 0u) << r.error().message;
      continue;
    }
    std::vector<Problem> walk_problems;
    const auto files = walk_files(*r->volume, walk_problems);
    EXPECT_LE(files.size(), all_files.size() + 5);
    for (const auto& p : walk_problems) EXPECT_FALSE(p.message.empty());
  }
}

}  // namespace
}  // namespace liftshift
