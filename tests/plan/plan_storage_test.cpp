// Volumes from the state folders the rules found: seeded from the image when
// the application ships files there, never over code, one owner for a
// database; and the scale-out and MSDTC decisions that depend on them.
#include <gtest/gtest.h>

#include <algorithm>

#include "plan/plan_fixture.hpp"
#include "plan/plan_steps.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

AppFixture site(std::vector<StateFolder> folders) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().root = "Site";
  f.app().binaries.clear();
  f.finding("local-state");
  f.assessment.results.state_folders = std::move(folders);
  return f;
}

const ContextCopy* copy_to(const AppPlan& p, const std::string& to) {
  for (const auto& c : p.build.copies) {
    if (c.to == to) return &c;
  }
  return nullptr;
}

TEST(PlanStorage, AFolderThatShipsFilesIsSeededBesideTheMountPoint) {
  AppFixture f = site({{"Site/App_Data", "ASP.NET App_Data folder", false, 4, 0}});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u);
  const VolumePlan& v = p.volumes[0];
  EXPECT_EQ(v.container_path, "C:\\inetpub\\wwwroot\\App_Data");
  EXPECT_EQ(v.seed_path, "C:\\seed\\app-data") << "beside the mount point, not under it";
  EXPECT_EQ(v.context_data, "app/App_Data");
  EXPECT_EQ(v.holds, "ASP.NET App_Data folder");
  const ContextCopy* seed = copy_to(p, "seed/app-data");
  ASSERT_NE(seed, nullptr);
  EXPECT_EQ(seed->from, "Site/App_Data");
  EXPECT_TRUE(seed->folder);
  EXPECT_EQ(seed->reason, "seed of volume app-data");
}

TEST(PlanStorage, TheSeedIsLeftOutOfTheApplicationsCopy) {
  AppFixture f = site({{"Site/App_Data", "ASP.NET App_Data folder", false, 4, 0}});
  // The plan as plan_build leaves it, with the application's copy (src/context).
  AppPlan p;
  p.build.context_folder = "app";
  p.build.app_dir = "C:\\inetpub\\wwwroot";
  p.build.copies.push_back({"Site", "app", true, {"logs"}, "the site's content", "", 0});
  plan_storage(f.assessment, p);
  const ContextCopy* app = copy_to(p, "app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->exclude, (std::vector<std::string>{"logs", "App_Data"}))
      << "the data folder is the seed, not part of app/";
  ASSERT_NE(copy_to(p, "seed/app-data"), nullptr);
}

TEST(PlanStorage, ASourceTreeKeepsTheDataFolderForItsBuild) {
  AppFixture f = site({{"Site/App_Data", "ASP.NET App_Data folder", false, 1, 0}});
  f.app().binaries.clear();
  ProjectFacts project;
  project.path = "Site/Site.csproj";
  f.app().projects.push_back(project);
  f.app().entry = "Site/Site.csproj";
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_TRUE(p.build.from_source);
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].seed_path, "C:\\seed\\app-data");
  EXPECT_EQ(p.volumes[0].context_data, "") << "Content items of the project must stay in src/";
  ASSERT_NE(copy_to(p, "seed/app-data"), nullptr);
}

TEST(PlanStorage, AFolderCreatedAtRunTimeGetsAnEmptyVolume) {
  AppFixture f = site({{"Site/App_Data", "ASP.NET App_Data folder (named in code)", false, 0, 0}});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].seed_path, "");
  EXPECT_EQ(copy_to(p, "seed/app-data"), nullptr);
}

TEST(PlanStorage, AFolderThatShipsCodeGetsNoVolume) {
  // A module's Views/Media, an editor's media plugin: pages and scripts.
  AppFixture f = site({{"Site/Modules/Gallery/Views/Media", "upload folder", false, 6, 6},
                       {"Site/Media", "upload folder", false, 1, 0}});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].container_path, "C:\\inetpub\\wwwroot\\Media");
  EXPECT_FALSE(p.volumes[0].seed_path.empty()) << "Media ships its web.config";
  bool warned = std::any_of(p.warnings.begin(), p.warnings.end(), [](const std::string& w) {
    return w.find("Views/Media ships code") != std::string::npos;
  });
  EXPECT_TRUE(warned);
}

TEST(PlanStorage, TheOuterFolderHoldsTheInnerOne) {
  AppFixture f = site({{"Site/App_Data/uploads", "upload folder", false, 1, 0},
                       {"Site/App_Data", "ASP.NET App_Data folder", false, 1, 0}});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].name, "app-data");
}

TEST(PlanStorage, ADatabaseKeepsItsFolderOnAVolumeOneInstanceOwns) {
  AppFixture f = site({{"Site/App_Data", "ASP.NET App_Data folder", false, 2, 0},
                       {"Site/App_Data/site.sdf", "SQL Server Compact database", true, 2, 0}});
  f.finding("database");
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_FALSE(p.volumes[0].shared);
  EXPECT_NE(p.volumes[0].holds.find("site.sdf"), std::string::npos) << p.volumes[0].holds;
  EXPECT_FALSE(p.autoscale);
}

