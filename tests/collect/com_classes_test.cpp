#include "collect/com_classes.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

struct Read {
  MachineFacts machine;
  std::vector<Problem> problems;
};

Read read(const std::filesystem::path& file, std::size_t max_classes = kMaxComClasses) {
  Read r;
  auto bytes = test::read_bytes(file);
  auto hive = Hive::open(bytes, file.string());
  EXPECT_TRUE(static_cast<bool>(hive));
  if (hive) read_com_classes(*hive, r.machine, r.problems, max_classes);
  return r;
}

const ComClassInfo* by_clsid(const MachineFacts& m, char digit) {
  std::string clsid = "{" + std::string(8, digit);
  for (const auto& c : m.com_classes) {
    if (c.clsid.starts_with(clsid)) return &c;
  }
  return nullptr;
}

std::string all_problems(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.message + "\n";
  return out;
}

// tests/fixtures/hives/build.sh writes com.hive with hivexsh: one class of each odd shape.
TEST(ComClasses, KeepsTheServersThatAreNotWindowsOwnAndSkipsWhatIsNoPath) {
  Read r = read(test::fixtures() / "hives" / "com.hive");
  std::string ids;
  for (const auto& c : r.machine.com_classes) ids += c.clsid + " " + c.file + "\n";
  // Kept: the quoted path, the LocalServer32 program, %ProgramFiles%, the '..'
  // one, and four .NET classes (below).
  ASSERT_EQ(r.machine.com_classes.size(), 8u) << ids;

  const ComClassInfo* good = by_clsid(r.machine, '1');
  ASSERT_NE(good, nullptr) << ids;
  EXPECT_EQ(good->server_key, "InprocServer32");
  EXPECT_EQ(good->file, "C:\\Apps\\Good\\good.dll");  // the quotes dropped
  EXPECT_EQ(good->threading_model, "Both");
  EXPECT_EQ(good->prog_ids, std::vector<std::string>{"Good.One.1"});  // .txt is no ProgID
  EXPECT_FALSE(good->wow64);
  EXPECT_EQ(good->registry_key,
            "HKLM\\SOFTWARE\\Classes\\CLSID\\{11111111-1111-1111-1111-111111111111}\\"
            "InprocServer32");

  const ComClassInfo* local = by_clsid(r.machine, '5');
  ASSERT_NE(local, nullptr) << ids;
  EXPECT_EQ(local->server_key, "LocalServer32");
  EXPECT_EQ(local->file, "C:\\Program Files\\Vendor App\\server.exe");
  EXPECT_EQ(local->server.find("hunter2"), std::string::npos) << local->server;
  EXPECT_NE(local->server.find("-Embedding"), std::string::npos) << local->server;

  const ComClassInfo* expanded = by_clsid(r.machine, '6');
  ASSERT_NE(expanded, nullptr) << ids;
  EXPECT_EQ(expanded->file, "C:\\Program Files\\Vendor\\vendor.dll");
  // Named by Classes\Odd.Prog\CLSID alone.
  EXPECT_EQ(expanded->prog_ids, std::vector<std::string>{"Odd.Prog"});

  ASSERT_NE(by_clsid(r.machine, '7'), nullptr) << ids;  // kept; no folder will hold it
  for (char skipped : {'2', '3', '4', '8', '9', 'A'})
    EXPECT_EQ(by_clsid(r.machine, skipped), nullptr) << skipped << "\n" << ids;
  for (const auto& c : r.machine.com_classes)
    EXPECT_EQ(c.file.find("NotAGuid"), std::string::npos) << ids;
  // The path of 3000 characters and the .NET Class of 3000.
  EXPECT_NE(all_problems(r.problems).find("2 COM server registrations have a value too long"),
            std::string::npos)
      << all_problems(r.problems);
}

const ComClassInfo* by_prefix(const MachineFacts& m, std::string_view prefix) {
  for (const auto& c : m.com_classes) {
    if (c.clsid.starts_with(prefix)) return &c;
  }
  return nullptr;
}

