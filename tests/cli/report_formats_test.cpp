// `liftshift assess --format html|csv|sarif` end to end, on the built sample
// and on server fixtures, checked with real tools: the HTML in headless
// Chromium (tools/validators/html_check.js), the SARIF with Microsoft's SARIF
// Multitool, the CSV parsed back with a strict RFC 4180 reader. Every count
// is compared with `--format json` of the same sources.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/report_tools.hpp"
#include "emit/csv_parse.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_liftshift;

std::vector<std::string> sample_sources() {
  return {(test::fixtures() / "sample" / "published").string()};
}
std::vector<std::string> server_sources() {
  return {(test::fixtures() / "servers" / "appsrv01.vhdx").string(),
          (test::fixtures() / "servers" / "dc01").string()};
}

// Runs `assess --no-store --format FORMAT -o DIR/NAME.EXT SOURCES...`.
fs::path assess_to(const test::TempDir& dir, const std::string& name, const std::string& format,
                   const std::vector<std::string>& sources) {
  std::string ext = format == "sarif" ? "sarif" : format;
  fs::path out = dir.path() / (name + "." + ext);
  std::vector<std::string> args{"assess", "--no-store", "--format", format, "-o", out.string()};
  args.insert(args.end(), sources.begin(), sources.end());
  auto r = run_liftshift(args);
  EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
  return out;
}

struct JsonCounts {
  std::size_t apps = 0;
  std::size_t app_findings = 0;
  std::size_t apps_without_findings = 0;
  std::size_t machine_findings = 0;
  std::map<std::string, std::size_t> findings_per_app;  // by app id
};

JsonCounts counts_of(const json& report) {
  JsonCounts c;
  for (const auto& app : report["apps"]) {
    ++c.apps;
    c.app_findings += app["findings"].size();
    if (app["findings"].empty()) ++c.apps_without_findings;
    c.findings_per_app[app["id"]] = app["findings"].size();
  }
  for (const auto& s : report["sources"]) {
    if (s.contains("machine") && s["machine"].contains("findings")) {
      c.machine_findings += s["machine"]["findings"].size();
    }
  }
  return c;
}

void check_html(const std::vector<std::string>& sources, const std::string& name) {
  test::TempDir dir;
  fs::path html = assess_to(dir, name, "html", sources);
  fs::path json_path = assess_to(dir, name, "json", sources);
  auto r = test::check_html_in_chromium(html, json_path, name);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  fs::path png = test::test_artifacts() / (name + ".png");
  ASSERT_TRUE(fs::exists(png)) << r.out;
  EXPECT_GT(fs::file_size(png), 20000u) << "a blank screenshot?";
  EXPECT_TRUE(fs::exists(test::test_artifacts() / (name + "-phone.png")));
  EXPECT_TRUE(fs::exists(test::test_artifacts() / (name + ".pdf")));
}

TEST(ReportFormatsCli, HtmlOfThePublishedSampleWorksInChromium) {
  check_html(sample_sources(), "assess-sample");
}

TEST(ReportFormatsCli, HtmlOfTwoServersWorksInChromium) {
  test::TempDir links;
  check_html(test::behind_a_long_path(links, server_sources()), "assess-servers");
}

TEST(ReportFormatsCli, HtmlCheckFailsOnABrokenPage) {
  // The checker itself must be able to fail: a page whose summary disagrees
  // with the JSON and that loads an image from the network.
  test::TempDir dir;
  fs::path json_path = assess_to(dir, "sample", "json", sample_sources());
  fs::path html = dir.write(
      "broken.html",
      "<!DOCTYPE html><html><body><dl><dd data-summary=\"apps\">999</dd></dl>"
      "<img src=\"http://127.0.0.1:9/x.png\"><table id=\"apps\"><thead><tr><th>#</th></tr>"
      "</thead><tbody></tbody></table></body></html>");
  auto r = test::check_html_in_chromium(html, json_path, "broken-page");
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("summary apps"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("requests left the page: http://127.0.0.1:9/x.png"), std::string::npos)
      << r.out;
}

