// `liftshift portfolio` end to end: assess the sample and two servers into a
// private SQLite store, tag an application, then check the ranking, the
// totals and every format (the HTML in headless Chromium, the CSV parsed back).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "cli/report_tools.hpp"
#include "emit/csv_parse.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_liftshift;

class PortfolioCli : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = (dir_.path() / "results.db").string();
    assess({(test::fixtures() / "sample" / "published").string()});
    assess(
        test::behind_a_long_path(dir_, {(test::fixtures() / "servers" / "appsrv01.vhdx").string(),
                                        (test::fixtures() / "servers" / "dc01").string()}));
  }

  void assess(const std::vector<std::string>& sources) {
    std::vector<std::string> args{"assess", "--store", store_, "-o",
                                  (dir_.path() / "ignored.txt").string()};
    args.insert(args.end(), sources.begin(), sources.end());
    auto r = run_liftshift(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  test::RunResult portfolio(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"portfolio", "--store", store_};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_liftshift(args);
  }

  json portfolio_json() {
    auto r = portfolio({"--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

  test::TempDir dir_;
  std::string store_;
};

int verdict_rank(const std::string& v) {
  return v == "ready" ? 0 : v == "ready-with-changes" ? 1 : v == "not-a-candidate" ? 2 : 3;
}

int priority_rank(const json& app) {
  std::string p = app["tags"].value("priority", "");
  return p == "high" ? 0 : p == "medium" ? 1 : p == "low" ? 2 : 3;
}

TEST_F(PortfolioCli, RanksEveryApplicationOfTheStore) {
  json p = portfolio_json();
  EXPECT_EQ(p["schema"], "liftshift/portfolio/v1");
  ASSERT_EQ(p["apps"].size(), 11u);  // 3 published apps, 6 on APPSRV01, 2 on DC01
  int rank = 0;
  for (std::size_t i = 0; i < p["apps"].size(); ++i) {
    const json& app = p["apps"][i];
    EXPECT_EQ(app["rank"], ++rank);
    int points = 0;
    for (const auto& f : app["findings"]) points += f["points"].get<int>();
    EXPECT_EQ(app["effort"], points) << app["name"];
    if (i == 0) continue;
    const json& prev = p["apps"][i - 1];
    auto key = [](const json& a) {
      return std::make_tuple(verdict_rank(a["verdict"]), a["effort"].get<int>(), priority_rank(a));
    };
    EXPECT_LE(key(prev), key(app)) << prev["name"] << " before " << app["name"];
  }
  EXPECT_EQ(p["summary"]["apps"], 11);
  EXPECT_EQ(p["summary"]["not-a-candidate"], 3);
  // The Reports site serves D:\Sites\Reports, not on the server's disk: not
  // assessed, ranked last.
  EXPECT_EQ(p["summary"]["unknown"], 1);
  EXPECT_EQ(p["apps"].back()["name"], "Reports");
  EXPECT_EQ(p["apps"].back()["verdict"], "unknown");
  // Two desktop builds of the inventory tool (published and installed), one DC service.
  ASSERT_GE(p["blocker_sets"].size(), 2u);
  EXPECT_EQ(p["blocker_sets"][0]["text"], "2 apps blocked only by Application requires a desktop");
  EXPECT_EQ(p["blocker_sets"][1]["text"], "1 app blocked only by Server is a domain controller");
  std::map<std::string, int> os;
  for (const auto& t : p["totals"]["os_versions"]) os[t["os"]] = t["apps"];
  EXPECT_EQ(os["Windows Server 2012 R2 Standard (6.3.9600)"], 6);
  EXPECT_EQ(os["no server (folder source)"], 3);
  EXPECT_EQ(p["effort_points"]["severity"]["blocker"], 8);
}

TEST_F(PortfolioCli, PriorityTagBreaksAnEffortTie) {
  // Two applications of the same verdict and effort (on the fixtures, the
  // server's nightly export task and the published order processor, 22
  // points each): the priority tag puts the second one first.
  auto ids = [](const json& p) {
    std::vector<std::string> out;
    for (const auto& a : p["apps"]) out.push_back(a["id"]);
    return out;
  };
  auto position = [](const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) - list.begin();
  };
  json p = portfolio_json();
  std::string first, second;
  for (std::size_t i = 1; i < p["apps"].size() && second.empty(); ++i) {
    const json& a = p["apps"][i - 1];
    const json& b = p["apps"][i];
    if (a["verdict"] == b["verdict"] && a["effort"] == b["effort"]) {
      first = a["id"];
      second = b["id"];
    }
  }
  ASSERT_FALSE(second.empty()) << "no two applications tie on verdict and effort";
  auto tag = run_liftshift({"tag", "--store", store_, second, "priority=high"});
  ASSERT_EQ(tag.exit_code, 0) << tag.err;
  p = portfolio_json();
  auto after = ids(p);
  EXPECT_LT(position(after, second), position(after, first));
  for (const auto& a : p["apps"]) {
    if (a["id"] == second) {
      EXPECT_EQ(a["tags"]["priority"], "high");
    }
  }
}

TEST_F(PortfolioCli, TableShowsRanksAndTotals) {
  auto r = portfolio({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("liftshift portfolio: 11 applications, 3 sources"), std::string::npos);
  EXPECT_NE(r.out.find("RANK  VERDICT"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Most common blockers\n  2 apps blocked only by Application requires a "
                       "desktop\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("OS versions"), std::string::npos);
}

TEST_F(PortfolioCli, HtmlWorksInChromiumAndMatchesTheJson) {
  fs::path html = dir_.path() / "portfolio.html";
  fs::path json_path = dir_.path() / "portfolio.json";
  ASSERT_EQ(portfolio({"--format", "html", "-o", html.string()}).exit_code, 0);
  ASSERT_EQ(portfolio({"--format", "json", "-o", json_path.string()}).exit_code, 0);
  std::string text = test::read_text(html);
  EXPECT_NE(text.find("<title>liftshift portfolio</title>"), std::string::npos);
  auto r = test::check_html_in_chromium(html, json_path, "portfolio");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(fs::exists(test::test_artifacts() / "portfolio.png"));
}

TEST_F(PortfolioCli, CsvHasOneRowPerFindingOfTheEstate) {
  json p = portfolio_json();
  auto r = portfolio({"--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = test::parse_csv(r.out);
  ASSERT_TRUE(rows.has_value()) << "not RFC 4180";
  std::size_t expected = 0;
  for (const auto& a : p["apps"]) expected += std::max<std::size_t>(1, a["findings"].size());
  for (const auto& s : p["sources"]) expected += s["findings"].size();
  EXPECT_EQ(rows->size(), 1 + expected);
}

TEST_F(PortfolioCli, AnUnusableStoreIsAClearErrorNotACrash) {
  auto r = run_liftshift({"portfolio", "--store", "/dev/null/not-a-folder/results.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("liftshift: results store:"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(PortfolioCliEmpty, AnEmptyStoreHasNoApplications) {
  test::TempDir dir;
  auto r =
      run_liftshift({"portfolio", "--store", (dir.path() / "new.db").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json p = json::parse(r.out);
  EXPECT_EQ(p["summary"]["apps"], 0);
  EXPECT_TRUE(p["apps"].empty());
}

}  // namespace
}  // namespace liftshift