// The .NET classes of com.hive (InprocServer32 = mscoree.dll and the values
// RegAsm writes): the CodeBase's file, the GAC's class without one, what is
// no file URL or no RuntimeVersion; the Framework's, the shim without a
// Class, a CodeBase under Windows and a Class too long are left out.
TEST(ComClasses, DotNetClassesAreReadWithTheirCodeBaseOrAssembly) {
  Read r = read(test::fixtures() / "hives" / "com.hive");
  std::string ids;
  for (const auto& c : r.machine.com_classes) ids += c.clsid + " " + c.file + "\n";

  const ComClassInfo* widget = by_clsid(r.machine, 'B');
  ASSERT_NE(widget, nullptr) << ids;
  EXPECT_EQ(widget->server, "mscoree.dll");
  EXPECT_EQ(widget->clr_class, "Net.Lib.Widget");
  EXPECT_EQ(widget->assembly, "NetLib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null");
  EXPECT_EQ(widget->runtime_version, "v4.0.30319");
  EXPECT_EQ(widget->code_base, "file:///C:/Apps/Net%20Lib/NetLib.DLL");
  EXPECT_EQ(widget->file, "C:\\Apps\\Net Lib\\NetLib.DLL");

  const ComClassInfo* gac = by_clsid(r.machine, 'D');
  ASSERT_NE(gac, nullptr) << ids;
  EXPECT_EQ(gac->clr_class, "Gac.Lib.Thing");
  EXPECT_EQ(gac->runtime_version, "v2.0.50727");
  EXPECT_EQ(gac->code_base, "");
  EXPECT_EQ(gac->file, "");

  const ComClassInfo* bad_url = by_clsid(r.machine, 'E');
  ASSERT_NE(bad_url, nullptr) << ids;
  EXPECT_EQ(bad_url->code_base, "http://evil.example/BadUrl.dll");
  EXPECT_EQ(bad_url->file, "");             // no file URL: found by its assembly's name
  EXPECT_EQ(bad_url->runtime_version, "");  // "v4.0.30319; rm -rf" is no version

  const ComClassInfo* bad_escape = by_prefix(r.machine, "{F2F2F2F2");
  ASSERT_NE(bad_escape, nullptr) << ids;
  EXPECT_EQ(bad_escape->file, "");

  for (std::string_view skipped : {"{CCCCCCCC", "{FFFFFFFF", "{F0F0F0F0", "{F1F1F1F1"})
    EXPECT_EQ(by_prefix(r.machine, skipped), nullptr) << skipped << "\n" << ids;
}