TEST(PlanStorage, ADatabaseAtTheApplicationsRootGetsNoVolumeOverTheApp) {
  AppFixture f = site({{"Site/site.db", "database file", true, 9, 3}});
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.volumes.empty());
}

TEST(PlanStorage, AnUnusualFolderNameIsNotSeededByCommand) {
  AppFixture f = site({{"Site/Caf\xc3\xa9/App_Data", "ASP.NET App_Data folder", false, 1, 0}});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 1u);
  EXPECT_EQ(p.volumes[0].seed_path, "");
  EXPECT_EQ(copy_to(p, "seed/app-data"), nullptr);
}

TEST(PlanScale, WritesNoVolumeKeepsBlockTheAutoscaler) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("local-state");  // writes found, but no folder for them
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.volumes.empty());
  EXPECT_FALSE(p.autoscale);
}

TEST(PlanScale, AStatelessSiteScalesAndASharedVolumeDoesntStopIt) {
  AppFixture stateless(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  EXPECT_TRUE(plan_app(stateless.assessment, options()).autoscale);
  AppFixture shared = site({{"Site/App_Data", "ASP.NET App_Data folder", false, 0, 0}});
  EXPECT_TRUE(plan_app(shared.assessment, options()).autoscale);
}

TEST(PlanMsdtc, NetworkAccessUsesMutualAuthenticationNeverNoAuth) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.finding("msdtc");
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_TRUE(p.msdtc);
  auto dtc = std::find_if(p.steps.begin(), p.steps.end(), [](const BuildStep& s) {
    return s.command.find("Set-DtcNetworkSetting") != std::string::npos;
  });
  ASSERT_NE(dtc, p.steps.end());
  EXPECT_NE(dtc->command.find("-AuthenticationLevel Mutual"), std::string::npos);
  EXPECT_EQ(dtc->command.find("NoAuth"), std::string::npos);
  bool warned = std::any_of(p.warnings.begin(), p.warnings.end(), [](const std::string& w) {
    return w.find("needs the container to have a domain identity") != std::string::npos;
  });
  EXPECT_TRUE(warned) << "no gMSA: mutual authentication needs one";
}

TEST(PlanMsdtc, ALocalTransactionOpensNoNetworkAccess) {
  AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.finding("transaction-scope", Severity::kInfo);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_FALSE(p.msdtc);
  for (const auto& s : p.steps) EXPECT_EQ(s.command.find("Dtc"), std::string::npos);
}

TEST(PlanIdentity, NoGmsaWithoutAnAdDependency) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("local-state").finding("event-log");
  EXPECT_FALSE(plan_app(f.assessment, options()).gmsa);
}

// A site whose virtual directory /archive and whose appSettings folder are on
// drive D: of the server, with what the collector measured there.
AppFixture server_site(std::vector<DriveFolder> measured) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.finding("local-state");
  IisInfo iis;
  iis.site = "Reports";
  iis.app_path = "/";
  iis.physical_path = "D:\\Sites\\Reports";
  iis.virtual_dirs = {{"/archive", "D:\\Shared\\Archive", ""}};
  f.app().iis = iis;
  ConfigFacts c;
  c.path = "D:/Sites/Reports/web.config";
  c.app_settings = {{"FeedFolder", "D:\\Data\\Feeds", false}};
  f.app().configs.push_back(c);
  f.app().drive_folders = std::move(measured);
  return f;
}

const VolumePlan* volume_at(const AppPlan& p, const std::string& path) {
  for (const auto& v : p.volumes) {
    if (v.container_path == path) return &v;
  }
  return nullptr;
}

std::string warnings_of(const AppPlan& p) {
  std::string out;
  for (const auto& w : p.warnings) out += w + "\n";
  return out;
}

TEST(PlanStorage, FoldersOnAnotherDriveAreSeededFromTheDiskThatHoldsIt) {
  AppFixture f = server_site({{"D:\\Shared\\Archive", "D:/Shared/Archive", 3, 2048, false},
                              {"d:\\data\\feeds", "D:/Data/Feeds", 1, 20, false}});
  AppPlan p = plan_app(f.assessment, options());
  const VolumePlan* archive = volume_at(p, "C:\\Shared\\Archive");
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ(archive->seed_path, "C:\\seed\\" + archive->name);
  EXPECT_EQ(archive->context_data, "") << "not part of the application's copy";
  const ContextCopy* seed = copy_to(p, "seed/" + archive->name);
  ASSERT_NE(seed, nullptr);
  EXPECT_EQ(seed->from, "D:/Shared/Archive");
  EXPECT_TRUE(seed->folder);
  EXPECT_EQ(seed->max_mib, 256);
  EXPECT_NE(seed->reason.find("the content of D:\\Shared\\Archive (3 files)"), std::string::npos)
      << seed->reason;
  const VolumePlan* feeds = volume_at(p, "C:\\Data\\Feeds");
  ASSERT_NE(feeds, nullptr);
  EXPECT_EQ(feeds->seed_path, "C:\\seed\\" + feeds->name) << "matched case-insensitively";
  const ContextCopy* feed_seed = copy_to(p, "seed/" + feeds->name);
  ASSERT_NE(feed_seed, nullptr);
  EXPECT_EQ(feed_seed->from, "D:/Data/Feeds");
  EXPECT_EQ(warnings_of(p).find("starts empty"), std::string::npos) << warnings_of(p);
}

