// A hive cut short so its header claims more hbin pages than the file holds:
// hivex's lenient mode used to read past the end of the file for it (a SEGV
// fuzz_hive found; the crashing inputs are in fuzz/regressions/hive). The
// reader must open it with a warning and read what is there.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "formats/hive.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(HiveLenient, AHiveCutShortOfItsHeadersClaimOpensWithAWarning) {
  auto bytes = test::read_bytes(test::shared_hives() / "regipy-SYSTEM");
  // Cut mid-page, as the fuzzer's inputs were: the header still claims every page.
  ASSERT_GT(bytes.size(), 0x41354u);
  bytes.resize(0x41354);

  auto hive = Hive::open(bytes, "SYSTEM");
  ASSERT_TRUE(hive.ok()) << hive.error().message;
  ASSERT_EQ(hive->warnings().size(), 1u);
  EXPECT_NE(hive->warnings()[0].find("SYSTEM: damaged hive"), std::string::npos)
      << hive->warnings()[0];
  EXPECT_NE(hive->warnings()[0].find("claims more hbin pages than the file holds"),
            std::string::npos)
      << hive->warnings()[0];
  // The root and the keys in the pages that are there still read.
  EXPECT_FALSE(hive->children(hive->root()).empty());
}

TEST(HiveLenient, TheFuzzersCrashingInputsOpenOrFailCleanly) {
  for (const char* name : {"crash-28f75e3cc0d5881ce3a29e3c09fd96bd26387c9e",
                           "crash-a74b56996170a987339cab679d26527a854f2ed8"}) {
    auto bytes = test::read_bytes(test::source_dir() / "fuzz/regressions/hive" / name);
    ASSERT_FALSE(bytes.empty()) << name;
    auto hive = Hive::open(bytes, name);
    if (hive.ok()) {
      ASSERT_FALSE(hive->warnings().empty()) << name;
      EXPECT_NE(hive->warnings()[0].find("claims more hbin pages"), std::string::npos);
    } else {
      EXPECT_NE(hive.error().message.find(name), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace liftshift