TEST(ComClasses, CodeBaseUrlsAndAssemblyNames) {
  EXPECT_EQ(code_base_file("file:///C:/inetpub/Desk/bin/Desk.DLL"),
            "C:\\inetpub\\Desk\\bin\\Desk.DLL");
  EXPECT_EQ(code_base_file("FILE:///d:/A%20B/%E2%80%99.dll"), "d:\\A B\\\xE2\x80\x99.dll");
  EXPECT_EQ(code_base_file("file://fs01/share/Lib.dll"), "\\\\fs01\\share\\Lib.dll");
  EXPECT_EQ(code_base_file("file:///C:/A%2"), "");       // a cut escape
  EXPECT_EQ(code_base_file("file:///C:/A%00.dll"), "");  // a NUL
  EXPECT_EQ(code_base_file("file:///C:/A%22.dll"), "");  // a quote
  EXPECT_EQ(code_base_file("file:///Lib.dll"), "");      // no drive
  EXPECT_EQ(code_base_file("file://host:80/x/Lib.dll"), "");
  EXPECT_EQ(code_base_file("https://example.com/Lib.dll"), "");
  EXPECT_EQ(code_base_file(""), "");
  EXPECT_EQ(code_base_file("file:" + std::string(100'000, '%')), "");

  EXPECT_EQ(assembly_simple_name("Desk.Mail, Version=1.0.0.0, Culture=neutral"), "Desk.Mail");
  EXPECT_EQ(assembly_simple_name(" Desk "), "Desk");
  EXPECT_EQ(assembly_simple_name("..\\evil, Version=1.0.0.0"), "");
  EXPECT_EQ(assembly_simple_name(", Version=1.0.0.0"), "");

  EXPECT_TRUE(
      microsoft_assembly("System.EnterpriseServices, Version=4.0.0.0, Culture=neutral, "
                         "PublicKeyToken=B03F5F7F11D50A3A"));
  EXPECT_TRUE(microsoft_assembly("mscorlib"));
  EXPECT_FALSE(microsoft_assembly("Desk.Mail, Version=1.0.0.0, PublicKeyToken=4fc1ea3896bee91f"));
  EXPECT_FALSE(microsoft_assembly("Desk, PublicKeyToken=null"));
}

TEST(ComClasses, ManyClassesAreCappedWithAProblem) {
  Read r = read(test::fixtures() / "hives" / "com.hive", 2);
  EXPECT_EQ(r.machine.com_classes.size(), 2u);
  EXPECT_NE(all_problems(r.problems).find("more than 2 COM classes"), std::string::npos)
      << all_problems(r.problems);
}

TEST(ComClasses, AnAbsurdSubkeyCountOnClsidIsAProblemNotACrash) {
  Read r = read(test::fixtures() / "hives" / "com-counts.hive");
  EXPECT_TRUE(r.machine.com_classes.empty());
  EXPECT_NE(all_problems(r.problems).find("cannot list Classes\\CLSID"), std::string::npos)
      << all_problems(r.problems);
}

// A real Windows NT 4.0 server's SOFTWARE hive: every class it registers is
// Windows' own (C:\WINNT\System32, bare names, Common Files\System).
TEST(ComClasses, ARealServersWindowsClassesAreNotKept) {
  Read r = read(test::shared_fixtures() / "hives" / "nt4-server-software.hive");
  std::string ids;
  for (const auto& c : r.machine.com_classes) ids += c.registry_key + " = " + c.server + "\n";
  EXPECT_TRUE(r.machine.com_classes.empty()) << ids;
  EXPECT_TRUE(r.problems.empty()) << all_problems(r.problems);
}

TEST(ComClasses, ServerFilesAndWindowsOwn) {
  EXPECT_EQ(com_server_file("\"C:\\A B\\x.dll\"", false), "C:\\A B\\x.dll");
  EXPECT_EQ(com_server_file("C:\\A B\\x.dll", false), "C:\\A B\\x.dll");
  EXPECT_EQ(com_server_file("\"D:\\App\\r.exe\" /automation", true), "D:\\App\\r.exe");
  EXPECT_EQ(com_server_file("%SystemRoot%\\System32\\x.dll", false, "C:\\WINNT"),
            "C:\\WINNT\\System32\\x.dll");
  EXPECT_EQ(com_server_file("%CommonProgramFiles%\\V\\x.dll", false),
            "C:\\Program Files\\Common Files\\V\\x.dll");
  EXPECT_TRUE(windows_com_server("oleaut32.dll"));
  EXPECT_TRUE(windows_com_server("C:\\Windows\\SysWOW64\\x.dll"));
  EXPECT_TRUE(windows_com_server("C:\\Program Files\\Common Files\\System\\ado\\msado15.dll"));
  EXPECT_TRUE(windows_com_server("E:\\WINNT\\x.dll", "E:\\WINNT"));
  EXPECT_FALSE(windows_com_server("D:\\App\\bin\\Foo.dll"));
  EXPECT_FALSE(windows_com_server("C:\\Program Files\\Persits Software\\AspUpload\\AspUpload.dll"));
}

}  // namespace
}  // namespace liftshift
