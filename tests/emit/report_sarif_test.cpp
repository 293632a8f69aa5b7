#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "emit/report_fixture.hpp"
#include "emit/report_render.hpp"
#include "portfolio/portfolio.hpp"
#include "rules/catalogue.hpp"

namespace liftshift {
namespace {

namespace fx = test::reportfx;
using nlohmann::json;

json sarif_of(Report report) {
  ReportContext context = rank_report(report, "1.2.3");
  auto text = render_report(report, "sarif", context);
  EXPECT_TRUE(text.ok());
  return json::parse(text.ok() ? *text : "{}");
}

const json* result_for(const json& results, const std::string& app, const std::string& rule) {
  for (const auto& r : results) {
    if (r["properties"].value("appName", "") == app && r["ruleId"] == rule) return &r;
  }
  return nullptr;
}

TEST(ReportSarif, RunToolAndRulesFromTheCatalogue) {
  json s = sarif_of(fx::estate());
  EXPECT_EQ(s["version"], "2.1.0");
  ASSERT_EQ(s["runs"].size(), 1u);
  const json& driver = s["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "liftshift");
  EXPECT_EQ(driver["version"], "1.2.3");
  ASSERT_EQ(driver["rules"].size(), catalogue().size());
  for (std::size_t i = 0; i < catalogue().size(); ++i) {
    const RuleInfo& rule = catalogue()[i];
    const json& r = driver["rules"][i];
    EXPECT_EQ(r["id"], rule.id);
    EXPECT_EQ(r["shortDescription"]["text"], rule.title + ".");
    EXPECT_EQ(r["fullDescription"]["text"], rule.description);
    EXPECT_EQ(r["help"]["text"], rule.remediation);
    std::string level = rule.severity == Severity::kBlocker  ? "error"
                        : rule.severity == Severity::kChange ? "warning"
                                                             : "note";
    EXPECT_EQ(r["defaultConfiguration"]["level"], level) << rule.id;
  }
}

TEST(ReportSarif, OneResultPerFindingPointingAtItsRule) {
  json s = sarif_of(fx::estate());
  const json& run = s["runs"][0];
  const json& results = run["results"];
  EXPECT_EQ(results.size(), 10u + 2u);  // app findings and the two servers' own
  for (const auto& r : results) {
    std::size_t index = r["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], r["ruleId"]);
    EXPECT_EQ(r["level"], run["tool"]["driver"]["rules"][index]["defaultConfiguration"]["level"]);
    EXPECT_FALSE(r["message"]["text"].get<std::string>().empty());
    EXPECT_EQ(r["partialFingerprints"]["liftshiftFinding/v1"].get<std::string>().size(), 64u);
  }
  const json* blocker = result_for(results, "Orders Queue", "msmq-ad-auth");
  ASSERT_NE(blocker, nullptr);
  EXPECT_EQ((*blocker)["level"], "error");
  EXPECT_EQ((*blocker)["properties"]["verdict"], "not-a-candidate");
  EXPECT_EQ((*blocker)["properties"]["effort"], 11);
  EXPECT_NE((*blocker)["message"]["text"].get<std::string>().find("netMsmqBinding 'q'"),
            std::string::npos);
}

TEST(ReportSarif, EvidencePathsBecomeLocationsRelativeToTheirSource) {
  json s = sarif_of(fx::estate());
  const json& run = s["runs"][0];
  const json& bases = run["originalUriBaseIds"];
  EXPECT_EQ(bases["SOURCE1"]["uri"], "file:///data/published/");
  EXPECT_EQ(bases["SOURCE2"]["uri"], "file:///images/appsrv01.vhdx/");

  const json* web = result_for(run["results"], "Contoso Web", "ad-dependent");
  ASSERT_NE(web, nullptr);
  const json& loc = (*web)["locations"][0];
  EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uri"], "inetpub/Contoso%20Web/Web.config");
  EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uriBaseId"], "SOURCE2");
  EXPECT_EQ(loc["logicalLocations"][0]["name"], "Contoso Web");
  EXPECT_EQ(loc["logicalLocations"][0]["kind"], "module");
  EXPECT_EQ(loc["logicalLocations"][0]["fullyQualifiedName"],
            "APPSRV01/appsrv01.vhdx/web/Contoso Web");

  // Prose and Windows paths of the original server are not artifact locations.
  const json* drive = result_for(run["results"], "Exporter", "drive-path");
  ASSERT_NE(drive, nullptr);
  EXPECT_EQ((*drive)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "Exporter/Exporter.exe.config");
  const json* image = result_for(run["results"], "Static Site", "netfx-image");
  ASSERT_NE(image, nullptr);
  ASSERT_EQ((*image)["locations"].size(), 1u);
  EXPECT_FALSE((*image)["locations"][0].contains("physicalLocation"));
  EXPECT_EQ((*image)["locations"][0]["logicalLocations"][0]["name"], "Static Site");
}

TEST(ReportSarif, FingerprintsAreStableAndDistinct) {
  json a = sarif_of(fx::estate());
  Report reversed = fx::estate();
  std::reverse(reversed.apps.begin(), reversed.apps.end());
  json b = sarif_of(reversed);
  std::set<std::string> fa;
  std::set<std::string> fb;
  for (const auto& r : a["runs"][0]["results"]) fa.insert(r["partialFingerprints"].dump());
  for (const auto& r : b["runs"][0]["results"]) fb.insert(r["partialFingerprints"].dump());
  EXPECT_EQ(fa, fb);
  EXPECT_EQ(fa.size(), a["runs"][0]["results"].size());
}

TEST(ReportSarif, ProblemsAreToolNotifications) {
  Report r = fx::estate();
  r.problems.push_back({"", "", "x/broken.dll", "truncated PE header", false});
  json s = sarif_of(r);
  const json& notes = s["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0]["message"]["text"], "x/broken.dll: truncated PE header.");
}

}  // namespace
}  // namespace liftshift
