#include "collect/binary_parse_cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "collect/parsed_files.hpp"
#include "core/run_stats.hpp"
#include "formats/pe.hpp"
#include "sources/directory_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

std::uint64_t pe_parses() { return run_stats().pe_parses.load(); }

TEST(BinaryParseCache, AnIdenticalFileIsParsedOnceAndTakesItsOwnPath) {
  auto bytes = test::read_bytes(test::fixtures() / "pe" / "WcfSelfHost.exe");
  BinaryParseCache cache;
  const std::uint64_t before = pe_parses();
  auto first = cache.parse(bytes, "Site1/bin/WcfSelfHost.exe");
  auto second = cache.parse(bytes, "Site2/bin/WcfSelfHost.exe");
  EXPECT_EQ(pe_parses() - before, 1u);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->path, "Site1/bin/WcfSelfHost.exe");
  EXPECT_EQ(second->path, "Site2/bin/WcfSelfHost.exe");
  auto direct = parse_pe(bytes, "x");
  ASSERT_TRUE(direct);
  EXPECT_EQ(second->assembly_name, direct->assembly_name);
  EXPECT_EQ(second->type_refs, direct->type_refs);
  EXPECT_EQ(second->member_refs, direct->member_refs);
}

TEST(BinaryParseCache, AFileThatDiffersByOneByteIsParsedAgain) {
  auto bytes = test::read_bytes(test::fixtures() / "pe" / "Versioned.dll");
  auto changed = bytes;
  changed.back() ^= 0x5A;
  BinaryParseCache cache;
  const std::uint64_t before = pe_parses();
  ASSERT_TRUE(cache.parse(bytes, "a/Versioned.dll"));
  ASSERT_TRUE(cache.parse(changed, "b/Versioned.dll"));
  EXPECT_EQ(pe_parses() - before, 2u);
}

TEST(BinaryParseCache, ADamagedCopyNamesItsOwnPath) {
  auto bytes = test::read_bytes(test::fixtures() / "pe" / "bad_lfanew.exe");
  BinaryParseCache cache;
  auto first = cache.parse(bytes, "one/bad.exe");
  auto second = cache.parse(bytes, "two/bad.exe");
  ASSERT_FALSE(first);
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().message.find("two/bad.exe"), std::string::npos)
      << second.error().message;
}

TEST(BinaryParseCache, KeepsNothingPastItsBound) {
  auto bytes = test::read_bytes(test::fixtures() / "pe" / "Versioned.dll");
  BinaryParseCache cache(0);  // no room: every file is parsed
  const std::uint64_t before = pe_parses();
  ASSERT_TRUE(cache.parse(bytes, "a/Versioned.dll"));
  ASSERT_TRUE(cache.parse(bytes, "b/Versioned.dll"));
  EXPECT_EQ(pe_parses() - before, 2u);
}

// The same real assembly in the bin folder of several sites, read in
// parallel: parsed once, each site's copy listed with its own path.
TEST(BinaryParseCache, ReadSourceParsesTheSameDllOfManySitesOnce) {
  test::TempDir dir;
  const fs::path dll = test::fixtures() / "pe" / "WcfSelfHost.exe";
  for (int s = 1; s <= 6; ++s) {
    fs::path bin = dir.path() / ("Site" + std::to_string(s)) / "bin";
    fs::create_directories(bin);
    fs::copy_file(dll, bin / "Shared.dll");
  }
  DirectoryVolume volume{dir.path()};
  const std::uint64_t before = pe_parses();
  ParsedSource parsed = read_source(volume);
  EXPECT_EQ(pe_parses() - before, 1u);
  ASSERT_EQ(parsed.binaries.size(), 6u);
  for (int s = 1; s <= 6; ++s) {
    const std::string path = "Site" + std::to_string(s) + "/bin/Shared.dll";
    bool found = false;
    for (const auto& b : parsed.binaries) found = found || b.path == path;
    EXPECT_TRUE(found) << path;
  }
}

}  // namespace
}  // namespace liftshift
