#include "sources/block_cache.hpp"

#include <gtest/gtest.h>

#include <random>

namespace liftshift {
namespace {

constexpr std::size_t kBlock = BlockCache::kBlockSize;

// A disk of `size` bytes whose byte i is i*7 mod 251, and what was fetched from it.
struct FakeDisk {
  std::vector<std::uint8_t> bytes;
  std::uint64_t fetched = 0;
  std::uint64_t fetches = 0;
  explicit FakeDisk(std::size_t size) : bytes(size) {
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>(i * 7 % 251);
  }
  BlockCache::Fetch fetch() {
    return [this](std::uint64_t offset, std::span<std::uint8_t> out) -> Result<std::size_t> {
      std::size_t n = std::min<std::size_t>(out.size(), bytes.size() - offset);
      std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(offset), n, out.begin());
      fetched += n;
      ++fetches;
      return n;
    };
  }
};

TEST(BlockCache, ReadsGiveTheDiskBytesWhereverTheyStartAndEnd) {
  FakeDisk disk(5 * kBlock + 123);  // a short last block
  BlockCache cache(disk.bytes.size(), disk.fetch(), 3);
  std::mt19937 random(13);
  for (int i = 0; i < 500; ++i) {
    std::uint64_t offset = random() % disk.bytes.size();
    std::size_t size = random() % (3 * kBlock);
    std::vector<std::uint8_t> out(size);
    auto n = cache.read(offset, out);
    ASSERT_TRUE(n);
    std::size_t expected = std::min<std::size_t>(size, disk.bytes.size() - offset);
    ASSERT_EQ(*n, expected) << offset << " " << size;
    ASSERT_TRUE(std::equal(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(expected),
                           disk.bytes.begin() + static_cast<std::ptrdiff_t>(offset)));
  }
}

TEST(BlockCache, RepeatedSmallReadsFetchTheirBlockOnce) {
  FakeDisk disk(4 * kBlock);
  BlockCache cache(disk.bytes.size(), disk.fetch());
  std::vector<std::uint8_t> out(1024);
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(cache.read(kBlock + 4096, out));
  EXPECT_EQ(disk.fetches, 1u);
  EXPECT_EQ(disk.fetched, kBlock);
}

TEST(BlockCache, LargeReadsDoNotEvictCachedBlocks) {
  FakeDisk disk(40 * kBlock);
  BlockCache cache(disk.bytes.size(), disk.fetch(), 2);
  std::vector<std::uint8_t> small(512);
  ASSERT_TRUE(cache.read(0, small));  // block 0 cached
  std::vector<std::uint8_t> large(30 * kBlock);
  ASSERT_TRUE(cache.read(4 * kBlock, large));  // whole blocks: one fetch, nothing cached
  EXPECT_EQ(disk.fetches, 2u);
  EXPECT_EQ(disk.fetched, kBlock + large.size());
  ASSERT_TRUE(cache.read(100, small));
  EXPECT_EQ(disk.fetches, 2u);
}

TEST(BlockCache, ReadsPastTheEndAreShort) {
  FakeDisk disk(kBlock + 10);
  BlockCache cache(disk.bytes.size(), disk.fetch());
  std::vector<std::uint8_t> out(100);
  EXPECT_EQ(*cache.read(kBlock, out), 10u);
  EXPECT_EQ(*cache.read(kBlock + 10, out), 0u);
  EXPECT_EQ(*cache.read(UINT64_MAX, out), 0u);
}

TEST(BlockCache, AFailedFetchIsAnError) {
  BlockCache cache(4 * kBlock, [](std::uint64_t, std::span<std::uint8_t>) -> Result<std::size_t> {
    return make_error("disk gone");
  });
  std::vector<std::uint8_t> out(100);
  auto r = cache.read(0, out);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "disk gone");
}

}  // namespace
}  // namespace liftshift
