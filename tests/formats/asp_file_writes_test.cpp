#include "formats/asp_file_writes.hpp"

#include <gtest/gtest.h>

#include "formats/asp_scan.hpp"

namespace liftshift {
namespace {

// "line: text" of each hit, one per line.
std::string lines_of(const std::vector<SourceHit>& hits) {
  std::string out;
  for (const auto& h : hits) {
    EXPECT_EQ(h.category, SourceCategory::kFileWrite);
    out += std::to_string(h.line) + ": " + h.text + "\n";
  }
  return out;
}

TEST(AspFileWrites, WritesOfFileSystemObjectAndStream) {
  const auto hits = scan_asp_file_writes(
      "<%@ Language=\"VBScript\" %>\n"
      "<%\n"
      "Const ForAppending = 8\n"
      "Set fso = Server.CreateObject(\"Scripting.FileSystemObject\")\n"
      "Set log = fso.OpenTextFile(Server.MapPath(\"data/visits.log\"), ForAppending, True)\n"
      "Set out = fso.CreateTextFile(Server.MapPath(\"export.csv\"))\n"
      "Set t = fso.OPENTEXTFILE(p, 2)\n"
      "fso.CopyFile src, Server.MapPath(\"archive/\")\n"
      "fso.CreateFolder(Server.MapPath(\"uploads\")) : fso.MoveFile a, b\n"
      "Set f = fso.GetFile(p).OpenAsTextStream(8)\n"
      "stream.SaveToFile Server.MapPath(\"img/\" & name), 2\n"
      "%>\n",
      "page.asp");
  EXPECT_EQ(lines_of(hits),
            "5: fso.OpenTextFile(Server.MapPath(\"data/visits.log\"), ForAppending, True) "
            "(Scripting.FileSystemObject: opens a file for appending)\n"
            "6: fso.CreateTextFile(Server.MapPath(\"export.csv\")) (Scripting.FileSystemObject: "
            "creates a file)\n"
            "7: fso.OPENTEXTFILE(p, 2) (Scripting.FileSystemObject: opens a file for writing)\n"
            "8: fso.CopyFile src, Server.MapPath(\"archive/\") (Scripting.FileSystemObject: "
            "copies files into a folder)\n"
            "9: fso.CreateFolder(Server.MapPath(\"uploads\")) (Scripting.FileSystemObject: "
            "creates a folder)\n"
            "9: fso.MoveFile a, b (Scripting.FileSystemObject: moves files into a folder)\n"
            "10: OpenAsTextStream(8) (Scripting.FileSystemObject: opens a file for appending)\n"
            "11: stream.SaveToFile Server.MapPath(\"img/\" & name), 2 (ADODB.Stream: saves to a "
            "file)\n");
}

TEST(AspFileWrites, ReadsAreNoWrites) {
  const auto hits = scan_asp_file_writes(
      "<%\n"
      "Set a = fso.OpenTextFile(Server.MapPath(\"menu.txt\"))\n"
      "Set b = fso.OpenTextFile(Server.MapPath(\"menu.txt\"), 1, False)\n"
      "Set c = fso.OpenTextFile(p, ForReading)\n"
      "Set d = fso.OpenTextFile(p, mode)\n"  // a mode it can't tell is no write
      "Set e = fso.GetFile(p).OpenAsTextStream()\n"
      "fso.OpenTextFile\n"
      "%>",
      "read.asp");
  EXPECT_EQ(lines_of(hits), "");
}

TEST(AspFileWrites, CommentsLiteralsAndHtmlDoNotCount) {
  const auto hits = scan_asp_file_writes(
      "<html><p>Call fso.CreateTextFile(x) to save.</p>\n"  // HTML, not code
      "<%\n"
      "' Set f = fso.CreateTextFile(p)\n"
      "REM fso.CopyFile a, b\n"
      "x = 1 : rem fso.MoveFile a, b\n"
      "msg = \"use fso.CreateTextFile(\"\"p\"\") \"\" .SaveToFile\"\n"
      "y = 2 ' then fso.CreateFolder(p)\n"
      "remark = fso.CreateFolder(p)\n"  // REM only as a whole word starts a comment
      "%> <% ' fso.CreateTextFile(p) %> <% fso.CreateTextFile(q) %>\n",
      "c.asp");
  EXPECT_EQ(lines_of(hits),
            "8: fso.CreateFolder(p) (Scripting.FileSystemObject: creates a folder)\n"
            "9: fso.CreateTextFile(q) (Scripting.FileSystemObject: creates a file)\n");
}

TEST(AspFileWrites, ContinuedLinesServerScriptsAndJScript) {
  const auto vbs = scan_asp_file_writes(
      "<script language=\"VBScript\" runat=\"Server\">\n"
      "Sub Application_OnStart\n"
      "  Set f = fso.OpenTextFile(Server.MapPath(\"app.log\"), _\n"
      "      8, True)\n"
      "End Sub\n"
      "</script>\n"
      "<script>fso.CreateTextFile(p)</script>\n",  // a client script
      "global.asa");
  EXPECT_EQ(lines_of(vbs),
            "3: fso.OpenTextFile(Server.MapPath(\"app.log\"), _ 8, True) "
            "(Scripting.FileSystemObject: opens a file for appending)\n");
  const auto js = scan_asp_file_writes(
      "<%@ Language=\"JScript\" %>\n"
      "<%\n"
      "// fso.CreateTextFile(p)\n"
      "/* fso.CopyFile(a, b);\n"
      "   fso.MoveFile(a, b); */\n"
      "var s = 'it\\'s fso.CreateFolder(p)';\n"
      "var f = fso.OpenTextFile(Server.MapPath('log.txt'), 8, true);\n"
      "%>\n",
      "j.asp");
  EXPECT_EQ(lines_of(js),
            "7: fso.OpenTextFile(Server.MapPath('log.txt'), 8, true) "
            "(Scripting.FileSystemObject: opens a file for appending)\n");
}

TEST(AspFileWrites, ScanAspReportsThemWithTheComponents) {
  const auto hits = scan_asp(
      "<%\nSet fso = CreateObject(\"Scripting.FileSystemObject\")\n"
      "fso.CreateTextFile(Server.MapPath(\"x.txt\"))\n%>",
      "p.asp");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].category, SourceCategory::kAspComObject);
  EXPECT_EQ(hits[1].category, SourceCategory::kFileWrite);
  EXPECT_EQ(hits[1].line, 3);
}

TEST(AspFileWrites, SecretsAreMaskedAndInputIsBounded) {
  const auto masked =
      scan_asp_file_writes("<% s.SaveToFile \"\\\\fs01\\x\\Password=Hunter2;\" %>", "s.asp");
  ASSERT_EQ(masked.size(), 1u);
  EXPECT_EQ(masked[0].text.find("Hunter2"), std::string::npos) << masked[0].text;
  std::string text = "<%\nSet f = fso.OpenTextFile(" + std::string(1 << 20, '(') + "\n";
  for (int i = 0; i < 3000; ++i) text += "fso.CreateFolder(p)\n";
  text += std::string(1 << 20, '"');
  EXPECT_EQ(scan_asp_file_writes(text, "big.asp").size(), 1000u);
  // An unclosed region, literal and comment end with the text.
  EXPECT_TRUE(scan_asp_file_writes("<% x = \"abc", "u.asp").empty());
  EXPECT_TRUE(scan_asp_file_writes("<script runat=server>/* x", "u.asp").empty());
}

}  // namespace
}  // namespace liftshift
