#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/rule_ids.hpp"
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
  // No system.web (no session, no machineKey: an explicit one is a secret).
  empty_site.write("Site/web.config",
                   "<configuration><appSettings><add key=\"Theme\" value=\"blue\"/>"
                   "</appSettings></configuration>");
  empty_site.write("Site/Default.aspx", "<%@ Page %>");
  auto ready = run_liftshift(
      {"assess", "--fail-on", "change", "--format", "json", empty_site.path().string()});
  EXPECT_EQ(ready.exit_code, 0) << ready.out;
  EXPECT_EQ(nlohmann::json::parse(ready.out)["apps"][0]["verdict"], "ready");
}

// A site whose folder is not on the server's disk is reported, as unknown
// ("not assessed: ..."), in every summary, and fails --fail-on change.
TEST(Cli, ContentAbsentIsUnknownNotReady) {
  auto server = (test::fixtures() / "servers" / "appsrv01").string();
  auto r = run_liftshift({"assess", "--format", "json", "--no-store", server});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["unknown"], 1);
  bool found = false;
  for (const auto& app : j["apps"]) {
    if (app["name"] != "Reports") continue;
    found = true;
    EXPECT_EQ(app["verdict"], "unknown");
    ASSERT_FALSE(app["findings"].empty());
    bool said = false;
    for (const auto& f : app["findings"]) {
      if (f["rule"] == "not-assessed") {
        said = f["evidence"][0].get<std::string>().rfind("not assessed: site 'Reports'", 0) == 0;
      }
    }
    EXPECT_TRUE(said) << app.dump();
  }
  EXPECT_TRUE(found);
  auto text = run_liftshift({"assess", "--no-store", server});
  EXPECT_NE(text.out.find("1 not assessed."), std::string::npos) << text.out;
}

TEST(Cli, UsageErrorsAndUnreadablePathsExitTwo) {
  auto missing = run_liftshift({"assess", "/nonexistent/liftshift-test"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/liftshift-test: no such file or folder"),
            std::string::npos)
      << missing.err;
  EXPECT_EQ(run_liftshift({"assess"}).exit_code, 2);
  EXPECT_EQ(run_liftshift({"assess", "--format", "xml", sample()}).exit_code, 2);
  EXPECT_EQ(run_liftshift({"frobnicate"}).exit_code, 2);
}

TEST(Cli, AnImageWithoutWindowsIsRefusedClearly) {
  auto image = (test::fixtures() / "images" / "disk.vhdx").string();
  auto r = run_liftshift({"assess", "--format", "json", image});
  EXPECT_EQ(r.exit_code, 2);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["sources"][0]["kind"], "disk-image");
  EXPECT_EQ(j["sources"][0]["handled"], false);
  EXPECT_TRUE(j["apps"].empty());
  EXPECT_NE(r.err.find("disk.vhdx"), std::string::npos) << r.err;
}

