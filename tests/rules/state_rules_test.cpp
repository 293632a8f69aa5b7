#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::joined;
using test::rulefx::web_app;

TEST(LocalStateRule, FiresOnAppDataAndFileWrites) {
  EXPECT_FALSE(fires("local-state", web_app()));
  Application app = web_app();
  app.markers.push_back({MarkerCategory::kStateFolder, "App_Data", "ASP.NET App_Data folder"});
  app.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kFileWrite, "File.WriteAllText", "Upload.ashx.cs"));
  auto e = joined(evidence_of("local-state", app));
  EXPECT_NE(e.find("App_Data: ASP.NET App_Data folder"), std::string::npos) << e;
  EXPECT_NE(e.find("Upload.ashx.cs:12: File.WriteAllText"), std::string::npos) << e;
}

TEST(DatabaseRule, FiresOnLocalDatabaseFilesAndEngines) {
  EXPECT_FALSE(fires("database", web_app()));
  Application app = web_app();
  ConnectionStringFacts cs;
  cs.name = "Local";
  cs.local_file = true;
  cs.local_file_path = "|DataDirectory|\\shop.mdf";
  app.configs[0].connection_strings.push_back(cs);
  EXPECT_EQ(evidence_of("database", app),
            Evidence{"web.config: connection string 'Local' uses a local database file "
                     "|DataDirectory|\\shop.mdf"});
  Application sqlite = console_app();
  sqlite.binaries[0].assembly_refs.push_back(test::rulefx::ref("System.Data.SQLite", "1.0.118.0"));
  EXPECT_TRUE(fires("database", sqlite));
}

TEST(DatabaseRule, QuietForARemoteDatabaseServer) {
  Application app = web_app();
  ConnectionStringFacts cs;
  cs.name = "Main";
  cs.server = "sql01";
  app.configs[0].connection_strings.push_back(cs);
  EXPECT_FALSE(fires("database", app));
}

TEST(DrivePathRule, FiresOnNonCDrivesAndUncButNotOnC) {
  Application app = console_app();
  app.binaries[0].user_strings = {"C:\\Program Files\\Tool\\data"};
  EXPECT_FALSE(fires("drive-path", app));
  app.binaries[0].user_strings.push_back("\\\\fileserver\\exports");
  EXPECT_EQ(evidence_of("drive-path", app),
            Evidence{"Tool.exe: string literal \"\\\\fileserver\\exports\""});
  Application config = web_app();
  config.configs[0].drive_paths = {"D:\\Uploads", "E:\\Drop"};
  config.configs[0].drive_path_settings["D:\\Uploads"] = "appSettings 'UploadRoot'";
  EXPECT_EQ(
      evidence_of("drive-path", config),
      (Evidence{"web.config: appSettings 'UploadRoot' = D:\\Uploads", "web.config: E:\\Drop"}));

  // IIS virtual directories on other drives or shares; one on C: is not a drive path.
  Application site = web_app();
  IisInfo iis;
  iis.site = "Contoso Web";
  iis.virtual_dirs = {{"/docs", "C:\\Docs", ""},
                      {"/catalog", "E:\\Shared\\Catalog", ""},
                      {"/media", "\\\\fs01\\media$", "CONTOSO\\svc_media"}};
  site.iis = iis;
  EXPECT_EQ(evidence_of("drive-path", site),
            (Evidence{"IIS site 'Contoso Web' serves /catalog from E:\\Shared\\Catalog",
                      "IIS site 'Contoso Web' serves /media from \\\\fs01\\media$ (connects as "
                      "CONTOSO\\svc_media)"}));
}

TEST(RegistryDependencyRule, FiresOnRegistryTypesImportsAndCode) {
  EXPECT_FALSE(fires("registry-dependency", console_app()));
  Application app = console_app();
  app.binaries[0].type_refs.push_back("Microsoft.Win32.Registry");
  EXPECT_TRUE(fires("registry-dependency", app));
  Application native = console_app();
  native.binaries[0].imports.push_back({"ADVAPI32.dll", {"RegOpenKeyExW", "RegQueryValueExW"}});
  EXPECT_EQ(evidence_of("registry-dependency", native).front(),
            "Tool.exe: imports ADVAPI32.dll!RegOpenKeyExW");
}

TEST(DrivePathRule, RegexLiteralsInBinariesAreNoPaths) {
  Application app = test::rulefx::console_app();
  app.binaries[0].user_strings = {"\\\\n", "\\\\d+\\\\w", "[D-Z]:\\\\.*", "\\\\?\\C:\\x"};
  EXPECT_FALSE(test::rulefx::fires("drive-path", app))
      << test::rulefx::joined(test::rulefx::evidence_of("drive-path", app));
  app.binaries[0].user_strings.push_back("D:\\Program Files (x86)\\App");
  EXPECT_EQ(test::rulefx::evidence_of("drive-path", app),
            Evidence{"Tool.exe: string literal \"D:\\Program Files (x86)\\App\""});
  app.binaries[0].user_strings = {"\\\\fs01\\drops$"};
  EXPECT_EQ(test::rulefx::evidence_of("drive-path", app),
            Evidence{"Tool.exe: string literal \"\\\\fs01\\drops$\""});
}

}  // namespace
}  // namespace liftshift
