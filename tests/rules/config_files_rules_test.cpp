// The rules on configuration kept where its authors keep it (the configs
// fixture): sections in other files, logging configs of their own, the
// release transform, and the schedules scripts register.
#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "rules/engine.hpp"
#include "rules/rule_test_support.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

const AppAssessment& app_of(const Assessment& a, std::string_view entry) {
  for (const auto& app : a.apps) {
    if (app.app.entry == entry) return app;
  }
  ADD_FAILURE() << entry << " not found";
  static const AppAssessment none;
  return none;
}

const Finding* finding(const AppAssessment& a, std::string_view rule) {
  for (const auto& f : a.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

bool has(const Finding* f, std::string_view text) {
  if (f == nullptr) return false;
  for (const auto& e : f->evidence) {
    if (e.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string all_evidence(const AppAssessment& a) {
  std::string out;
  for (const auto& f : a.findings) {
    for (const auto& e : f.evidence) out += f.rule + ": " + e + "\n";
  }
  return out;
}

TEST(ConfigFilesRules, TheSiteIsJudgedOnWhatItsOtherFilesHold) {
  Assessment a = assess(collect({(test::fixtures() / "configs" / "portal").string()}));
  ASSERT_EQ(a.apps.size(), 1u);
  const AppAssessment& site = a.apps[0];
  const std::string all = all_evidence(site);
  EXPECT_TRUE(has(finding(site, "database"),
                  "App_Config/ConnectionStrings.config: connection string 'PortalDb' uses "
                  "(LocalDb)\\MSSQLLocalDB"))
      << all;
  EXPECT_TRUE(has(finding(site, "connection-string"),
                  "App_Config/ConnectionStrings.config: connectionStrings 'Crm'"))
      << all;
  EXPECT_TRUE(has(finding(site, "connection-string"), "Password=*** [password present")) << all;
  EXPECT_TRUE(has(finding(site, "drive-path"),
                  "App_Config/AppSettings.config: appSettings 'ReportDrop' = F:\\Reports\\Portal"))
      << all;
  // The release value, not the one it replaces.
  EXPECT_TRUE(has(finding(site, "drive-path"),
                  "Web.Release.config: appSettings 'UploadRoot' = \\\\fs01\\portal-uploads"))
      << all;
  EXPECT_FALSE(has(finding(site, "drive-path"), "E:\\PortalUploads")) << all;
  EXPECT_TRUE(has(finding(site, "config-transform"),
                  "Web.Release.config: the release build changes appSettings 'UploadRoot' of "
                  "Web.config (Replace)"))
      << all;
  // Log folders from log4net.config and the Elmah section feed the log rule.
  EXPECT_TRUE(
      has(finding(site, "event-log"), "log4net.config: log file D:\\Logs\\Portal\\portal.log"))
      << all;
  EXPECT_TRUE(has(finding(site, "event-log"), "D:\\Logs\\Portal\\Elmah\\error-*.xml")) << all;
  EXPECT_EQ(site.results.logs.files,
            (std::vector<std::string>{"D:\\Logs\\Portal\\Elmah\\error-*.xml",
                                      "D:\\Logs\\Portal\\portal.log"}));
  EXPECT_EQ(all.find("Cfg15"), std::string::npos) << "a planted secret reached the evidence";
}

TEST(ConfigFilesRules, ScheduledProgramsAndTheirLogs) {
  Assessment a = assess(collect({(test::fixtures() / "configs" / "jobs").string()}));
  const AppAssessment& exporter = app_of(a, "Exporter/Exporter.exe");
  EXPECT_TRUE(has(finding(exporter, "scheduled-task"), "\\Contoso\\Nightly Export"))
      << all_evidence(exporter);
  EXPECT_TRUE(has(finding(exporter, "ad-dependent"), "CONTOSO\\svc_export"))
      << all_evidence(exporter);
  EXPECT_TRUE(
      has(finding(exporter, "event-log"),
          "Exporter/nlog.targets.config: log file E:\\JobLogs\\Exporter\\export-${shortdate}.log"))
      << all_evidence(exporter);
  const AppAssessment& cleaner = app_of(a, "Cleaner/Cleaner.exe");
  EXPECT_TRUE(has(finding(cleaner, "drive-path"),
                  "Cleaner/appsettings.json: setting 'Cleanup:Root' = G:\\Incoming"))
      << all_evidence(cleaner);
  EXPECT_TRUE(has(finding(cleaner, "event-log"), "E:\\JobLogs\\Cleaner\\cleaner-.log"))
      << all_evidence(cleaner);
  const AppAssessment& reporter = app_of(a, "Reporter/Reporter.exe");
  EXPECT_TRUE(has(finding(reporter, "scheduled-task"), "weekly on Monday at 07:30"))
      << all_evidence(reporter);
}

TEST(ConfigFilesRules, ConfigTransformFiresOnlyForATransform) {
  Application app = test::rulefx::web_app();
  EXPECT_FALSE(test::rulefx::fires("config-transform", app));
  ConfigFacts release;
  release.path = "Web.Release.config";
  release.transform_of = "web.config";
  release.transform_changes.push_back({"connectionStrings", "Db", "SetAttributes"});
  app.configs.push_back(release);
  EXPECT_EQ(test::rulefx::evidence_of("config-transform", app),
            Evidence{"Web.Release.config: the release build changes connectionStrings 'Db' of "
                     "web.config (SetAttributes)"});
}

}  // namespace
}  // namespace liftshift
