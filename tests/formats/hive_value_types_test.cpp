// Value types a hive may hold beyond the twelve Windows defines. The SAM
// hive stores each account's RID in the type field of a value (513 for
// "Domain Users"); the readers must treat such values as "not this type",
// with no undefined behaviour (fuzz_hive found it; the sanitizer pass of the
// suite runs this test).
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "formats/hive.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(HiveValueTypes, ValuesWithRidTypesInTheSamHiveReadAsNoTextButKeepTheirBytes) {
  auto bytes = test::read_bytes(test::shared_fixtures() / "hives" / "win2022-sam.hive");
  auto hive = Hive::open(bytes, "SAM");
  ASSERT_TRUE(hive.ok()) << hive.error().message;
  auto names = hive->find("SAM\\Domains\\Account\\Groups\\Names");
  ASSERT_TRUE(names.has_value());
  auto groups = hive->children(*names);
  ASSERT_FALSE(groups.empty());
  int read = 0;
  for (const auto& [name, node] : groups) {
    // Each group's key has one unnamed value whose "type" is the group's RID.
    for (const auto& value : hive->value_names(node)) {
      EXPECT_FALSE(hive->string_value(node, value).has_value()) << name;
      EXPECT_FALSE(hive->dword_value(node, value).has_value()) << name;
      EXPECT_TRUE(hive->multi_string_value(node, value).empty()) << name;
      EXPECT_FALSE(hive->value_text(node, value).has_value()) << name;
      EXPECT_TRUE(hive->binary_value(node, value).has_value()) << name;
      ++read;
    }
  }
  EXPECT_GT(read, 0);
}

}  // namespace
}  // namespace liftshift
