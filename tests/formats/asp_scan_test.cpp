#include "formats/asp_scan.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

std::string hits_of(const std::vector<SourceHit>& hits, SourceCategory category) {
  std::string out;
  for (const auto& h : hits) {
    if (h.category == category) out += (out.empty() ? "" : ",") + h.text;
  }
  return out;
}

const std::filesystem::path kSite = "tests/fixtures/websites/sites/classic-asp";

TEST(AspScan, ComponentsOfPagesAndGlobalAsa) {
  auto upload = scan_asp(test::read_text(test::source_dir() / kSite / "upload.asp"), "upload.asp");
  EXPECT_EQ(hits_of(upload, SourceCategory::kAspComObject),
            "Persits.Upload,Scripting.FileSystemObject,CDO.Message");
  EXPECT_EQ(upload.front().line, 5);
  auto asa = scan_asp(test::read_text(test::source_dir() / kSite / "global.asa"), "global.asa");
  // <OBJECT PROGID> in global.asa; the comment line names no component.
  EXPECT_EQ(hits_of(asa, SourceCategory::kAspComObject), "MSWC.Tools");
}

TEST(AspScan, ConnectionStringsAreMasked) {
  auto asa = scan_asp(test::read_text(test::source_dir() / kSite / "global.asa"), "global.asa");
  std::string conn = hits_of(asa, SourceCategory::kAspConnection);
  EXPECT_NE(conn.find("Provider=SQLOLEDB;Data Source=SQL01"), std::string::npos) << conn;
  EXPECT_EQ(conn.find("Winter2019!"), std::string::npos) << conn;
  EXPECT_NE(conn.find("Password=***"), std::string::npos) << conn;
}

TEST(AspScan, CommentsAndBrokenLiteralsFindNothing) {
  auto hits = scan_asp(
      "' Set x = Server.CreateObject(\"Old.Thing\")\n"
      "REM CreateObject(\"Other.Thing\")\n"
      "Set y = CreateObject(\"Unclosed.Thing)\n"
      "Set z = Server.CreateObject( \"Ok.One\" )\n"
      "s = \"Provider=unterminated;\n",
      "x.asp");
  EXPECT_EQ(hits_of(hits, SourceCategory::kAspComObject), "Ok.One");
  EXPECT_EQ(hits_of(hits, SourceCategory::kAspConnection), "");
}

TEST(AspScan, HostileInputIsBounded) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Set o = CreateObject(\"A.B" + std::to_string(i) + "\")\n";
  text += std::string(1 << 20, '"');
  auto hits = scan_asp(text, "big.asp");
  EXPECT_EQ(hits.size(), 1000u);
}

}  // namespace
}  // namespace liftshift
