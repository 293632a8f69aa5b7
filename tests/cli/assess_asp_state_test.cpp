// A classic ASP site whose pages write files keeps local state, as a .NET
// site does: `liftshift assess` raises local-state with the page and line,
// and the plan keeps the site to one replica until the writes go to a
// volume. A site that only reads its files keeps none.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "assessment_json.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

const char* const kWriter =
    "<%@ Language=\"VBScript\" %>\n"
    "<%\n"
    "' Counts visits in a log next to the page.\n"
    "Set fso = Server.CreateObject(\"Scripting.FileSystemObject\")\n"
    "Set f = fso.OpenTextFile(Server.MapPath(\"data/visits.log\"), 8, True)\n"
    "f.WriteLine Now\n"
    "f.Close\n"
    "%>\n"
    "<html><body>Thanks</body></html>\n";

const char* const kReader =
    "<%@ Language=\"VBScript\" %>\n"
    "<%\n"
    "Set fso = Server.CreateObject(\"Scripting.FileSystemObject\")\n"
    "Set f = fso.OpenTextFile(Server.MapPath(\"menu.txt\"), 1)\n"
    "REM Set f = fso.CreateTextFile(Server.MapPath(\"menu.txt\"))\n"
    "Response.Write f.ReadAll\n"
    "%>\n";

// The local-state finding's evidence of the only application, or "none".
std::string local_state_evidence(const test::TempDir& dir) {
  auto r = test::run_liftshift({"assess", "--format", "json", "--no-store", dir.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["apps"].size(), 1u) << r.out;
  EXPECT_EQ(j["apps"][0]["framework"]["kind"], "classic-asp") << r.out;
  return test::evidence_lines(j["apps"][0], "local-state");
}

TEST(AssessAspState, APageThatWritesAFileKeepsLocalState) {
  test::TempDir dir;
  dir.write("Visits/default.asp", kWriter);
  EXPECT_EQ(local_state_evidence(dir),
            "Visits/default.asp:5: fso.OpenTextFile(Server.MapPath(\"data/visits.log\"), 8, True) "
            "(Scripting.FileSystemObject: opens a file for appending)\n");
  // The plan treats it as stateful, as it does a .NET site that writes files.
  test::TempDir out;
  auto r = test::run_liftshift({"containerize", dir.path().string(), "-o", out.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::string migration;
  for (const auto& e : std::filesystem::directory_iterator(out.path())) {
    if (std::filesystem::exists(e.path() / "MIGRATION.md"))
      migration = test::read_text(e.path() / "MIGRATION.md");
  }
  EXPECT_NE(migration.find("local-state (no volume for its writes)"), std::string::npos)
      << migration;
  EXPECT_NE(migration.find("Visits/default.asp:5:"), std::string::npos) << migration;
}

TEST(AssessAspState, APageThatOnlyReadsKeepsNone) {
  test::TempDir dir;
  dir.write("Menu/default.asp", kReader);
  EXPECT_EQ(local_state_evidence(dir), "none");
}

}  // namespace
}  // namespace liftshift
