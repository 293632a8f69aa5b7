// The XML attacks of tests/fixtures/hostile (xml/): a billion laughs,
// external entities (a local marker file, http://127.0.0.1:47291/) and
// 10,000-deep nesting, in each XML format liftshift reads. Entities are never
// expanded or fetched (a reference stays as written), nesting does not
// recurse, and the rest of each file is read exactly as without the attack.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "facts_dump.hpp"
#include "formats/dotnet_config.hpp"
#include "formats/iis_config.hpp"
#include "formats/msbuild_project.hpp"
#include "formats/packages_config.hpp"
#include "formats/task_xml.hpp"
#include "hostile_support.hpp"

namespace liftshift {
namespace {

constexpr const char* kMarker = "HOSTILE-XXE-MARKER-4F2A9C";

std::string xml(const std::string& name) {
  return test::read_text(test::hostile_fixtures() / "xml" / name);
}

// What each attack leaves where its payload was: the entity references as
// written, or the plain word of the nesting fixture.
std::string payload(const std::string& attack) {
  if (attack == "bomb") return "&lol9;";
  if (attack == "xxe") return "&xxe;&web;";
  return "deep";
}

class XmlAttack : public ::testing::TestWithParam<std::string> {
 protected:
  // Each parse is quick: an expansion or a recursive walk would not be.
  void SetUp() override { start_ = std::chrono::steady_clock::now(); }
  void TearDown() override {
    EXPECT_LT(std::chrono::steady_clock::now() - start_, std::chrono::seconds(20));
  }
  std::chrono::steady_clock::time_point start_;
};

TEST_P(XmlAttack, WebConfig) {
  const std::string attack = GetParam();
  auto r = parse_dotnet_config(xml(attack + ".web.config"), "Web.config");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->app_settings.size(), 1u);
  EXPECT_EQ(r->app_settings[0].key, "Payload");
  EXPECT_EQ(r->app_settings[0].value, payload(attack));
  ASSERT_EQ(r->connection_strings.size(), 1u);
  EXPECT_EQ(r->connection_strings[0].masked, "Server=" + payload(attack) + ";Password=***");
  EXPECT_TRUE(r->connection_strings[0].had_secret);
  EXPECT_EQ(r->target_framework, ".NETFramework,Version=v4.7.2");
  // appSettings file="../../marker.txt" is named, never opened here (the
  // collector refuses a path that leaves the source).
  ASSERT_EQ(r->includes.size(), 1u);
  EXPECT_EQ(r->includes[0].file, "../../marker.txt");
  const std::string all = test::dump(*r);
  EXPECT_EQ(all.find(kMarker), std::string::npos);
  EXPECT_EQ(all.find("lollol"), std::string::npos);
  EXPECT_EQ(all.find("Hst!XmlPw16"), std::string::npos);
}

TEST_P(XmlAttack, ApplicationHostConfig) {
  const std::string attack = GetParam();
  auto r = parse_iis_config(xml(attack + ".applicationHost.config"), "applicationHost.config");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->apps.size(), 2u);
  EXPECT_EQ(r->apps[0].site, "Contoso Web");
  EXPECT_EQ(r->apps[0].physical_path, "C:\\inetpub\\ContosoWeb");
  EXPECT_EQ(r->apps[1].site, "Payload " + payload(attack));
  EXPECT_EQ(r->apps[1].physical_path, "C:\\inetpub\\" + payload(attack));
  EXPECT_TRUE(r->warnings.empty());
}

TEST_P(XmlAttack, TaskXml) {
  const std::string attack = GetParam();
  auto r = parse_task_xml(xml(attack + ".task.xml"), "\\Contoso\\Payload");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->info.path, "\\Contoso\\Payload");
  EXPECT_EQ(r->info.command, "C:\\Apps\\NightlyExport\\Contoso.NightlyExport.exe");
  EXPECT_EQ(r->info.arguments, payload(attack));
  ASSERT_EQ(r->info.triggers.size(), 1u);
  EXPECT_EQ(r->info.triggers[0].text, "at system startup");
}

TEST_P(XmlAttack, Csproj) {
  const std::string attack = GetParam();
  auto r = parse_msbuild_project(xml(attack + ".csproj"), "Payload/Payload.csproj");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->assembly_name, "Payload" + payload(attack));
  EXPECT_EQ(r->output_type, "Exe");
  std::vector<std::string> refs;
  for (const auto& ref : r->references) refs.push_back(ref.name);
  // An item's Include is a ';'-separated list, so the ';' ending each
  // reference also ends an item: the references stay as written, split there.
  const std::map<std::string, std::vector<std::string>> want{
      {"bomb", {"System.Messaging", "Payload&lol9"}},
      {"xxe", {"System.Messaging", "Payload&xxe", "&web"}},
      {"deep", {"System.Messaging", "Payloaddeep"}}};
  EXPECT_EQ(refs, want.at(attack));
  EXPECT_EQ(r->target_frameworks, std::vector<std::string>{"net48"});
}

TEST_P(XmlAttack, PackagesConfig) {
  const std::string attack = GetParam();
  auto r = parse_packages_config(xml(attack + ".packages.config"), "packages.config");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].id, "log4net");
  EXPECT_EQ((*r)[0].version, "2.0.8");
  EXPECT_EQ((*r)[1].id, "Payload" + payload(attack));
}

INSTANTIATE_TEST_SUITE_P(Hostile, XmlAttack, ::testing::Values("bomb", "xxe", "deep"),
                         [](const auto& param_info) { return param_info.param; });

TEST(XmlHostile, TheFixturesHoldTheAttacks) {
  // A test that passes on harmless files proves nothing: check the attacks are there.
  const std::string bomb = xml("bomb.web.config");
  EXPECT_NE(bomb.find("<!ENTITY lol9 \"&lol8;&lol8;"), std::string::npos);
  const std::string xxe = xml("xxe.task.xml");
  EXPECT_NE(xxe.find("SYSTEM \"file://"), std::string::npos);
  EXPECT_NE(xxe.find("SYSTEM \"http://127.0.0.1:47291/evil.dtd\""), std::string::npos);
  EXPECT_EQ(test::read_text(test::hostile_fixtures() / "xml" / "marker.txt"),
            std::string(kMarker) + "\n");
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += "<a>";
  EXPECT_NE(xml("deep.csproj").find(nested), std::string::npos);
}

}  // namespace
}  // namespace liftshift
