// PE/COFF headers and import tables, on native images built by mingw-w64 and
// ld.lld (tests/fixtures/pe/build.sh) and on damaged copies of them.
#include "formats/pe.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "formats/pe_version.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::vector<std::uint8_t> fixture(const std::string& name) {
  return test::read_bytes(test::fixtures() / "pe" / name);
}

Result<BinaryFacts> parse_fixture(const std::string& name) { return parse_pe(fixture(name), name); }

const PeImport* find_import(const std::vector<PeImport>& imports, const std::string& dll) {
  for (const auto& i : imports) {
    if (i.dll == dll) return &i;
  }
  return nullptr;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::uint32_t u32_at(const std::vector<std::uint8_t>& d, std::size_t off) {
  return static_cast<std::uint32_t>(d.at(off) | (d.at(off + 1) << 8) | (d.at(off + 2) << 16) |
                                    (static_cast<std::uint32_t>(d.at(off + 3)) << 24));
}

std::uint16_t u16_at(const std::vector<std::uint8_t>& d, std::size_t off) {
  return static_cast<std::uint16_t>(d.at(off) | (d.at(off + 1) << 8));
}

std::string hex(std::size_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%zx", v);
  return buf;
}

std::string error_of(const std::string& name) {
  auto r = parse_fixture(name);
  EXPECT_FALSE(r.ok()) << name << " parsed";
  return r.ok() ? std::string{} : r.error().message;
}

constexpr std::uint16_t kDynamicBase = 0x0040;
constexpr std::uint16_t kNxCompat = 0x0100;

// ---- well-formed native images ----

TEST(PeNative, GuiApp64) {
  auto r = parse_fixture("GuiApp64.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->path, "GuiApp64.exe");
  EXPECT_EQ(r->machine, "x64");
  EXPECT_TRUE(r->is64);
  EXPECT_FALSE(r->is_dll);
  EXPECT_EQ(r->subsystem, 2);  // Windows GUI
  EXPECT_EQ(r->dll_characteristics & (kDynamicBase | kNxCompat), kDynamicBase | kNxCompat);
  EXPECT_FALSE(r->is_clr);
  const PeImport* user32 = find_import(r->imports, "USER32.dll");
  ASSERT_NE(user32, nullptr);
  EXPECT_TRUE(has(user32->functions, "CreateWindowExW"));
  EXPECT_TRUE(has(user32->functions, "ShowWindow"));
  const PeImport* wts = find_import(r->imports, "WTSAPI32.dll");
  ASSERT_NE(wts, nullptr);
  EXPECT_EQ(wts->functions, (std::vector<std::string>{"WTSEnumerateSessionsW", "WTSFreeMemory"}));
  ASSERT_NE(find_import(r->imports, "KERNEL32.dll"), nullptr);
  EXPECT_TRUE(r->delay_imports.empty());
  EXPECT_TRUE(r->warnings.empty()) << r->warnings.front();
}

TEST(PeNative, MqClient64ImportsMqrt) {
  auto r = parse_fixture("MqClient64.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->machine, "x64");
  EXPECT_TRUE(r->is64);
  EXPECT_EQ(r->subsystem, 3);  // Windows console
  const PeImport* mq = find_import(r->imports, "mqrt.dll");
  ASSERT_NE(mq, nullptr);
  EXPECT_EQ(mq->functions, (std::vector<std::string>{"MQCloseQueue", "MQOpenQueue"}));
  EXPECT_TRUE(r->warnings.empty());
}

TEST(PeNative, DtcClient64ImportsXolehlp) {
  auto r = parse_fixture("DtcClient64.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->machine, "x64");
  EXPECT_EQ(r->subsystem, 3);
  const PeImport* dtc = find_import(r->imports, "xolehlp.dll");
  ASSERT_NE(dtc, nullptr);
  EXPECT_EQ(dtc->functions, std::vector<std::string>{"DtcGetTransactionManager"});
  EXPECT_TRUE(r->warnings.empty());
}

TEST(PeNative, Lib32DllWithOrdinalImport) {
  auto r = parse_fixture("Lib32.dll");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->machine, "x86");
  EXPECT_FALSE(r->is64);
  EXPECT_TRUE(r->is_dll);
  EXPECT_FALSE(r->is_clr);
  const PeImport* oleaut = find_import(r->imports, "OLEAUT32.dll");
  ASSERT_NE(oleaut, nullptr);
  EXPECT_EQ(oleaut->functions, std::vector<std::string>{"#2"});
  const PeImport* kernel32 = find_import(r->imports, "KERNEL32.dll");
  ASSERT_NE(kernel32, nullptr);
  EXPECT_TRUE(has(kernel32->functions, "GetProcAddress"));
  EXPECT_TRUE(r->warnings.empty());
}

TEST(PeNative, DelayLoadImports) {
  auto r = parse_fixture("DelayLoad64.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->machine, "x64");
  EXPECT_EQ(r->subsystem, 3);
  EXPECT_EQ(find_import(r->imports, "NETAPI32.dll"), nullptr);
  const PeImport* net = find_import(r->delay_imports, "NETAPI32.dll");
  ASSERT_NE(net, nullptr);
  EXPECT_TRUE(has(net->functions, "NetUserGetInfo"));
  EXPECT_TRUE(has(net->functions, "NetApiBufferFree"));
  EXPECT_EQ(net->functions.size(), 2u);
  EXPECT_NE(find_import(r->imports, "KERNEL32.dll"), nullptr);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(PeNative, MachineNames) {
  EXPECT_EQ(pe_machine_name(0x014c), "x86");
  EXPECT_EQ(pe_machine_name(0x8664), "x64");
  EXPECT_EQ(pe_machine_name(0xaa64), "arm64");
  EXPECT_EQ(pe_machine_name(0x01c0), "arm");
  EXPECT_EQ(pe_machine_name(0x01c4), "arm");
  EXPECT_EQ(pe_machine_name(0x0200), "ia64");
  EXPECT_EQ(pe_machine_name(0x01a2), "0x01a2");
}

// The version resource (RT_VERSION): what windres compiles from a VERSIONINFO,
// and what mcs writes from assembly attributes.
TEST(PeVersion, NativeVersionInfoFromWindres) {
  auto r = parse_fixture("Versioned64.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->company_name, "Fabrikam Monitoring Inc.");
  EXPECT_EQ(r->product_name, "Fabrikam Monitoring Agent");
  EXPECT_EQ(r->file_description, "Fabrikam Monitoring Agent Service");
  EXPECT_EQ(r->file_version, "7.2.0.118");
  EXPECT_TRUE(r->warnings.empty()) << r->warnings[0];
}

TEST(PeVersion, ManagedVersionInfoFromAssemblyAttributes) {
  auto r = parse_fixture("Versioned.dll");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->is_clr);
  EXPECT_EQ(r->company_name, "Contoso Ltd.");
  EXPECT_EQ(r->product_name, "Contoso Orders");
  EXPECT_EQ(r->file_version, "2.4.1.0");
  // A program without a version resource has none, and no warning about it.
  auto gui = parse_fixture("GuiApp64.exe");
  ASSERT_TRUE(gui.ok());
  EXPECT_EQ(gui->company_name, "");
}

// Every cut of the version blob is read without a crash: fields stay empty
// or hold what was there, never more.
TEST(PeVersion, TruncatedOrDamagedBlobsAreSafe) {
  auto bytes = fixture("Versioned64.exe");
  auto facts = parse_fixture("Versioned64.exe");
  ASSERT_TRUE(facts.ok());
  std::vector<std::uint8_t> blob;
  // Find the blob by its key ("VS_VERSION_INFO" in UTF-16) 6 bytes after its start.
  std::u16string key = u"VS_VERSION_INFO";
  std::size_t at = std::string::npos;
  for (std::size_t i = 6; i + key.size() * 2 < bytes.size() && at == std::string::npos; ++i) {
    bool match = true;
    for (std::size_t k = 0; k < key.size() && match; ++k)
      match = bytes[i + 2 * k] == key[k] && bytes[i + 2 * k + 1] == 0;
    if (match) at = i - 6;
  }
  ASSERT_NE(at, std::string::npos);
  std::size_t length = bytes[at] | (bytes[at + 1] << 8);
  ASSERT_LE(at + length, bytes.size());
  for (std::size_t cut = 0; cut <= length; cut += 7) {
    BinaryFacts f;
    parse_version_info(Bytes(bytes.data() + at, cut), f);
    EXPECT_LE(f.company_name.size(), facts->company_name.size());
  }
  std::vector<std::uint8_t> damaged(bytes.begin() + at, bytes.begin() + at + length);
  for (std::size_t i = 0; i < damaged.size(); i += 2) {
    auto copy = damaged;
    copy[i] = 0xff;
    copy[i + 1 < copy.size() ? i + 1 : i] = 0xff;
    BinaryFacts f;
    parse_version_info(copy, f);  // no crash, no hang
  }
}

TEST(PeProbe, LooksLikePe) {
  for (const char* name :
       {"GuiApp64.exe", "Lib32.dll", "MsmqConsole.exe", "LegacyService.exe", "DelayLoad64.exe"}) {
    EXPECT_TRUE(looks_like_pe(fixture(name))) << name;
  }
  EXPECT_FALSE(looks_like_pe(fixture("readme.txt")));
  EXPECT_FALSE(looks_like_pe(fixture("trunc_dos.exe")));
  EXPECT_FALSE(looks_like_pe(fixture("bad_lfanew.exe")));
  EXPECT_FALSE(looks_like_pe(Bytes{}));
  // A probe usually sees only the head of a file: e_lfanew beyond it is "not mine".
  auto gui = fixture("GuiApp64.exe");
  EXPECT_FALSE(looks_like_pe(Bytes(gui).first(64)));
}

// ---- header damage: errors naming the file and the problem ----

TEST(PeDamaged, NotAPeFile) {
  EXPECT_EQ(error_of("readme.txt"), "readme.txt: not a PE file: no MZ signature");
}

TEST(PeDamaged, TruncatedDosHeader) {
  EXPECT_EQ(error_of("trunc_dos.exe"),
            "trunc_dos.exe: truncated PE: DOS header needs 64 bytes at offset 0x0, file has 40");
}

TEST(PeDamaged, TruncatedCoffHeader) {
  auto original = fixture("GuiApp64.exe");
  std::size_t lfanew = u32_at(original, 0x3c);
  EXPECT_EQ(error_of("trunc_pe_header.exe"),
            "trunc_pe_header.exe: truncated PE: COFF header needs 20 bytes at offset " +
                hex(lfanew + 4) + ", file has " + std::to_string(lfanew + 12));
}

TEST(PeDamaged, TruncatedOptionalHeader) {
  auto original = fixture("MsmqConsole.exe");
  std::size_t lfanew = u32_at(original, 0x3c);
  EXPECT_EQ(error_of("trunc_optional.exe"),
            "trunc_optional.exe: truncated PE: optional header needs 224 bytes at offset " +
                hex(lfanew + 24) + ", file has " + std::to_string(lfanew + 24 + 126));
}

TEST(PeDamaged, TruncatedSectionTable) {
  auto original = fixture("Lib32.dll");
  std::size_t lfanew = u32_at(original, 0x3c);
  std::size_t sections = u16_at(original, lfanew + 6);
  std::size_t optional = u16_at(original, lfanew + 20);
  std::size_t table = lfanew + 24 + optional;
  EXPECT_EQ(error_of("trunc_sections.dll"),
            "trunc_sections.dll: truncated PE: section table needs " +
                std::to_string(sections * 40) + " bytes (" + std::to_string(sections) +
                " sections) at offset " + hex(table) + ", file has " +
                std::to_string(table + 40 + 17));
}

TEST(PeDamaged, LfanewBeyondEnd) {
  auto size = fixture("bad_lfanew.exe").size();
  EXPECT_EQ(error_of("bad_lfanew.exe"),
            "bad_lfanew.exe: e_lfanew 0x7ffffff0 points beyond the end of the file (" +
                std::to_string(size) + " bytes)");
}

TEST(PeDamaged, HugeNumberOfSections) {
  std::string msg = error_of("huge_sections.exe");
  EXPECT_NE(msg.find("huge_sections.exe: truncated PE: section table needs 2621400 bytes "
                     "(65535 sections)"),
            std::string::npos)
      << msg;
}

TEST(PeDamaged, ImportRvaOutsideEverySection) {
  auto r = parse_fixture("bad_import_rva.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  // The rest of the image is still read.
  EXPECT_EQ(r->machine, "x64");
  EXPECT_EQ(r->subsystem, 2);
  EXPECT_TRUE(r->imports.empty());
  EXPECT_EQ(r->warnings,
            std::vector<std::string>{"import directory: RVA 0x7fff0000 is not inside any section"});
}

// Every prefix and many single-byte edits of real images: no crash, no hang,
// and either an Error or facts.
void mutate_and_parse(const std::string& name, std::size_t stride) {
  const auto original = fixture(name);
  std::size_t parsed = 0;
  for (std::size_t n = 0; n <= original.size(); n += stride) {
    auto r = parse_pe(Bytes(original).first(n), name);
    parsed += r.ok() ? 1 : 0;
  }
  auto copy = original;
  for (std::size_t i = 0; i < copy.size(); i += stride) {
    for (std::uint8_t v : {std::uint8_t{0x00}, std::uint8_t{0xff}, std::uint8_t{0x7f}}) {
      std::uint8_t saved = copy[i];
      copy[i] = v;
      auto r = parse_pe(copy, name);
      parsed += r.ok() ? 1 : 0;
      copy[i] = saved;
    }
  }
  EXPECT_GT(parsed, 0u) << name;
}

TEST(PeDamaged, MutationsNeverCrash) {
  mutate_and_parse("GuiApp64.exe", 7);
  mutate_and_parse("Lib32.dll", 5);
  mutate_and_parse("DelayLoad64.exe", 13);
}

}  // namespace
}  // namespace liftshift
