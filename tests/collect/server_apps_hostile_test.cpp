// IIS physical paths whose ".." climbs out of the system drive
// (tests/fixtures/hostile, drives/iis-escape and iis-escape.vhdx): the drive
// folder has a sibling "outside" holding a site, so a path that escaped would
// find an application there. Each such site is refused with a message that
// says why; a ".." that stays on the drive is resolved as Windows would.
#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "collect/server_apps.hpp"
#include "emit/assessment_json.hpp"
#include "hostile_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

const std::vector<std::pair<std::string, std::string>>& escapes() {
  static const std::vector<std::pair<std::string, std::string>> sites{
      {"Escape Up", "C:\\inetpub\\..\\..\\outside"},
      {"Escape Env", "%SystemDrive%\\..\\outside"},
      {"Escape Deep", "C:\\inetpub\\ContosoWeb\\bin\\..\\..\\..\\..\\..\\..\\..\\..\\outside"},
      {"Escape Slash", "C:/inetpub/../../outside"},
      {"Escape Device", "\\\\?\\C:\\..\\outside"},
      {"Escape Root", "C:\\..\\outside"}};
  return sites;
}

TEST(ServerAppsHostile, IisPathsThatClimbOutOfTheDriveAreRefusedAndSaySo) {
  const fs::path drive = test::hostile_fixtures() / "drives" / "iis-escape";
  ASSERT_TRUE(fs::exists(drive.parent_path() / "outside" / "web.config"));
  for (const fs::path& source : {drive, test::hostile_fixtures() / "iis-escape.vhdx"}) {
    SCOPED_TRACE(source.filename().string());
    Inventory inv = collect({source.string()});
    ASSERT_EQ(inv.sources.size(), 1u);
    ASSERT_TRUE(inv.sources[0].handled) << inv.sources[0].note;
    std::vector<std::string> problems;
    for (const auto& p : inv.problems) problems.push_back(p.message);
    for (const auto& [site, path] : escapes()) {
      const std::string want = "site '" + site + "' serves " + path +
                               ", which climbs out of the drive with '..': its content was not "
                               "assessed";
      EXPECT_NE(std::find(problems.begin(), problems.end(), want), problems.end())
          << want << "\n"
          << ::testing::PrintToString(problems);
    }
    // The ".." that stays on the drive is resolved: Inside serves ContosoWeb.
    const Application* inside = nullptr;
    for (const auto& a : inv.apps) {
      if (a.name == "Inside") inside = &a;
      EXPECT_EQ(a.root.find("outside"), std::string::npos) << a.id;
    }
    ASSERT_NE(inside, nullptr);
    EXPECT_EQ(inside->root, "inetpub/ContosoWeb");
    EXPECT_FALSE(inside->configs.empty());
    const std::string all = dump_json(inventory_to_json(inv));
    EXPECT_EQ(all.find("HOSTILE-OUTSIDE-MARKER"), std::string::npos);
  }
}

TEST(ServerAppsHostile, DotDotIsResolvedOnTheDriveAndNeverAbove) {
  EXPECT_EQ(volume_path("C:\\inetpub\\wwwroot\\..\\ContosoWeb"), "inetpub/ContosoWeb");
  EXPECT_EQ(volume_path("C:\\a\\.\\b\\..\\..\\c\\"), "c");
  EXPECT_EQ(volume_path("\\\\?\\C:\\inetpub\\site"), "inetpub/site");
  EXPECT_EQ(volume_path("c:"), "");
  for (const char* out : {"C:\\..", "C:\\inetpub\\..\\..\\x", "%SystemDrive%\\..\\x",
                          "%windir%\\..\\..\\x", "\\\\?\\C:\\..\\x", "C:/a/../../x"}) {
    EXPECT_EQ(volume_path(out), std::nullopt) << out;
    EXPECT_EQ(not_on_volume(out), "climbs out of the drive with '..'") << out;
  }
  EXPECT_EQ(volume_path("D:\\Sites\\..\\..\\x"), std::nullopt);
  EXPECT_EQ(not_on_volume("D:\\Sites\\..\\..\\x"), "climbs out of the drive with '..'");
  EXPECT_EQ(not_on_volume("\\\\fileserver\\share\\x"), "is not on a drive of this server");
}

}  // namespace
}  // namespace liftshift
