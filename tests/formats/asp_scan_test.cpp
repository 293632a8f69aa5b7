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

namespace liftshift {
namespace {

std::string com_hits(const std::vector<SourceHit>& hits) {
  std::string out;
  for (const auto& h : hits) {
    out += (out.empty() ? "" : ",") + std::string(to_string(h.category)) + ":" +
           std::to_string(h.line) + ":" + h.text;
  }
  return out;
}

// <object classid="clsid:..."> names a class by its CLSID; JScript creates
// one with new ActiveXObject; Windows Script Host scripts report every
// ProgID as a com-object hit (not classic ASP's), '//' comments skipped.
TEST(AspScan, ClassIdsActiveXObjectsAndScripts) {
  auto page = scan_asp(
      "<object runat=\"server\" id=\"p\" classid=\"clsid:3f2a7c91-8e4d-4b6a-b5c3-1d9e6f0a2b47\">\n"
      "<% var u = new ActiveXObject(\"Persits.Upload\"); %>\n"
      "<object classid=\"clsid:not-a-guid\"></object>\n",
      "p.asp");
  EXPECT_EQ(com_hits(page),
            "com-object:1:{3F2A7C91-8E4D-4B6A-B5C3-1D9E6F0A2B47},asp-com-object:2:Persits.Upload");
  auto vbs = scan_com_script(
      "' nightly.vbs\n"
      "Set invoices = CreateObject(\"OrderDesk.Invoices\")\n"
      "Set conn = CreateObject(\"ADODB.Connection\")\n"
      "conn.Open \"Provider=SQLOLEDB;Data Source=SQL01;Password=x\"\n",
      "nightly.vbs");
  EXPECT_EQ(com_hits(vbs), "com-object:2:OrderDesk.Invoices,com-object:3:ADODB.Connection");
  auto js = scan_com_script(
      "// var old = new ActiveXObject(\"Old.Thing\");\n"
      "var fso = new ActiveXObject('Scripting.FileSystemObject');\n",
      "tool.wsf");
  EXPECT_EQ(com_hits(js), "com-object:2:Scripting.FileSystemObject");
  // A line of a million characters and a cut tag: no hit, no hang.
  std::string hostile = "<object classid=\"clsid:" + std::string(1'000'000, 'A');
  EXPECT_TRUE(scan_com_script(hostile, "x.hta").empty());
}

}  // namespace
}  // namespace liftshift