// The rule ids of the errors the SARIF Multitool finds in a log.
std::set<std::string> multitool_errors(const test::TempDir& dir, const fs::path& sarif) {
  fs::path log = dir.path() / "validation.sarif";
  auto r = test::run_child({test::sarif_multitool().string(), "validate", sarif.string(), "-o",
                            log.string(), "--log", "ForceOverwrite"},
                           {.merge_output = true});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::set<std::string> errors;
  if (!fs::exists(log)) return {"no validation log: " + r.out};
  json validation = json::parse(test::read_text(log));
  for (const auto& run : validation["runs"]) {
    for (const auto& result : run.value("results", json::array())) {
      if (result.value("level", "warning") == "error") errors.insert(result["ruleId"]);
    }
  }
  return errors;
}

TEST(ReportFormatsCli, SarifValidatesWithTheMultitoolAndHasOneResultPerFinding) {
  test::TempDir dir;
  std::vector<std::string> sources = sample_sources();
  for (const auto& s : server_sources()) sources.push_back(s);
  fs::path sarif = assess_to(dir, "all", "sarif", sources);
  fs::path json_path = assess_to(dir, "all", "json", sources);
  ASSERT_TRUE(fs::exists(test::sarif_multitool()))
      << "SARIF Multitool missing: run scripts/setup.sh";
  EXPECT_EQ(multitool_errors(dir, sarif), std::set<std::string>{});

  json report = json::parse(test::read_text(json_path));
  json s = json::parse(test::read_text(sarif));
  JsonCounts c = counts_of(report);
  EXPECT_EQ(s["runs"][0]["results"].size(), c.app_findings + c.machine_findings);
  EXPECT_GT(c.machine_findings, 0u) << "dc01 is a domain controller";
}

TEST(ReportFormatsCli, MultitoolRejectsInvalidLogs) {
  // The validator must be able to fail: a driver without its required name
  // (schema), and a ruleIndex past the rules (SARIF1009).
  test::TempDir dir;
  fs::path no_name = dir.write(
      "no-name.sarif", R"({"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[]}]})");
  EXPECT_EQ(multitool_errors(dir, no_name), std::set<std::string>{"JSON1002"});
  fs::path bad_index = dir.write(
      "bad-index.sarif",
      R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"a"}]}},)"
      R"("results":[{"ruleId":"a","ruleIndex":5,"message":{"text":"m."}}]}]})");
  EXPECT_EQ(multitool_errors(dir, bad_index), std::set<std::string>{"SARIF1009"});
}

TEST(ReportFormatsCli, CsvParsesBackWithTheJsonCounts) {
  test::TempDir dir;
  std::vector<std::string> sources = sample_sources();
  for (const auto& s : server_sources()) sources.push_back(s);
  fs::path csv_path = assess_to(dir, "all", "csv", sources);
  fs::path json_path = assess_to(dir, "all", "json", sources);
  auto rows = test::parse_csv(test::read_text(csv_path));
  ASSERT_TRUE(rows.has_value()) << "not RFC 4180";
  JsonCounts c = counts_of(json::parse(test::read_text(json_path)));
  ASSERT_FALSE(rows->empty());
  const auto& header = rows->front();
  EXPECT_EQ(rows->size() - 1, c.app_findings + c.apps_without_findings + c.machine_findings);
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::string, std::size_t> per_app;
  for (std::size_t i = 1; i < rows->size(); ++i) {
    const auto& row = (*rows)[i];
    ASSERT_EQ(row.size(), header.size());
    if (row[column("scope")] == "app" && !row[column("rule")].empty())
      ++per_app[row[column("app_id")]];
  }
  for (const auto& [id, n] : c.findings_per_app) {
    if (n > 0) {
      EXPECT_EQ(per_app[id], n) << id;
    }
  }
  EXPECT_EQ(per_app.size(), c.apps - c.apps_without_findings);
}

TEST(ReportFormatsCli, NoPlantedSecretInAnyReport) {
  test::TempDir dir;
  std::vector<std::string> sources = sample_sources();
  for (const auto& s : server_sources()) sources.push_back(s);
  for (const char* format : {"html", "csv", "sarif"}) {
    std::string text = test::read_text(assess_to(dir, "all", format, sources));
    for (const char* secret :
         {"S3cr3t!Pass", "Mail!Pass42", "Ord3rs!Pwd", "Exp0rt!Pwd", "ZXhhbXBsZSBvbmx5"}) {
      EXPECT_EQ(text.find(secret), std::string::npos) << format << " leaks " << secret;
    }
    EXPECT_NE(text.find("Password=***"), std::string::npos) << format << ": the finding stays";
  }
}

}  // namespace
}  // namespace liftshift
