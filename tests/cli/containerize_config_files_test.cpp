// `liftshift containerize` on configuration kept in other files and on
// schedules scripts register: the programs become CronJobs on their
// triggers, the log folders their configs name reach Log Monitor, and no
// planted secret reaches any artifact.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "assessment_json.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

// The output folder whose name holds `part`.
fs::path folder_with(const fs::path& out, std::string_view part) {
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.is_directory() && e.path().filename().string().find(part) != std::string::npos)
      return e.path();
  }
  ADD_FAILURE() << "no output folder for " << part;
  return out;
}

void expect_no_planted_secret(const fs::path& out, const test::RunResult& r) {
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    EXPECT_EQ(test::read_text(e.path()).find("Cfg15-"), std::string::npos) << e.path();
  }
  EXPECT_EQ(r.out.find("Cfg15-"), std::string::npos);
  EXPECT_EQ(r.err.find("Cfg15-"), std::string::npos);
}

TEST(ContainerizeConfigFiles, ScheduledJobsBecomeCronJobsOnTheirTriggers) {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  auto r = test::run_liftshift(
      {"containerize", (test::fixtures() / "configs" / "jobs").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string exporter =
      test::read_text(folder_with(out, "Exporter") / "k8s/base/cronjob.yaml");
  EXPECT_NE(exporter.find("0 2 * * *"), std::string::npos) << exporter;
  const std::string cleaner =
      test::read_text(folder_with(out, "Cleaner") / "k8s/base/cronjob.yaml");
  EXPECT_NE(cleaner.find("*/15 6-17 * * *"), std::string::npos) << cleaner;
  const std::string reporter =
      test::read_text(folder_with(out, "Reporter") / "k8s/base/cronjob.yaml");
  EXPECT_NE(reporter.find("30 7 * * 1"), std::string::npos) << reporter;
  // The NLog target from the included file: Log Monitor watches its folder.
  const std::string logs = test::read_text(folder_with(out, "Exporter") / "LogMonitorConfig.json");
  EXPECT_NE(logs.find("JobLogs\\\\Exporter"), std::string::npos) << logs;
  expect_no_planted_secret(out, r);
}

TEST(ContainerizeConfigFiles, TheSitesLogFoldersReachLogMonitor) {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  auto r = test::run_liftshift(
      {"containerize", (test::fixtures() / "configs" / "portal").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string logs = test::read_text(folder_with(out, "portal") / "LogMonitorConfig.json");
  EXPECT_NE(logs.find("Portal\\\\Elmah"), std::string::npos) << logs;
  EXPECT_NE(logs.find("portal.log"), std::string::npos) << logs;
  expect_no_planted_secret(out, r);
}

// The files the site reads its sections from hold secrets: they are the
// Secret's files (written to --secrets-to as they were), the copied
// Web.config names them in the mounted folder, and the log paths on D: are
// rewritten to the folders Log Monitor watches.
TEST(ContainerizeConfigFiles, SecretFilesAreMountedAndLogPathsRewritten) {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  const fs::path secrets = tmp.path() / "secrets";
  auto r = test::run_liftshift({"containerize", (test::fixtures() / "configs" / "portal").string(),
                                "-o", out.string(), "--secrets-to", secrets.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path app = folder_with(out, "portal");
  const std::string web = test::read_text(app / "app/Web.config");
  EXPECT_NE(web.find("<connectionStrings configSource=\"config\\ConnectionStrings.config\"/>"),
            std::string::npos)
      << web;
  EXPECT_NE(web.find("<appSettings file=\"config\\AppSettings.config\">"), std::string::npos)
      << web;
  EXPECT_NE(web.find("logPath=\"C:\\Logs\\Portal\\Elmah\""), std::string::npos) << web;
  EXPECT_NE(web.find("value=\"E:\\PortalUploads\""), std::string::npos)
      << "a path the plan gives no place keeps its value";
  const std::string log4net = test::read_text(app / "app/log4net.config");
  EXPECT_NE(log4net.find("<file value=\"C:\\Logs\\Portal\\portal.log\"/>"), std::string::npos)
      << log4net;
  EXPECT_FALSE(fs::exists(app / "app/App_Config/ConnectionStrings.config"));
  EXPECT_FALSE(fs::exists(app / "app/App_Config/AppSettings.config"));
  // The Secret's files are the source files as they were.
  const fs::path src = test::fixtures() / "configs" / "portal" / "App_Config";
  const fs::path mine = secrets / app.filename();
  EXPECT_EQ(test::read_text(mine / "ConnectionStrings.config"),
            test::read_text(src / "ConnectionStrings.config"));
  EXPECT_EQ(test::read_text(mine / "AppSettings.config"),
            test::read_text(src / "AppSettings.config"));
  const std::string secret = test::read_text(app / "k8s/secret.template.yaml");
  EXPECT_NE(secret.find("ConnectionStrings.config:"), std::string::npos) << secret;
  EXPECT_NE(secret.find("AppSettings.config:"), std::string::npos) << secret;
  const std::string deployment = test::read_text(app / "k8s/base/deployment.yaml");
  EXPECT_NE(deployment.find("C:\\inetpub\\wwwroot\\config"), std::string::npos) << deployment;
  // Log Monitor watches the folders the rewritten configs write to.
  const std::string logs = test::read_text(app / "LogMonitorConfig.json");
  EXPECT_NE(logs.find("\"directory\": \"C:\\\\Logs\\\\Portal\""), std::string::npos) << logs;
  EXPECT_NE(logs.find("\"directory\": \"C:\\\\Logs\\\\Portal\\\\Elmah\""), std::string::npos)
      << logs;
  const std::string md = test::read_text(app / "MIGRATION.md");
  EXPECT_NE(md.find("rewritten from `D:\\Logs\\Portal\\portal.log` to "
                    "`C:\\Logs\\Portal\\portal.log`"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("`App_Config/ConnectionStrings.config` is not copied: it is the Secret's "
                    "file `ConnectionStrings.config`"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("holds a secret: it is not copied into the build context; mount"),
            std::string::npos)
      << "no longer left to the user";
  expect_no_planted_secret(out, r);
}

// Forms authentication checking logins against the web.config's own
// <credentials>: the authentication section (its <forms> settings with it)
// is the Secret's file, so the copied web.config passes the secret screen
// and the site still reads its users.
TEST(ContainerizeConfigFiles, FormsCredentialsMoveWithTheirAuthenticationSection) {
  test::TempDir in;
  in.write("Members/web.config", R"(<?xml version="1.0"?>
<configuration>
  <system.web>
    <compilation targetFramework="4.8" />
    <authentication mode="Forms">
      <forms loginUrl="~/Login.aspx" timeout="30">
        <credentials passwordFormat="Clear">
          <user name="admin" password="Cfg15-FormsPa55" />
        </credentials>
      </forms>
    </authentication>
  </system.web>
</configuration>)");
  in.write("Members/Login.aspx", "<%@ Page Language=\"C#\" %>\n<p>Log in</p>\n");
  in.write("Members/bin/README.txt", "published site\n");
  auto assessed =
      test::run_liftshift({"assess", "--format", "json", "--no-store", in.path().string()});
  ASSERT_EQ(assessed.exit_code, 0) << assessed.err;
  const std::string evidence =
      test::evidence_lines(nlohmann::json::parse(assessed.out)["apps"][0], "config-secret");
  EXPECT_NE(evidence.find("Members/web.config: system.web/authentication/forms/credentials "
                          "passwordFormat=\"Clear\" lists 1 user(s)"),
            std::string::npos)
      << evidence;
  EXPECT_EQ(assessed.out.find("Cfg15-"), std::string::npos);
  test::TempDir tmp;
  const fs::path out = tmp.path() / "out";
  const fs::path secrets = tmp.path() / "secrets";
  auto r = test::run_liftshift(
      {"containerize", in.path().string(), "-o", out.string(), "--secrets-to", secrets.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path app = folder_with(out, "Members");
  const std::string web = test::read_text(app / "app/web.config");
  EXPECT_NE(web.find("<authentication configSource=\"config\\authentication.config\"/>"),
            std::string::npos)
      << web;
  EXPECT_NE(web.find("<compilation targetFramework=\"4.8\"/>"), std::string::npos) << web;
  const std::string moved = test::read_text(secrets / app.filename() / "authentication.config");
  EXPECT_NE(moved.find("<user name=\"admin\" password=\"Cfg15-FormsPa55\"/>"), std::string::npos)
      << moved;
  EXPECT_NE(moved.find("loginUrl=\"~/Login.aspx\""), std::string::npos) << moved;
  const std::string secret = test::read_text(app / "k8s/secret.template.yaml");
  EXPECT_NE(secret.find("authentication.config:"), std::string::npos) << secret;
  EXPECT_NE(secret.find("password=\"__SECRET__\""), std::string::npos) << secret;
  expect_no_planted_secret(out, r);
}

}  // namespace
}  // namespace liftshift
