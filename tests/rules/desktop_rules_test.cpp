#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::console_app;
using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::joined;

Application winforms_app() {
  Application app = console_app();
  app.binaries[0].subsystem = 2;
  app.binaries[0].assembly_refs.push_back(test::rulefx::ref("System.Windows.Forms"));
  app.binaries[0].type_refs.push_back("System.Windows.Forms.Form");
  return app;
}

TEST(GuiDesktopRule, FiresOnAGuiEntryThatShowsWindows) {
  auto e = joined(evidence_of("gui-desktop", winforms_app()));
  EXPECT_NE(e.find("Tool.exe: subsystem Windows GUI"), std::string::npos) << e;
  EXPECT_NE(e.find("Tool.exe: uses type System.Windows.Forms.Form"), std::string::npos) << e;
}

TEST(GuiDesktopRule, QuietForConsoleAndForServicesBuiltAsWinExe) {
  EXPECT_FALSE(fires("gui-desktop", console_app()));
  Application service = winforms_app();
  service.kind = AppKind::kService;
  service.binaries[0].type_refs.push_back("System.ServiceProcess.ServiceBase");
  EXPECT_FALSE(fires("gui-desktop", service));
  Application winexe_without_windows = console_app();
  winexe_without_windows.binaries[0].subsystem = 2;  // hidden background exe
  EXPECT_FALSE(fires("gui-desktop", winexe_without_windows));
}

// A WinForms program that manages a service (ServiceController) is a desktop
// program: the blocker stands, with what its entry point does.
TEST(GuiDesktopRule, FiresForADesktopProgramThatManagesAService) {
  Application manager = winforms_app();
  manager.kind = AppKind::kDesktop;
  manager.kind_evidence = {"Tool.exe: entry point calls System.Windows.Forms.Application::Run"};
  manager.binaries[0].type_refs.push_back("System.ServiceProcess.ServiceController");
  auto e = joined(evidence_of("gui-desktop", manager));
  EXPECT_NE(e.find("entry point calls System.Windows.Forms.Application::Run"), std::string::npos)
      << e;
}

TEST(GuiDesktopRule, FiresOnANativeWindowProgram) {
  Application app = console_app();
  app.binaries[0].is_clr = false;
  app.binaries[0].subsystem = 2;
  app.binaries[0].imports.push_back({"USER32.dll", {"CreateWindowExW", "GetMessageW"}});
  auto e = joined(evidence_of("gui-desktop", app));
  EXPECT_NE(e.find("imports USER32.dll!CreateWindowExW"), std::string::npos) << e;
}

TEST(GuiDesktopRule, FiresOnAWinExeProjectWithForms) {
  Application app;
  ProjectFacts p;
  p.path = "Tool/Tool.csproj";
  p.output_type = "WinExe";
  p.references.push_back(test::rulefx::ref("System.Windows.Forms"));
  app.projects.push_back(p);
  app.source_hits.push_back(
      test::rulefx::hit(SourceCategory::kWinForms, "System.Windows.Forms", "Tool/MainForm.cs"));
  auto e = joined(evidence_of("gui-desktop", app));
  EXPECT_NE(e.find("<OutputType>WinExe</OutputType>"), std::string::npos) << e;
  EXPECT_NE(e.find("Tool/MainForm.cs:12: System.Windows.Forms"), std::string::npos) << e;
}

TEST(GuiInstallerRule, FiresOnSetupProgramsAndMsiOnly) {
  Application app = console_app();
  EXPECT_FALSE(fires("gui-installer", app));
  app.markers.push_back({MarkerCategory::kInstaller, "setup.exe", "setup program"});
  EXPECT_EQ(evidence_of("gui-installer", app), Evidence{"setup.exe: setup program"});
}

TEST(GuiApiRule, FiresOnSystemDrawingWithoutADesktop) {
  Application app = console_app();
  EXPECT_FALSE(fires("gui-api", app));
  app.binaries[0].assembly_refs.push_back(test::rulefx::ref("System.Drawing"));
  EXPECT_EQ(evidence_of("gui-api", app), Evidence{"Tool.exe: references System.Drawing 4.0.0.0"});
}

TEST(GuiApiRule, LeavesDesktopAppsToTheBlocker) {
  Application app = winforms_app();
  app.binaries[0].assembly_refs.push_back(test::rulefx::ref("System.Drawing"));
  EXPECT_FALSE(fires("gui-api", app));
}

TEST(RdpRule, FiresOnWtsApiImportsAndRdpFiles) {
  Application app = console_app();
  EXPECT_FALSE(fires("rdp", app));
  app.binaries[0].imports.push_back({"WTSAPI32.dll", {"WTSEnumerateSessionsW"}});
  EXPECT_EQ(evidence_of("rdp", app),
            Evidence{"Tool.exe: imports WTSAPI32.dll (WTSEnumerateSessionsW)"});
  Application files = console_app();
  files.markers.push_back({MarkerCategory::kRdpFile, "farm.rdp", "Remote Desktop connection file"});
  EXPECT_TRUE(fires("rdp", files));
}

}  // namespace
}  // namespace liftshift
