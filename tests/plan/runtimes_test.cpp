// The Visual C++ runtimes the vc-runtime rule found become installs from the
// build context's installers/ (plan/runtimes.cpp), which the Dockerfile runs.
#include <gtest/gtest.h>

#include "emit/artifacts.hpp"
#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

AppFixture native_service() {
  AppFixture f(AppKind::kService, FrameworkKind::kNative, "");
  f.finding("vc-runtime", Severity::kChange, {"App/App.exe: imports MSVCR120.dll"});
  f.assessment.results.vc_runtimes.push_back(
      {"2013", "x64", "vcredist_x64.exe", "/install /quiet /norestart", {"MSVCR120.dll"}, {}});
  return f;
}

TEST(PlanRuntimes, EachRedistributableIsAnInstallWithItsVersionAndArchitecture) {
  AppFixture f = native_service();
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.installs.size(), 1u);
  EXPECT_EQ(p.installs[0].name, "Visual C++ 2013 Redistributable (x64)");
  EXPECT_EQ(p.installs[0].file, "vcredist_x64.exe");
  EXPECT_EQ(p.installs[0].arguments, "/install /quiet /norestart");
  EXPECT_NE(p.installs[0].reason.find("MSVCR120.dll"), std::string::npos);
  EXPECT_TRUE(test::has_decision(p, "Visual C++ runtime"));
  bool covered = false;
  for (const auto& f2 : p.to_fix) {
    if (f2.finding.rule == "vc-runtime")
      covered = f2.covered.find("installers/vcredist_x64.exe") != std::string::npos;
  }
  EXPECT_TRUE(covered);
}

// A source tree's native project: no import to name, the project settings that need it.
TEST(PlanRuntimes, AProjectsRuntimeSaysWhichSettingsNeedIt) {
  AppFixture f(AppKind::kService, FrameworkKind::kNative, "");
  f.finding("vc-runtime");
  f.assessment.results.vc_runtimes.push_back(
      {"2013",
       "x86",
       "vcredist_x86.exe",
       "/install /quiet /norestart",
       {},
       {"src/QuoteLib/QuoteLib.vcxproj: PlatformToolset v120, RuntimeLibrary MultiThreadedDLL"}});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.installs.size(), 1u);
  EXPECT_EQ(p.installs[0].reason,
            "vc-runtime finding: src/QuoteLib/QuoteLib.vcxproj: PlatformToolset v120, "
            "RuntimeLibrary MultiThreadedDLL: the program is built against the Visual C++ runtime "
            "DLLs, which Windows does not carry");
}

TEST(PlanRuntimes, TheDockerfileRunsTheInstallerFromTheContextAndChecksItsExitCode) {
  AppFixture f = native_service();
  AppPlan p = plan_app(f.assessment, options());
  std::string d = render_dockerfile(p);
  EXPECT_NE(d.find("\nCOPY installers/ C:/installers/\n"), std::string::npos) << d;
  EXPECT_NE(d.find("Start-Process -Wait -PassThru -FilePath 'C:\\installers\\vcredist_x64.exe' "
                   "-ArgumentList '/install','/quiet','/norestart'"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("-notin 0, 3010"), std::string::npos) << d;
  EXPECT_NE(d.find("installers/vcredist_x64.exe is missing"), std::string::npos) << d;
  // Installed before the application is copied.
  EXPECT_LT(d.find("COPY installers/"), d.find("COPY app/"));
  std::vector<Artifact> files = render_artifacts(p);
  bool readme = false;
  for (const auto& a : files) {
    if (a.path == "installers/README.md") {
      readme = true;
      EXPECT_NE(a.content.find("`vcredist_x64.exe`"), std::string::npos) << a.content;
    }
  }
  EXPECT_TRUE(readme);
}

TEST(PlanRuntimes, NoRuntimeNoInstallers) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNative, "");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_TRUE(p.installs.empty());
  EXPECT_EQ(render_dockerfile(p).find("installers"), std::string::npos);
}

// A .NET program with native parts that need the runtime is not planned on
// Nano Server, where the installer cannot run.
TEST(PlanRuntimes, ADotnetAppThatNeedsARuntimeIsPlannedOnServerCore) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kDotnet, "8.0");
  f.finding("vc-runtime");
  f.assessment.results.vc_runtimes.push_back({"2015-2022",
                                              "x64",
                                              "vc_redist.x64.exe",
                                              "/install /quiet /norestart",
                                              {"MSVCP140.dll"},
                                              {}});
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_FALSE(p.nano_server);
  EXPECT_NE(p.base_tag.find("windowsservercore"), std::string::npos) << p.base_tag;
}

// COM servers are registered after the application is copied (plan/com_servers.cpp).
TEST(PlanComServers, RegsvcsAndRegasmRunAfterTheCopyOnTheFilesInTheImage) {
  AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  f.finding("com-registration");
  f.assessment.results.com_servers.push_back(
      {"App/ServicedLedger.dll", "regsvcs", "v4.0.30319", "serviced components Posting"});
  f.assessment.results.com_servers.push_back(
      {"App/lib/ComVisibleLib.dll", "regasm", "v2.0.50727", "[ComVisible(true)] Rate"});
  AppPlan p = plan_app(f.assessment, options());
  ASSERT_EQ(p.post_copy_steps.size(), 2u);
  EXPECT_EQ(p.post_copy_steps[0].command,
            "& 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\RegSvcs.exe' /nologo "
            "'C:\\app\\ServicedLedger.dll'; if ($LASTEXITCODE) { throw 'regsvcs failed for "
            "C:\\app\\ServicedLedger.dll' }");
  EXPECT_NE(p.post_copy_steps[1].command.find(
                "v2.0.50727\\RegAsm.exe' /nologo /codebase 'C:\\app\\lib\\ComVisibleLib.dll'"),
            std::string::npos)
      << p.post_copy_steps[1].command;
  EXPECT_TRUE(test::has_decision(p, "COM registration"));
  std::string d = render_dockerfile(p);
  EXPECT_LT(d.find("COPY app/"), d.find("RegSvcs.exe")) << d;
}

}  // namespace
}  // namespace liftshift
