#include "formats/hive.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

std::vector<std::uint8_t> shared_hive(const std::string& name) {
  return test::read_bytes(test::shared_fixtures() / "hives" / name);
}

// The regipy hives, shipped xz-compressed and decompressed by the build.
std::vector<std::uint8_t> xz_hive(const std::string& name) {
  return test::read_bytes(test::shared_hives() / name);
}

TEST(Hive, ReadsTheNt4ServerHives) {
  auto system_bytes = shared_hive("nt4-server-system.hive");
  auto system = Hive::open(system_bytes, "SYSTEM");
  ASSERT_TRUE(system.ok()) << system.error().message;
  auto select = system->find("Select");
  ASSERT_TRUE(select.has_value());
  EXPECT_EQ(system->dword_value(*select, "Current"), 1u);
  auto po = system->find("ControlSet001\\Control\\ProductOptions");
  ASSERT_TRUE(po.has_value());
  EXPECT_EQ(system->string_value(*po, "ProductType"), "LanmanNT");
  auto services = system->find("controlset001/SERVICES");  // case-insensitive, either separator
  ASSERT_TRUE(services.has_value());
  EXPECT_GT(system->children(*services).size(), 100u);

  auto software_bytes = shared_hive("nt4-server-software.hive");
  auto software = Hive::open(software_bytes, "SOFTWARE");
  ASSERT_TRUE(software.ok()) << software.error().message;
  auto cv = software->find("Microsoft\\Windows NT\\CurrentVersion");
  ASSERT_TRUE(cv.has_value());
  EXPECT_EQ(software->string_value(*cv, "CurrentBuildNumber"), "1381");
  EXPECT_EQ(software->string_value(*cv, "CurrentVersion"), "4.0");
}

TEST(Hive, FindsW3svcInTheWindows7SystemHive) {
  auto bytes = xz_hive("regipy-SYSTEM");
  auto hive = Hive::open(bytes, "SYSTEM");
  ASSERT_TRUE(hive.ok()) << hive.error().message;
  auto w3svc = hive->find("ControlSet001\\Services\\W3SVC");
  ASSERT_TRUE(w3svc.has_value());
  // On this machine IIS left only its key and an empty Parameters sub-key.
  EXPECT_FALSE(hive->string_value(*w3svc, "ImagePath").has_value());
  auto children = hive->children(*w3svc);
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children[0].first, "Parameters");
  auto http = hive->find("ControlSet001\\Services\\HTTP");
  ASSERT_TRUE(http.has_value());
  EXPECT_EQ(hive->dword_value(*http, "Type"), 1u);  // the HTTP.sys driver
}

TEST(Hive, ReadsTheWindows10AndServer2022Hives) {
  auto win10 = xz_hive("regipy-SYSTEM_WIN_10_1709");
  auto hive = Hive::open(win10, "SYSTEM");
  ASSERT_TRUE(hive.ok()) << hive.error().message;
  auto services = hive->find("ControlSet001\\Services");
  ASSERT_TRUE(services.has_value());
  EXPECT_GT(hive->children(*services).size(), 500u);
  auto sam_bytes = shared_hive("win2022-sam.hive");
  auto sam = Hive::open(sam_bytes, "SAM");
  ASSERT_TRUE(sam.ok()) << sam.error().message;
  EXPECT_TRUE(sam->find("SAM\\Domains").has_value());
}

TEST(Hive, ReadsTheUserAndAmcacheHives) {
  auto ntuser = xz_hive("regipy-NTUSER.DAT");
  auto user = Hive::open(ntuser, "NTUSER.DAT");
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_TRUE(user->find("Software\\Microsoft\\Windows\\CurrentVersion").has_value());
  auto amcache_bytes = xz_hive("regipy-amcache.hve");
  auto amcache = Hive::open(amcache_bytes, "Amcache.hve");
  ASSERT_TRUE(amcache.ok()) << amcache.error().message;
  EXPECT_TRUE(amcache->find("Root").has_value());
}

TEST(Hive, NamesWithUmlautsAndSpecialCharacters) {
  auto bytes = shared_hive("hivex-special.hive");
  auto hive = Hive::open(bytes, "special");
  ASSERT_TRUE(hive.ok()) << hive.error().message;
  bool umlaut = false;
  for (const auto& [name, node] : hive->children(hive->root()))
    umlaut = umlaut || name.find("\xC3\xA4") != std::string::npos;
  EXPECT_TRUE(umlaut);
}

TEST(Hive, CorruptedHiveGivesAClearErrorOrAWarning) {
  auto bytes = xz_hive("regipy-corrupted_system_hive");
  auto hive = Hive::open(bytes, "Windows/System32/config/SYSTEM");
  if (hive.ok()) {
    ASSERT_FALSE(hive->warnings().empty());
    EXPECT_NE(hive->warnings()[0].find("damaged hive"), std::string::npos) << hive->warnings()[0];
    // What can be read is still read.
    EXPECT_FALSE(hive->children(hive->root()).empty());
  } else {
    EXPECT_NE(hive.error().message.find("Windows/System32/config/SYSTEM: damaged registry hive"),
              std::string::npos)
        << hive.error().message;
  }
}

TEST(Hive, RejectsWhatIsNotAHive) {
  std::vector<std::uint8_t> text(8192, 'x');
  auto r = Hive::open(text, "notes.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "notes.txt: not a registry hive (no 'regf' header)");
  auto minimal = shared_hive("hivex-minimal.hive");
  minimal.resize(4096);  // a truncated hive: header only
  auto truncated = Hive::open(minimal, "SOFTWARE");
  if (!truncated.ok()) {
    EXPECT_NE(truncated.error().message.find("SOFTWARE: damaged registry hive"), std::string::npos);
  }
}

}  // namespace
}  // namespace liftshift
