#include "cli/source_list.hpp"

#include <gtest/gtest.h>

#include <map>

#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(SourceList, MissingFileIsAnError) {
  auto r = read_source_list("/nonexistent/list.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent/list.txt"), std::string::npos);
}

// The parsing itself is core's (tests/core/source_list_test.cpp); the file
// is read as bytes, and a refused line names the file.
TEST(SourceList, ReadsTheFileWithTheCoreParser) {
  test::TempDir dir;
  auto file = dir.write("list.txt", "\xEF\xBB\xBF/srv/a\r\n# c\n/srv/b\n/srv/a\n");
  auto r = read_source_list(file.string());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, (std::vector<std::string>{"/srv/a", "/srv/b"}));
  auto bad = read_source_list(dir.write("bad.txt", "/srv/a\n/srv/\x1b]0;x\a\n").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.txt: line 2"), std::string::npos) << bad.error().message;
}

TEST(Shard, ParsesZeroBasedIndexOfCount) {
  auto s = parse_shard("3/8");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->index, 3u);
  EXPECT_EQ(s->count, 8u);
  EXPECT_TRUE(parse_shard("0/1").ok());
  for (const char* bad : {"8/8", "1/0", "0/0", "-1/4", "a/4", "1/", "/4", "14", "1/4x", ""}) {
    EXPECT_FALSE(parse_shard(bad).ok()) << bad;
  }
  EXPECT_NE(parse_shard("8/8").error().message.find("0-based"), std::string::npos);
}

TEST(Shard, EverySourceInExactlyOneShardAndTheSameOneEveryTime) {
  std::vector<std::string> list;
  list.reserve(103);
  for (int i = 0; i < 103; ++i) list.push_back("/srv/s" + std::to_string(i));
  for (std::size_t n : {1u, 2u, 7u, 8u, 103u, 200u}) {
    std::map<std::string, int> seen;
    std::size_t smallest = list.size(), largest = 0;
    for (std::size_t i = 0; i < n; ++i) {
      auto part = select_shard(list, {i, n});
      EXPECT_EQ(part, select_shard(list, {i, n}));  // deterministic
      for (const auto& s : part) ++seen[s];
      smallest = std::min(smallest, part.size());
      largest = std::max(largest, part.size());
    }
    EXPECT_EQ(seen.size(), list.size()) << n;
    for (const auto& [s, times] : seen) EXPECT_EQ(times, 1) << s;
    EXPECT_LE(largest - smallest, 1u) << "shards are balanced";
  }
  EXPECT_EQ(select_shard(list, {2, 8})[0], "/srv/s2");
  EXPECT_EQ(select_shard(list, {2, 8})[1], "/srv/s10");
}

}  // namespace
}  // namespace liftshift
