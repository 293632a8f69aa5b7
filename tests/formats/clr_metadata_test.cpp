// CLR metadata on assemblies built by Mono mcs (tests/fixtures/pe/build.sh)
// and on damaged copies of them.
#include "formats/clr_metadata.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "formats/pe.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

std::vector<std::uint8_t> fixture(const std::string& name) {
  return test::read_bytes(test::fixtures() / "pe" / name);
}

Result<BinaryFacts> parse_fixture(const std::string& name) { return parse_pe(fixture(name), name); }

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool has_ref(const BinaryFacts& f, const std::string& name, const std::string& version) {
  return std::any_of(f.assembly_refs.begin(), f.assembly_refs.end(),
                     [&](const AssemblyRef& a) { return a.name == name && a.version == version; });
}

bool any_contains(const std::vector<std::string>& v, const std::string& needle) {
  return std::any_of(v.begin(), v.end(),
                     [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

void expect_mscoree(const BinaryFacts& f, const std::string& entry) {
  ASSERT_EQ(f.imports.size(), 1u);
  EXPECT_EQ(f.imports[0].dll, "mscoree.dll");
  EXPECT_EQ(f.imports[0].functions, std::vector<std::string>{entry});
}

constexpr std::uint16_t kTerminalServerAware = 0x8000;

TEST(ClrAssembly, WinFormsApp) {
  auto r = parse_fixture("WinFormsApp.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->machine, "x86");
  EXPECT_FALSE(r->is64);
  EXPECT_FALSE(r->is_dll);
  EXPECT_EQ(r->subsystem, 2);  // -target:winexe
  EXPECT_TRUE(r->dll_characteristics & kTerminalServerAware);
  expect_mscoree(*r, "_CorExeMain");
  EXPECT_TRUE(r->is_clr);
  EXPECT_EQ(r->clr_version, "v4.0.30319");
  EXPECT_EQ(r->assembly_name, "WinFormsApp");
  EXPECT_EQ(r->assembly_version, "3.1.0.7");
  EXPECT_EQ(r->assembly_refs.size(), 3u);
  EXPECT_TRUE(has_ref(*r, "System.Windows.Forms", "4.0.0.0"));
  EXPECT_TRUE(has_ref(*r, "System.Drawing", "4.0.0.0"));
  EXPECT_TRUE(has_ref(*r, "mscorlib", "4.0.0.0"));
  EXPECT_TRUE(has(r->type_refs, "System.Windows.Forms.Form"));
  EXPECT_TRUE(has(r->type_refs, "System.Windows.Forms.Application"));
  EXPECT_TRUE(has(r->type_refs, "System.Drawing.Color"));
  EXPECT_TRUE(has(r->member_refs, "System.Windows.Forms.Application::Run"));
  EXPECT_TRUE(has(r->member_refs, "System.Windows.Forms.Control::set_Text"));
  EXPECT_TRUE(r->user_strings.empty());
  EXPECT_EQ(r->target_framework, "");
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ClrAssembly, MsmqConsole) {
  auto r = parse_fixture("MsmqConsole.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->subsystem, 3);
  expect_mscoree(*r, "_CorExeMain");
  EXPECT_EQ(r->clr_version, "v4.0.30319");
  EXPECT_EQ(r->assembly_name, "MsmqConsole");
  EXPECT_EQ(r->assembly_version, "0.0.0.0");
  EXPECT_TRUE(has_ref(*r, "System.Messaging", "4.0.0.0"));
  EXPECT_TRUE(has_ref(*r, "System", "4.0.0.0"));
  EXPECT_TRUE(has(r->type_refs, "System.Messaging.MessageQueue"));
  EXPECT_TRUE(has(r->type_refs, "System.Diagnostics.EventLog"));
  EXPECT_TRUE(has(r->member_refs, "System.Messaging.MessageQueue::.ctor"));
  EXPECT_TRUE(has(r->member_refs, "System.Messaging.MessageQueue::Send"));
  EXPECT_TRUE(has(r->member_refs, "System.Diagnostics.EventLog::WriteEntry"));
  // Only path / queue literals, in heap order; "hello" and plain text are not kept.
  EXPECT_EQ(r->user_strings,
            (std::vector<std::string>{".\\private$\\orders",
                                      "FormatName:DIRECT=OS:mqhost\\private$\\invoices",
                                      "C:\\Logs\\orders.log"}));
  EXPECT_TRUE(r->warnings.empty());
}

// Literals holding a credential are kept, masked as they are read, before
// the cut to kMaxUserStringBytes (a cut first would keep a long literal's
// password's start); a format item and a trusted connection are not kept.
TEST(ClrAssembly, CredentialLiteralsAreKeptMasked) {
  auto r = parse_fixture("HardCodedLogin.dll");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->user_strings.size(), 4u);
  EXPECT_EQ(r->user_strings[0],
            "Data Source=sql01;Initial Catalog=Orders;User ID=orders;Password=***");
  EXPECT_EQ(r->user_strings[1], "https://deploy:***@feeds.contoso.example/nuget");
  EXPECT_EQ(r->user_strings[2],
            "Data Source=sql01;Application Name=" + std::string(460, 'A') + ";Password=***");
  // No ':' and no "d=" in it: the prefilter lets any '=' through.
  EXPECT_EQ(r->user_strings[3], "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=***");
  for (const auto& s : r->user_strings) {
    for (const char* secret : {"Winter2019", "Tr0ub4dor3", "Spring", "bXlzZWNyZXRrZXk"})
      EXPECT_EQ(s.find(secret), std::string::npos) << s;
  }
}

TEST(ClrAssembly, DirectoryServicesLibrary) {
  auto r = parse_fixture("DirLib.dll");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->is_dll);
  expect_mscoree(*r, "_CorDllMain");
  EXPECT_EQ(r->clr_version, "v4.0.30319");
  EXPECT_EQ(r->assembly_name, "DirLib");
  EXPECT_TRUE(has_ref(*r, "System.DirectoryServices", "4.0.0.0"));
  EXPECT_TRUE(has_ref(*r, "System.Transactions", "4.0.0.0"));
  EXPECT_TRUE(has(r->type_refs, "System.Transactions.TransactionScope"));
  EXPECT_TRUE(has(r->type_refs, "System.DirectoryServices.DirectoryEntry"));
  EXPECT_TRUE(has(r->type_refs, "System.DirectoryServices.DirectorySearcher"));
  EXPECT_TRUE(has(r->type_refs, "Microsoft.Win32.Registry"));
  EXPECT_TRUE(has(r->member_refs, "Microsoft.Win32.Registry::LocalMachine"));
  EXPECT_TRUE(has(r->member_refs, "System.Transactions.TransactionScope::Complete"));
  // The registry key path has no drive, share or URL: not kept.
  EXPECT_EQ(r->user_strings, std::vector<std::string>{"LDAP://DC=corp,DC=example,DC=com"});
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ClrAssembly, Clr2WindowsService) {
  auto r = parse_fixture("LegacyService.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->subsystem, 3);
  EXPECT_EQ(r->clr_version, "v2.0.50727");
  EXPECT_EQ(r->assembly_name, "LegacyService");
  ASSERT_EQ(r->assembly_refs.size(), 2u);
  EXPECT_TRUE(has_ref(*r, "System.ServiceProcess", "2.0.0.0"));
  EXPECT_TRUE(has_ref(*r, "mscorlib", "2.0.0.0"));
  EXPECT_TRUE(has(r->type_refs, "System.ServiceProcess.ServiceBase"));
  EXPECT_TRUE(has(r->member_refs, "System.ServiceProcess.ServiceBase::Run"));
  EXPECT_EQ(r->target_framework, "");
  EXPECT_TRUE(r->warnings.empty());
}

// Each TypeRef names the assembly it resolves to: Microsoft's ServiceBase is
// System.ServiceProcess's, a look-alike in the application's own library is
// that library's.
TEST(ClrAssembly, TypeRefsSayWhichAssemblyTheyResolveTo) {
  auto scope_of = [](const BinaryFacts& f, const std::string& type) {
    for (std::size_t i = 0; i < f.type_refs.size() && i < f.type_ref_assemblies.size(); ++i) {
      if (f.type_refs[i] == type) return f.type_ref_assemblies[i];
    }
    return std::string("(none)");
  };
  auto real = parse_fixture("LegacyService.exe");
  ASSERT_TRUE(real.ok()) << real.error().message;
  ASSERT_EQ(real->type_ref_assemblies.size(), real->type_refs.size());
  EXPECT_EQ(scope_of(*real, "System.ServiceProcess.ServiceBase"), "System.ServiceProcess");
  auto own = parse_fixture("LookAlikeUser.exe");
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_EQ(scope_of(*own, "System.ServiceProcess.ServiceBase"), "LookAlikes");
  EXPECT_EQ(scope_of(*own, "Microsoft.Win32.Registry"), "LookAlikes");
  EXPECT_EQ(scope_of(*own, "System.Diagnostics.EventLog"), "System");
}

TEST(ClrAssembly, Clr11VersionString) {
  auto r = parse_fixture("Clr11Service.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->is_clr);
  EXPECT_EQ(r->clr_version, "v1.1.4322");
  EXPECT_EQ(r->assembly_name, "LegacyService");
  EXPECT_TRUE(has(r->type_refs, "System.ServiceProcess.ServiceBase"));
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ClrAssembly, TargetFrameworkAttribute) {
  auto r = parse_fixture("Tfm472.dll");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->clr_version, "v4.0.30319");
  EXPECT_EQ(r->target_framework, ".NETFramework,Version=v4.7.2");
  EXPECT_EQ(r->assembly_name, "Tfm472");
  EXPECT_EQ(r->assembly_version, "1.2.3.4");
  EXPECT_TRUE(has(r->type_refs, "System.Runtime.Versioning.TargetFrameworkAttribute"));
  EXPECT_EQ(r->user_strings, std::vector<std::string>{"\\\\fileserver\\share\\in"});
  EXPECT_TRUE(r->warnings.empty());
}

// #Strings and #Blob over 64 KiB: 4-byte heap indexes in every table row.
TEST(ClrAssembly, PInvokeDeclarationsBecomeImports) {
  auto r = parse_fixture("SessionWatcher.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->pinvoke_imports.size(), 2u);
  EXPECT_EQ(r->pinvoke_imports[0].dll, "wtsapi32.dll");
  EXPECT_EQ(r->pinvoke_imports[0].functions,
            (std::vector<std::string>{"WTSEnumerateSessions", "WTSFreeMemory"}));
  EXPECT_EQ(r->pinvoke_imports[1].dll, "kernel32.dll");
  EXPECT_EQ(r->pinvoke_imports[1].functions,
            (std::vector<std::string>{"WTSGetActiveConsoleSessionId"}));
  auto plain = parse_fixture("MsmqConsole.exe");
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->pinvoke_imports.empty());
}

TEST(ClrAssembly, WideHeapIndexes) {
  auto r = parse_fixture("BigHeaps.dll");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->assembly_name, "BigHeaps");
  EXPECT_EQ(r->target_framework, ".NETFramework,Version=v4.8");
  EXPECT_TRUE(has_ref(*r, "System", "4.0.0.0"));
  EXPECT_TRUE(has_ref(*r, "mscorlib", "4.0.0.0"));
  EXPECT_TRUE(has(r->type_refs, "System.ComponentModel.DescriptionAttribute"));
  EXPECT_TRUE(has(r->member_refs, "System.ComponentModel.DescriptionAttribute::.ctor"));
  EXPECT_EQ(r->user_strings, std::vector<std::string>{"D:\\Data\\big"});
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ClrAssembly, InterestingUserStrings) {
  EXPECT_TRUE(interesting_user_string("C:\\temp\\x.log"));
  EXPECT_TRUE(interesting_user_string("\\\\server\\share"));
  EXPECT_TRUE(interesting_user_string(".\\Private$\\q"));
  EXPECT_TRUE(interesting_user_string("formatname:DIRECT=TCP:10.0.0.1\\q"));
  EXPECT_TRUE(interesting_user_string("ldap://dc=x"));
  EXPECT_TRUE(interesting_user_string("net.msmq://host/private/q"));
  EXPECT_FALSE(interesting_user_string("hello"));
  EXPECT_FALSE(interesting_user_string("SOFTWARE\\Contoso"));
  EXPECT_FALSE(interesting_user_string("http://example.com/"));
}

// ---- damage below the headers: warnings, the rest kept ----

TEST(ClrDamaged, TruncatedMetadata) {
  auto r = parse_fixture("trunc_metadata.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->machine, "x86");
  EXPECT_TRUE(r->is_clr);
  EXPECT_EQ(r->clr_version, "v4.0.30319");  // the root itself is within the 100 bytes kept
  EXPECT_TRUE(any_contains(r->warnings, "CLR metadata: truncated: "));
  EXPECT_TRUE(any_contains(r->warnings, ", only 100 present in the file"));
  EXPECT_TRUE(any_contains(r->warnings, "CLR metadata: stream #~ ("));
  EXPECT_TRUE(any_contains(r->warnings, "lies outside the metadata (100 bytes)"));
  EXPECT_TRUE(any_contains(r->warnings, "CLR metadata: no #~ or #- tables stream"));
  // The import table sits after the metadata, so it is gone too.
  EXPECT_TRUE(any_contains(r->warnings, "import directory: RVA 0x"));
  EXPECT_TRUE(any_contains(r->warnings, "lies beyond the end of the file (" +
                                            std::to_string(fixture("trunc_metadata.exe").size()) +
                                            " bytes)"));
  EXPECT_TRUE(r->assembly_refs.empty());
}

TEST(ClrDamaged, HugeTypeRefRowCount) {
  auto r = parse_fixture("huge_typeref_rows.exe");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->clr_version, "v4.0.30319");
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("#~: table TypeRef declares 268435455 rows of 8 bytes, more than "
                                "the "),
            std::string::npos)
      << r->warnings[0];
  EXPECT_NE(r->warnings[0].find("tables from TypeRef on are not read"), std::string::npos);
  EXPECT_TRUE(r->type_refs.empty());
  EXPECT_TRUE(r->assembly_refs.empty());
  // Heaps do not depend on the tables: the user strings are still there.
  EXPECT_TRUE(has(r->user_strings, ".\\private$\\orders"));
  // Imports are unaffected.
  ASSERT_EQ(r->imports.size(), 1u);
  EXPECT_EQ(r->imports[0].dll, "mscoree.dll");
}

TEST(ClrDamaged, BadSignature) {
  std::array<std::uint8_t, 16> raw{'J', 'U', 'N', 'K'};
  BinaryFacts facts;
  parse_clr_metadata(raw, facts);
  EXPECT_EQ(facts.warnings,
            std::vector<std::string>{"CLR metadata: bad signature 0x4b4e554a (expected BSJB "
                                     "0x424a5342)"});
  EXPECT_EQ(facts.clr_version, "");
}

TEST(ClrDamaged, EmptyAndTinyMetadata) {
  BinaryFacts facts;
  parse_clr_metadata(Bytes{}, facts);
  EXPECT_EQ(facts.warnings,
            std::vector<std::string>{"CLR metadata: 0 bytes, too short for a metadata root"});
  // Root with a version length far beyond the data.
  std::array<std::uint8_t, 20> root{0x42, 0x53, 0x4a, 0x42, 1, 0, 1,   0,   0, 0,
                                    0,    0,    0xff, 0xff, 0, 0, 'v', '4', 0, 0};
  BinaryFacts f2;
  parse_clr_metadata(root, f2);
  ASSERT_EQ(f2.warnings.size(), 1u);
  EXPECT_NE(f2.warnings[0].find("version string length 65535 is invalid"), std::string::npos);
}

// Every prefix and single-byte edits of real assemblies, metadata included:
// no crash, no hang.
TEST(ClrDamaged, MutationsNeverCrash) {
  for (const char* name : {"MsmqConsole.exe", "Tfm472.dll", "LegacyService.exe"}) {
    const auto original = fixture(name);
    for (std::size_t n = 0; n <= original.size(); ++n) {
      (void)parse_pe(Bytes(original).first(n), name);
    }
    auto copy = original;
    for (std::size_t i = 0; i < copy.size(); ++i) {
      for (std::uint8_t v : {std::uint8_t{0x00}, std::uint8_t{0xff}, std::uint8_t{0x80}}) {
        std::uint8_t saved = copy[i];
        copy[i] = v;
        auto r = parse_pe(copy, name);
        if (r.ok()) {
          EXPECT_LE(r->user_strings.size(), kMaxUserStrings);
        }
        copy[i] = saved;
      }
    }
  }
  auto big = fixture("BigHeaps.dll");
  for (std::size_t i = 0; i < big.size(); i += 61) {
    std::uint8_t saved = big[i];
    big[i] = 0xff;
    (void)parse_pe(big, "BigHeaps.dll");
    big[i] = saved;
  }
}

}  // namespace
}  // namespace liftshift