TEST(Cli, RulesAndExplain) {
  const std::size_t catalogue_size = rule_id::kAppRuleCount + rule_id::kMachineRuleCount;
  auto rules = run_liftshift({"rules"});
  EXPECT_EQ(rules.exit_code, 0);
  EXPECT_NE(rules.out.find("msmq-ad-auth"), std::string::npos);
  EXPECT_NE(rules.out.find(std::to_string(catalogue_size) + " rules"), std::string::npos);
  auto json = run_liftshift({"rules", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["rules"].size(), catalogue_size);
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

// -o goes through the one file writer (core/file_writer.hpp): never through a
// link, and an error says why.
TEST(Cli, OutputFileIsNeverWrittenThroughALink) {
  test::TempDir dir;
  dir.write("victim.txt", "keep\n");
  std::filesystem::create_symlink(dir.path() / "victim.txt", dir.path() / "report.html");
  for (const char* format : {"json", "html"}) {
    auto r = run_liftshift(
        {"assess", "--format", format, "-o", (dir.path() / "report.html").string(), sample()});
    EXPECT_EQ(r.exit_code, 2) << format;
    EXPECT_NE(r.err.find("report.html: is a symbolic link; refusing to write through it"),
              std::string::npos)
        << r.err;
  }
  EXPECT_EQ(test::read_text(dir.path() / "victim.txt"), "keep\n");
  auto missing =
      run_liftshift({"assess", "-o", (dir.path() / "victim.txt" / "below.txt").string(), sample()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("victim.txt"), std::string::npos) << missing.err;
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
  for (const char* secret :
       {"S3cr3t!Pass", "Mail!Pass42", "Ord3rs!Pwd", "Exp0rt!Pwd", "ZXhhbXBsZSBvbmx5"}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << "leaked " << secret;
  }
  auto text = test::run_liftshift({"assess", drive});
  EXPECT_NE(text.out.find(
                "server APPSRV01.contoso.local: Windows Server 2012 R2 Standard build 9600.19507"),
            std::string::npos)
      << text.out;
}

TEST(Cli, DomainControllerBlocksOnlyWhatDependsOnIt) {
  auto r = test::run_liftshift(
      {"assess", "--format", "json", (test::fixtures() / "servers" / "dc01").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> verdicts;
  for (const auto& app : j["apps"]) verdicts[app["id"]] = app["verdict"];
  EXPECT_EQ(verdicts["dc01/service/DirectorySync"], "not-a-candidate");
  EXPECT_EQ(verdicts["dc01/iis/Intranet"], "ready-with-changes");
}

}  // namespace
}  // namespace liftshift

namespace liftshift {
namespace {

std::set<std::string> app_names(const nlohmann::json& j) {
  std::set<std::string> out;
  for (const auto& app : j["apps"]) {
    std::string id = app["id"];
    out.insert(id.substr(id.find('/')) + " " +
               app["verdict"].get<std::string>());  // without the source name
  }
  return out;
}

TEST(Cli, EveryDiskImageFormatGivesTheSameAssessmentAsTheDrive) {
  auto servers = test::fixtures() / "servers";
  auto folder =
      test::run_liftshift({"assess", "--format", "json", (servers / "appsrv01").string()});
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  auto expected = app_names(nlohmann::json::parse(folder.out));
  ASSERT_EQ(expected.size(), 6u);
  for (const char* image :
       {"appsrv01.raw", "appsrv01.vhd", "appsrv01-fixed.vhd", "appsrv01.vhdx", "appsrv01.vmdk",
        "appsrv01-desc.vmdk", "appsrv01-gpt.vhdx", "appsrv01-two.raw"}) {
    auto r = test::run_liftshift({"assess", "--format", "json", (servers / image).string()});
    ASSERT_EQ(r.exit_code, 0) << image << ": " << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["sources"][0]["kind"], "disk-image") << image;
    EXPECT_EQ(app_names(j), expected) << image;
    EXPECT_EQ(j["machine"]["computer_name"], "APPSRV01") << image;
    // Reading is a small part of the image.
    EXPECT_LT(j["sources"][0]["image"]["bytes_read"].get<std::uint64_t>() * 10,
              j["sources"][0]["image"]["size"].get<std::uint64_t>())
        << image;
  }
}

TEST(Cli, PartitionOverride) {
  auto image = (test::fixtures() / "servers" / "appsrv01-two.raw").string();
  auto chosen = test::run_liftshift({"assess", "--format", "json", image});
  ASSERT_EQ(chosen.exit_code, 0);
  EXPECT_NE(
      nlohmann::json::parse(chosen.out)["sources"][0]["image"]["partition"].get<std::string>().find(
          "partition 2"),
      std::string::npos);
  auto reserved = test::run_liftshift({"assess", "--partition", "1", image});
  EXPECT_EQ(reserved.exit_code, 2);
  EXPECT_NE(reserved.err.find("registry could not be read"), std::string::npos) << reserved.err;
  auto missing = test::run_liftshift({"assess", "--partition", "3", image});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("partition 3 does not exist (the disk has 2)"), std::string::npos)
      << missing.err;
}

TEST(Cli, HostileImagesGiveClearProblemsNeverACrash) {
  auto hostile = test::fixtures() / "images" / "hostile";
  for (const auto& entry : std::filesystem::directory_iterator(hostile)) {
    auto r = test::run_liftshift({"assess", "--format", "json", entry.path().string()});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2)
        << entry.path() << " exit " << r.exit_code << "\n"
        << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["problems"].empty()) << entry.path();
    for (const auto& p : j["problems"]) {
      EXPECT_NE(p["path"].get<std::string>().find(entry.path().filename().string()),
                std::string::npos)
          << "a problem names its file: " << p;
    }
  }
}

}  // namespace
}  // namespace liftshift
