// Seeded bit flips and truncations of real PE files (tests/fixtures/hostile,
// pe/manifest.tsv): each has an exact expected outcome, worked out from where
// the damage lands.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "formats/pe.hpp"
#include "hostile_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

fs::path damaged_dir() { return test::hostile_fixtures() / "pe"; }

std::uint32_t u32_at(const std::vector<std::uint8_t>& d, std::size_t at) {
  return static_cast<std::uint32_t>(d[at] | d[at + 1] << 8 | d[at + 2] << 16 |
                                    static_cast<std::uint32_t>(d[at + 3]) << 24);
}
std::uint16_t u16_at(const std::vector<std::uint8_t>& d, std::size_t at) {
  return static_cast<std::uint16_t>(d[at] | d[at + 1] << 8);
}
std::string hex(std::size_t v) { return fmt::format("0x{:x}", v); }

// Everything the parser says about an image, as one comparable string.
std::string describe(const BinaryFacts& f) {
  std::string out =
      fmt::format("{} {} {} {} {} clr={} {} {} {} tf={}\n", f.machine, f.is64, f.is_dll,
                  f.subsystem, f.dll_characteristics, f.is_clr, f.clr_version, f.assembly_name,
                  f.assembly_version, f.target_framework);
  for (const auto* list : {&f.imports, &f.delay_imports, &f.pinvoke_imports}) {
    for (const auto& i : *list) {
      out += i.dll + ":";
      for (const auto& fn : i.functions) out += fn + ",";
      out += "\n";
    }
    out += "--\n";
  }
  for (const auto& r : f.assembly_refs) out += r.name + " " + r.version + "\n";
  for (const auto* list : {&f.type_refs, &f.member_refs, &f.user_strings, &f.warnings}) {
    for (const auto& s : *list) out += s + "\n";
    out += "--\n";
  }
  return out;
}

// The error parse_pe must give for the first bytes of an image cut at n, or
// "" when the headers are whole and the rest is read with warnings.
std::string cut_error(const std::string& name, const std::vector<std::uint8_t>& original,
                      std::size_t n) {
  if (n < 2) return name + ": not a PE file: no MZ signature";
  if (n < 64) {
    return fmt::format("{}: truncated PE: DOS header needs 64 bytes at offset 0x0, file has {}",
                       name, n);
  }
  std::size_t lfanew = u32_at(original, 0x3c);
  if (lfanew > n) {
    return fmt::format("{}: e_lfanew {} points beyond the end of the file ({} bytes)", name,
                       hex(lfanew), n);
  }
  auto truncated = [&](const char* what, std::size_t need, std::size_t at) {
    return fmt::format("{}: truncated PE: {} needs {} bytes at offset {}, file has {}", name, what,
                       need, hex(at), n);
  };
  if (n < lfanew + 4) return truncated("PE signature", 4, lfanew);
  std::size_t coff = lfanew + 4;
  if (n < coff + 20) return truncated("COFF header", 20, coff);
  std::size_t opt = coff + 20;
  std::size_t opt_size = u16_at(original, coff + 16);
  if (n < opt + opt_size) return truncated("optional header", opt_size, opt);
  std::size_t sections = u16_at(original, coff + 2);
  std::size_t table = opt + opt_size;
  if (n < table + sections * 40) {
    return fmt::format(
        "{}: truncated PE: section table needs {} bytes ({} sections) at offset {}, file has {}",
        name, sections * 40, sections, hex(table), n);
  }
  return "";
}

// What a flip of e_lfanew leads to.
std::string lfanew_error(const std::string& name, const std::vector<std::uint8_t>& damaged) {
  std::size_t lfanew = u32_at(damaged, 0x3c);
  if (lfanew > damaged.size()) {
    return fmt::format("{}: e_lfanew {} points beyond the end of the file ({} bytes)", name,
                       hex(lfanew), damaged.size());
  }
  if (lfanew + 4 > damaged.size()) {
    return fmt::format("{}: truncated PE: PE signature needs 4 bytes at offset {}, file has {}",
                       name, hex(lfanew), damaged.size());
  }
  if (u32_at(damaged, lfanew) != 0x4550) {
    return fmt::format("{}: no PE signature at offset {}", name, hex(lfanew));
  }
  return "";  // lands on another "PE\0\0": anything may follow
}

