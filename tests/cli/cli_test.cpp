#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace liftshift {
namespace {

using test::run_liftshift;

std::string sample() { return (test::fixtures() / "sample" / "published").string(); }

// The secrets planted in the sample's configs (samples/legacy-apps/README.md).
const std::vector<std::string> kSecrets{"S3cr3t!Pass", "Mail!Pass42", "Ord3rs!Pwd"};

void expect_no_secret(const std::string& text) {
  for (const auto& s : kSecrets) EXPECT_EQ(text.find(s), std::string::npos) << "leaked " << s;
}

TEST(Cli, AssessJsonFollowsTheContract) {
  auto r = run_liftshift({"assess", "--format", "json", sample()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "liftshift/assessment/v1");
  EXPECT_EQ(j["sources"][0]["kind"], "app-folder");
  EXPECT_EQ(j["summary"]["apps"], 3);
  EXPECT_EQ(j["summary"]["ready"], 0);
  EXPECT_EQ(j["summary"]["ready-with-changes"], 2);
  EXPECT_EQ(j["summary"]["not-a-candidate"], 1);
  EXPECT_TRUE(j["problems"].empty());
  for (const auto& app : j["apps"]) {
    EXPECT_FALSE(app["id"].get<std::string>().empty());
    EXPECT_FALSE(app["findings"].empty());
    for (const auto& f : app["findings"]) {
      EXPECT_FALSE(f["evidence"].empty()) << f["rule"];
      EXPECT_FALSE(f["remediation"].get<std::string>().empty());
    }
    if (app["kind"] == "desktop") {
      EXPECT_EQ(app["verdict"], "not-a-candidate");
      EXPECT_EQ(app["findings"][0]["rule"], "gui-desktop");
    }
  }
  expect_no_secret(r.out);
  expect_no_secret(r.err);
}

TEST(Cli, TextReportListsAppsAndVerboseShowsEvidence) {
  auto r = run_liftshift({"assess", sample()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 applications in 1 source"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not-a-candidate     desktop"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour when not on a terminal";
  auto v = run_liftshift({"assess", "-v", sample()});
  EXPECT_NE(v.out.find("[blocker] gui-desktop"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("Password=***"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("fix: "), std::string::npos);
  expect_no_secret(v.out);
}

TEST(Cli, InventoryNeverShowsSecretsEither) {
  auto r = run_liftshift({"inventory", sample()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["schema"], "liftshift/inventory/v1");
  expect_no_secret(r.out);
}

TEST(Cli, FailOnGivesExitThreeForPipelines) {
  EXPECT_EQ(run_liftshift({"assess", "--fail-on", "blocker", sample()}).exit_code, 3);
  EXPECT_EQ(run_liftshift({"assess", "--fail-on", "change", sample()}).exit_code, 3);
  test::TempDir empty_site;
  empty_site.write("Site/web.config",
                   "<configuration><system.web><sessionState mode=\"SQLServer\"/>"
                   "<machineKey validationKey=\"0A1B\" decryptionKey=\"2C3D\"/></system.web></configuration>");
  empty_site.write("Site/Default.aspx", "<%@ Page %>");
  auto ready = run_liftshift({"assess", "--fail-on", "change", "--format", "json", empty_site.path().string()});
  EXPECT_EQ(ready.exit_code, 0) << ready.out;
  EXPECT_EQ(nlohmann::json::parse(ready.out)["apps"][0]["verdict"], "ready");
}

TEST(Cli, UsageErrorsAndUnreadablePathsExitTwo) {
  auto missing = run_liftshift({"assess", "/nonexistent/liftshift-test"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/liftshift-test: no such file or folder"), std::string::npos)
      << missing.err;
  EXPECT_EQ(run_liftshift({"assess"}).exit_code, 2);
  EXPECT_EQ(run_liftshift({"assess", "--format", "xml", sample()}).exit_code, 2);
  EXPECT_EQ(run_liftshift({"frobnicate"}).exit_code, 2);
}

TEST(Cli, DiskImagesAreRefusedClearlyNotMisassessed) {
  auto image = (test::fixtures() / "images" / "disk.vhdx").string();
  auto r = run_liftshift({"assess", "--format", "json", image});
  EXPECT_EQ(r.exit_code, 2);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["sources"][0]["kind"], "disk-image");
  EXPECT_EQ(j["sources"][0]["handled"], false);
  EXPECT_TRUE(j["apps"].empty());
  EXPECT_NE(r.err.find("VHDX recognised, but assessing disk images is not handled yet"), std::string::npos)
      << r.err;
}

TEST(Cli, RulesAndExplain) {
  auto rules = run_liftshift({"rules"});
  EXPECT_EQ(rules.exit_code, 0);
  EXPECT_NE(rules.out.find("msmq-ad-auth"), std::string::npos);
  EXPECT_NE(rules.out.find("27 rules"), std::string::npos);
  auto json = run_liftshift({"rules", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["rules"].size(), 27u);
  auto explain = run_liftshift({"explain", "msmq"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("Windows components/features > MSMQ"), std::string::npos);
  auto unknown = run_liftshift({"explain", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no rule 'nope'"), std::string::npos);
}

TEST(Cli, OutputFileOption) {
  test::TempDir dir;
  auto out = dir.path() / "report.json";
  auto r = run_liftshift({"assess", "--format", "json", "-o", out.string(), sample()});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(nlohmann::json::parse(test::read_text(out))["summary"]["apps"], 3);
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

TEST(Cli, AssessesACopiedSystemDrive) {
  auto drive = (test::fixtures() / "servers" / "appsrv01").string();
  auto r = test::run_liftshift({"assess", "--format", "json", drive});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["sources"][0]["kind"], "system-drive");
  EXPECT_EQ(j["machine"]["os"], "Windows Server 2012 R2 Standard");
  EXPECT_EQ(j["machine"]["build"], "9600");
  EXPECT_EQ(j["machine"]["findings"][0]["rule"], "os-legacy");
  EXPECT_EQ(j["summary"]["apps"], 6);
  std::string all = r.out + r.err;
  for (const char* secret : {"S3cr3t!Pass", "Mail!Pass42", "Ord3rs!Pwd", "Exp0rt!Pwd", "ZXhhbXBsZSBvbmx5"}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << "leaked " << secret;
  }
  auto text = test::run_liftshift({"assess", drive});
  EXPECT_NE(text.out.find("server APPSRV01.contoso.local: Windows Server 2012 R2 Standard build 9600.19507"),
            std::string::npos)
      << text.out;
}

TEST(Cli, DomainControllerBlocksOnlyWhatDependsOnIt) {
  auto r = test::run_liftshift({"assess", "--format", "json", (test::fixtures() / "servers" / "dc01").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> verdicts;
  for (const auto& app : j["apps"]) verdicts[app["id"]] = app["verdict"];
  EXPECT_EQ(verdicts["dc01/service/DirectorySync"], "not-a-candidate");
  EXPECT_EQ(verdicts["dc01/iis/Intranet"], "ready-with-changes");
}

}  // namespace
}  // namespace liftshift
