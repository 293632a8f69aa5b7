#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "emit/csv_parse.hpp"
#include "emit/report_fixture.hpp"
#include "emit/report_render.hpp"
#include "portfolio/portfolio.hpp"

namespace liftshift {
namespace {

namespace fx = test::reportfx;

test::CsvRows csv_of(Report report) {
  ReportContext context = rank_report(report, "1.2.3");
  auto csv = render_report(report, "csv", context);
  EXPECT_TRUE(csv.ok());
  auto rows = test::parse_csv(csv.ok() ? *csv : "");
  EXPECT_TRUE(rows.has_value()) << "not RFC 4180";
  return rows.value_or(test::CsvRows{});
}

std::map<std::string, std::string> as_record(const std::vector<std::string>& header,
                                             const std::vector<std::string>& row) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) out[header[i]] = row[i];
  return out;
}

TEST(ReportCsv, ParserRejectsWhatRfc4180Forbids) {
  EXPECT_TRUE(test::parse_csv("a,b\r\n\"x,\"\"y\"\"\r\nz\",2\r\n").has_value());
  EXPECT_EQ(test::parse_csv("a,b\r\n\"x,\"\"y\"\"\r\nz\",2\r\n")->at(1).at(0), "x,\"y\"\r\nz");
  EXPECT_FALSE(test::parse_csv("a,b\n").has_value());       // LF alone
  EXPECT_FALSE(test::parse_csv("a,b").has_value());         // no final CRLF
  EXPECT_FALSE(test::parse_csv("a\"b,c\r\n").has_value());  // bare quote
  EXPECT_FALSE(test::parse_csv("\"a,b\r\n").has_value());   // unterminated
}

TEST(ReportCsv, OneRowPerFindingWithAHeader) {
  auto rows = csv_of(fx::estate());
  ASSERT_FALSE(rows.empty());
  const auto& header = rows[0];
  for (const char* column : {"machine", "source", "app_id", "app_name", "kind", "framework",
                             "verdict", "rule", "severity", "title", "evidence", "remediation"}) {
    EXPECT_NE(std::find(header.begin(), header.end(), column), header.end()) << column;
  }
  // 10 app findings, one row for the app without findings, 2 machine findings.
  EXPECT_EQ(rows.size(), 1u + 10u + 1u + 2u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), header.size());

  auto first = as_record(header, rows[1]);  // rank 1: Intranet, no findings
  EXPECT_EQ(first["rank"], "1");
  EXPECT_EQ(first["app_name"], "Intranet");
  EXPECT_EQ(first["rule"], "");
  EXPECT_EQ(first["verdict"], "ready");

  int machine_rows = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto rec = as_record(header, rows[i]);
    if (rec["scope"] == "machine") {
      ++machine_rows;
      EXPECT_EQ(rec["app_id"], "");
    }
    if (rec["app_name"] == "Orders Queue" && rec["rule"] == "msmq-ad-auth") {
      EXPECT_EQ(rec["machine"], "APPSRV01");
      EXPECT_EQ(rec["source"], "/images/appsrv01.vhdx");
      EXPECT_EQ(rec["severity"], "blocker");
      EXPECT_EQ(rec["points"], "11");
      EXPECT_EQ(rec["effort"], "14");
      EXPECT_EQ(rec["framework"], "netfx 4.8");
      EXPECT_EQ(rec["evidence"], "Orders/Orders.exe.config: netMsmqBinding 'q' authenticates");
    }
    if (rec["app_name"] == "Reports") {
      EXPECT_EQ(rec["tags"], "owner=finance, priority=High");
    }
  }
  EXPECT_EQ(machine_rows, 2);
}

TEST(ReportCsv, QuotesCommasQuotesAndLineBreaksAndJoinsEvidence) {
  Report r = fx::estate();
  r.apps[0].name = "Orders, \"EU\"";
  r.apps[0].findings[0].evidence = {"a.config: one, two", "b.config: \"three\""};
  auto rows = csv_of(r);
  const auto& header = rows.at(0);
  bool seen = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto rec = as_record(header, rows[i]);
    if (rec["app_name"] == "Orders, \"EU\"" && rec["rule"] == "msmq-ad-auth") {
      seen = true;
      EXPECT_EQ(rec["evidence"], "a.config: one, two\nb.config: \"three\"");
    }
  }
  EXPECT_TRUE(seen);
}

TEST(ReportCsv, CellsThatSpreadsheetsWouldRunAsFormulasAreDefused) {
  Report r = fx::estate();
  r.apps[0].name = "=HYPERLINK(\"x\",\"y\")";
  r.apps[0].findings[0].evidence = {"+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"};
  auto rows = csv_of(r);
  const auto& header = rows.at(0);
  bool seen = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    auto rec = as_record(header, rows[i]);
    if (rec["rule"] == "msmq-ad-auth" && rec["app_name"].find("HYPERLINK") != std::string::npos) {
      seen = true;
      EXPECT_EQ(rec["app_name"], "'=HYPERLINK(\"x\",\"y\")");
      EXPECT_EQ(rec["evidence"], "'+cmd|' /C calc'!A0\n@SUM(1)\n-2+3");
    }
  }
  EXPECT_TRUE(seen);
}

TEST(ReportCsv, ControlCharactersAreReplaced) {
  Report r = fx::estate();
  r.apps[0].name = "bad\x01name\r";
  ReportContext context = rank_report(r, "1");
  std::string csv = *render_report(r, "csv", context);
  EXPECT_EQ(csv.find('\x01'), std::string::npos);
  EXPECT_NE(csv.find("bad?name?"), std::string::npos);
}

}  // namespace
}  // namespace liftshift