TEST(PeHostile, TheManifestCoversEveryRegion) {
  auto rows = test::read_manifest(damaged_dir());
  ASSERT_EQ(rows.size(), 4u * (34 + 12)) << "tests/fixtures/hostile/build.sh pe/";
  std::set<std::string> regions;
  for (const auto& r : rows) regions.insert(r.region);
  for (const char* want : {"dos-magic", "dos-dead", "lfanew", "pe-sig", "header", "live", "dead"})
    EXPECT_TRUE(regions.count(want)) << want;
}

TEST(PeHostile, EveryFlipHasItsExactOutcome) {
  std::map<std::string, int> seen;
  for (const auto& row : test::read_manifest(damaged_dir())) {
    if (row.kind != "flip") continue;
    SCOPED_TRACE(row.file + " (" + row.region + ")");
    auto original = test::read_bytes(test::fixtures() / "pe" / row.source);
    auto damaged = test::read_bytes(damaged_dir() / row.file);
    ASSERT_EQ(damaged.size(), original.size());
    auto r = parse_pe(damaged, row.file);
    ++seen[row.region];
    if (row.region == "dos-magic") {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().message, row.file + ": not a PE file: no MZ signature");
    } else if (row.region == "pe-sig") {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().message,
                row.file + ": no PE signature at offset " + hex(u32_at(original, 0x3c)));
    } else if (row.region == "lfanew" && !lfanew_error(row.file, damaged).empty()) {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().message, lfanew_error(row.file, damaged));
    } else if (row.region == "dos-dead" || row.region == "coff-dead" || row.region == "dead") {
      // Bytes the parser has no reason to read: the facts are those of the original.
      ASSERT_TRUE(r.ok()) << r.error().message;
      auto want = parse_pe(original, row.file);
      ASSERT_TRUE(want.ok());
      EXPECT_EQ(describe(*r), describe(*want));
    } else if (!r.ok()) {
      // Anywhere else: facts (perhaps with warnings) or an error naming the file.
      EXPECT_EQ(r.error().message.rfind(row.file + ": ", 0), 0u) << r.error().message;
      EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
    }
  }
  EXPECT_GE(seen["dead"] + seen["dos-dead"], 8);
}

TEST(PeHostile, EveryCutHasItsExactOutcome) {
  int whole_headers = 0;
  for (const auto& row : test::read_manifest(damaged_dir())) {
    if (row.kind != "cut") continue;
    SCOPED_TRACE(row.file);
    auto original = test::read_bytes(test::fixtures() / "pe" / row.source);
    auto damaged = test::read_bytes(damaged_dir() / row.file);
    ASSERT_EQ(damaged.size(), row.offset);
    auto r = parse_pe(damaged, row.file);
    std::string want = cut_error(row.file, original, damaged.size());
    if (!want.empty()) {
      ASSERT_FALSE(r.ok()) << "expected: " << want;
      EXPECT_EQ(r.error().message, want);
      continue;
    }
    // Whole headers: the image is read; what lies past the cut becomes warnings.
    ++whole_headers;
    ASSERT_TRUE(r.ok()) << r.error().message;
    auto full = parse_pe(original, row.source);
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(r->machine, full->machine);
    EXPECT_EQ(r->is64, full->is64);
    EXPECT_EQ(r->is_dll, full->is_dll);
    EXPECT_EQ(r->subsystem, full->subsystem);
    EXPECT_EQ(r->is_clr, full->is_clr);
    if (describe(*r) != describe(*full)) {
      EXPECT_FALSE(r->warnings.empty()) << "lost facts without a warning:\n" << describe(*r);
    }
  }
  EXPECT_GE(whole_headers, 10);
}

}  // namespace
}  // namespace liftshift
