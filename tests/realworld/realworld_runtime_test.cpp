// Runtimes and frameworks of the real-world corpus (../shared/realworld/README.md):
// each program is judged by the runtime it runs on, not by the oldest library
// in its folder.
#include <gtest/gtest.h>

#include <string>

#include "realworld/realworld_support.hpp"

namespace liftshift::test {
namespace {

const char* kNant = "NAnt-bin";

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// "NAnt.exe is a CLR 2 executable whose NAnt.exe.config prefers v4.0.30319
// (<supportedRuntime>)": it runs on the 4.x image.
TEST(RealworldRuntime, NantRunsOnTheRuntimeItsConfigPrefers) {
  const auto& nant = app_named(realworld_assessment(kNant), "NAnt");
  EXPECT_EQ(nant.value("entry", ""), "NAnt.exe");
  const auto& fw = nant["framework"];
  EXPECT_EQ(fw.value("kind", ""), "netfx");
  EXPECT_EQ(fw.value("version", ""), "4.x");
  EXPECT_NE(fw.value("evidence", "").find("NAnt.exe.config"), std::string::npos) << fw.dump();
  EXPECT_NE(fw.value("evidence", "").find("v4.0.30319"), std::string::npos) << fw.dump();
  std::string image = joined(evidence_of(nant, "netfx-image"));
  EXPECT_NE(image.find("4.x image mcr.microsoft.com/dotnet/framework/runtime"), std::string::npos)
      << image;
  EXPECT_EQ(image.find("NetFx3"), std::string::npos) << "4.x needs no 3.5 fallback: " << image;
}

// "The bundled log4net.dll is built for CLR 1.0, but a library loads into the
// host's runtime: no netfx-unsupported blocker" (at most information that
// names the library).
TEST(RealworldRuntime, NantBundledClr1LibraryIsNoBlocker) {
  const auto& nant = app_named(realworld_assessment(kNant), "NAnt");
  EXPECT_FALSE(has_rule(nant, "netfx-unsupported"));
  EXPECT_TRUE(rules_of(nant, "blocker").empty()) << joined(rules_of(nant, "blocker"));
  EXPECT_NE(nant.value("verdict", ""), "not-a-candidate");
  std::string info = joined(evidence_of(nant, "netfx-image"));
  EXPECT_NE(info.find("log4net.dll"), std::string::npos) << info;
  EXPECT_NE(info.find("v1.0.3705"), std::string::npos) << info;
}

// "scvs.exe in the same folder is itself a CLR 1.0 program with no config:
// for it the blocker is right."
TEST(RealworldRuntime, ScvsClr1ProgramWithoutConfigIsBlocked) {
  const auto& scvs = app_named(realworld_assessment(kNant), "scvs");
  EXPECT_EQ(scvs["framework"].value("version", ""), "1.0");
  EXPECT_TRUE(has_rule(scvs, "netfx-unsupported"));
  EXPECT_EQ(scvs.value("verdict", ""), "not-a-candidate");
  std::string e = joined(evidence_of(scvs, "netfx-unsupported"));
  EXPECT_NE(e.find("scvs.exe"), std::string::npos) << e;
}

// "One folder can hold both; each program is judged by its own runtime."
TEST(RealworldRuntime, NantFolderJudgesEachProgramByItsOwnRuntime) {
  const auto& doc = realworld_assessment(kNant);
  int blocked = 0;
  for (const auto& app : doc["apps"]) {
    bool clr1 = app["framework"].value("version", "").rfind("1.", 0) == 0;
    EXPECT_EQ(has_rule(app, "netfx-unsupported"), clr1) << app.value("name", "");
    if (has_rule(app, "netfx-unsupported")) ++blocked;
  }
  EXPECT_EQ(blocked, 1);
  EXPECT_EQ(doc["summary"].value("not-a-candidate", -1), 1) << doc["summary"].dump();
}

// The framework facts the other projects' statements imply: "MVC 5 CMS, .NET
// Framework 4.8", "ASP.NET 4.5", ".NET 4.0 Topshelf server".
TEST(RealworldRuntime, ProjectFrameworksComeFromTheirProjects) {
  struct Case {
    const char* project;
    const char* app;
    const char* version;
  };
  for (const Case& c :
       {Case{"Orchard", "Orchard.Web", "4.8"}, Case{"BlogEngine.NET", "BlogEngine.NET", "4.5"},
        Case{"quartznet-2.x", "Quartz.Server", "4.0"}}) {
    const auto& fw = app_named(realworld_assessment(c.project), c.app)["framework"];
    EXPECT_EQ(fw.value("kind", ""), "netfx") << c.app;
    EXPECT_EQ(fw.value("version", ""), c.version) << c.app;
  }
}

}  // namespace
}  // namespace liftshift::test