TEST(PlanStorage, AFolderOnNoDiskGivenOrTooBigStartsEmptyWithAWarning) {
  // /archive: its disk was not given (nothing measured); the feeds: too big.
  AppFixture f =
      server_site({{"D:\\Data\\Feeds", "D:/Data/Feeds", 9000, kMaxDriveSeedBytes + 1, true}});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.volumes.size(), 2u);
  for (const auto& v : p.volumes) {
    EXPECT_EQ(v.seed_path, "") << v.name;
    EXPECT_EQ(copy_to(p, "seed/" + v.name), nullptr) << v.name;
  }
  std::string w = warnings_of(p);
  EXPECT_NE(w.find("starts empty: copy the content of D:\\Shared\\Archive onto it before the "
                   "first start"),
            std::string::npos)
      << w;
  EXPECT_NE(w.find("starts empty: D:\\Data\\Feeds holds more than 256 MiB, too much to carry in "
                   "the image as its seed"),
            std::string::npos)
      << w;
}

TEST(PlanStorage, AnEmptyFolderOnAnotherDriveNeedsNoSeed) {
  AppFixture f = server_site({{"D:\\Shared\\Archive", "D:/Shared/Archive", 0, 0, false}});
  AppPlan p = plan_app(f.assessment, options());
  const VolumePlan* archive = volume_at(p, "C:\\Shared\\Archive");
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ(archive->seed_path, "");
  EXPECT_EQ(warnings_of(p).find("D:\\Shared\\Archive onto it"), std::string::npos)
      << warnings_of(p);
}

}  // namespace
// A program that writes local state and whose setting names a data folder on
// C: outside its own (a console job's `DataFolder = C:\Jobs\Cards`) keeps
// that folder on a volume at the same place, starting empty with a warning.
// A folder without local state, a file, a tool under Program Files, the
// application's own folder or a key that names no folder gets none.
TEST(PlanStorage, ADataFolderOnCOutsideTheApplicationGetsAVolume) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.5.2");
  f.finding("local-state");
  ConfigFacts c;
  c.path = "App/App.config";
  c.app_settings = {{"encrypted_info_folder", "C:\\Jobs\\Cards", false},
                    {"ArchiveDir", "C:\\Jobs\\Archive\\", false},
                    {"secret_key_location", "C:\\Jobs\\key", false},
                    {"ToolFolder", "C:\\Program Files\\Tool", false},
                    {"ReportFolder", "C:\\Jobs\\report.csv", false},
                    {"AppFolder", "C:\\app\\data", false},
                    {"RootDir", "C:\\\\", false}};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  std::vector<std::string> paths;
  for (const auto& v : p.volumes) paths.push_back(v.container_path);
  EXPECT_EQ(paths, (std::vector<std::string>{"C:\\Jobs\\Cards", "C:\\Jobs\\Archive"}));
  EXPECT_NE(warnings_of(p).find("starts empty: copy what C:\\Jobs\\Cards holds onto it"),
            std::string::npos)
      << warnings_of(p);
  AppFixture stateless(AppKind::kConsole, FrameworkKind::kNetFx, "4.5.2");
  stateless.app().configs.push_back(c);
  EXPECT_TRUE(plan_app(stateless.assessment, options()).volumes.empty());
}

// A server's settings are input: a folder Windows would not take as it is
// never becomes a mount point, whatever drive it names.
TEST(PlanStorage, AFolderNoVolumeCanHoldIsWarnedNotMounted) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.5.2");
  f.finding("local-state");
  ConfigFacts c;
  c.path = "App/App.config";
  c.app_settings = {{"InboxFolder", "C:\\Jobs\\..\\Windows\\System32", false},
                    {"OutboxFolder", "C:\\Jobs\nOut", false},
                    {"SpoolDir", "D:\\Spool\\\"quoted\"", false},
                    {"ArchiveDir", "D:\\Archive\\", false}};
  f.app().configs.push_back(c);
  AppPlan p = plan_app(f.assessment, options());
  std::vector<std::string> paths;
  for (const auto& v : p.volumes) paths.push_back(v.container_path);
  EXPECT_EQ(paths, (std::vector<std::string>{"C:\\Archive"}));
  const std::string w = warnings_of(p);
  for (const char* key : {"InboxFolder", "OutboxFolder", "SpoolDir"}) {
    EXPECT_NE(w.find("appSettings '" + std::string(key) + "' (App/App.config) names the folder"),
              std::string::npos)
        << key << ": " << w;
  }
  for (const auto& one : p.warnings) EXPECT_EQ(one.find('\n'), std::string::npos) << one;
}

}  // namespace liftshift
