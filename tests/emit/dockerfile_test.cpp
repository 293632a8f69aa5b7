#include <gtest/gtest.h>

#include <map>

#include "artifact_check.hpp"
#include "emit/artifacts.hpp"
#include "emit/emit_fixture.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using test::options;

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST(Dockerfile, IisWithLogMonitorUsesTheShellForm) {
  auto f = test::web_app();
  std::string d = render_dockerfile(plan_app(f.assessment, options()));
  EXPECT_TRUE(d.rfind("# escape=`\n", 0) == 0);
  EXPECT_TRUE(has_line(
      d, "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022"))
      << d;
  EXPECT_TRUE(has_line(d, R"(SHELL ["C:\\LogMonitor\\LogMonitor.exe", "powershell.exe"])")) << d;
  EXPECT_TRUE(has_line(d, "ENTRYPOINT C:\\ServiceMonitor.exe w3svc")) << d;
  EXPECT_EQ(d.find("ENTRYPOINT ["), std::string::npos) << "exec form would bypass Log Monitor";
  EXPECT_TRUE(has_line(d, "COPY app/ ."));
  EXPECT_TRUE(has_line(d, "EXPOSE 80"));
  EXPECT_TRUE(has_line(d, "USER ContainerAdministrator"));
  EXPECT_NE(d.find("Web-Windows-Auth"), std::string::npos)
      << "Windows authentication needs the IIS feature";
  EXPECT_EQ(d.find("Select-String"), std::string::npos)
      << "no password guard: the rewritten config in the context holds no secret";
  EXPECT_EQ(d.find("ServiceMonitor.exe C:/"), std::string::npos)
      << "the aspnet image carries ServiceMonitor";
}

TEST(Dockerfile, ConsoleWithoutLogMonitorUsesTheExecForm) {
  test::AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  std::string d = render_dockerfile(plan_app(f.assessment, options()));
  EXPECT_TRUE(has_line(d, R"(ENTRYPOINT ["C:\\app\\App.exe"])")) << d;
  EXPECT_TRUE(has_line(d, "USER ContainerUser"));
  EXPECT_EQ(d.find("LogMonitor"), std::string::npos);
}

TEST(Dockerfile, ServiceDownloadsThePinnedServiceMonitor) {
  test::AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.finding("background-service").finding("event-log");
  std::string d = render_dockerfile(plan_app(f.assessment, options()));
  EXPECT_NE(d.find("ADD "
                   "https://github.com/microsoft/IIS.ServiceMonitor/releases/download/v2.0.1.10/"
                   "ServiceMonitor.exe"),
            std::string::npos);
  EXPECT_TRUE(has_line(d, R"(SHELL ["C:\\LogMonitor\\LogMonitor.exe", "cmd", "/S", "/C"])")) << d;
  EXPECT_TRUE(has_line(d, "ENTRYPOINT C:\\ServiceMonitor.exe App")) << d;
}

TEST(Dockerfile, SourceTreeBuildsInAnSdkStage) {
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.7.2");
  f.app().binaries.clear();
  ProjectFacts p;
  p.path = "App/App.csproj";
  p.assembly_name = "App";
  f.app().projects.push_back(p);
  f.app().entry = "App/App.csproj";
  std::string d = render_dockerfile(plan_app(f.assessment, options(WindowsVersion::kLtsc2019)));
  EXPECT_TRUE(has_line(
      d, "FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019 AS build"))
      << d;
  EXPECT_TRUE(has_line(d, "RUN nuget restore App\\App.csproj -SolutionDirectory C:\\src"));
  EXPECT_NE(d.find("RUN msbuild App\\App.csproj /p:Configuration=Release /p:DeployOnBuild=true"),
            std::string::npos);
  EXPECT_TRUE(has_line(d, "COPY --from=build C:/out/ ."));
}

// A project under a folder with a space (seen in real projects: "Portal
// aukcyjny\...") is one argument of nuget and msbuild, not two.
TEST(Dockerfile, BuildCommandsQuoteAProjectPathWithSpaces) {
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.7.2");
  f.app().binaries.clear();
  ProjectFacts p;
  p.path = "Portal aukcyjny/Portal aukcyjny.csproj";
  p.assembly_name = "Portal";
  f.app().projects.push_back(p);
  f.app().entry = p.path;
  std::string d = render_dockerfile(plan_app(f.assessment, options()));
  EXPECT_TRUE(has_line(
      d, "RUN nuget restore 'Portal aukcyjny\\Portal aukcyjny.csproj' -SolutionDirectory C:\\src"))
      << d;
  EXPECT_NE(
      d.find("RUN msbuild 'Portal aukcyjny\\Portal aukcyjny.csproj' /p:Configuration=Release"),
      std::string::npos)
      << d;
  test::TempDir out;
  out.write("app/Dockerfile", d);
  out.write("app/LogMonitorConfig.json", "{}");
  auto report = test::check_artifacts(out.path(), {{}, {"Portal aukcyjny"}});
  LIFTSHIFT_EXPECT_ARTIFACTS_OK(report);
  // nuget, restore, the project, -SolutionDirectory, C:\src: five words.
  bool found = false;
  for (std::size_t i = 0; i < report.parses.size(); ++i) {
    if (report.snippets[i].text.rfind("nuget restore", 0) != 0) continue;
    found = true;
    EXPECT_EQ(report.parses[i].command_words, std::vector<int>{5}) << report.snippets[i].text;
  }
  EXPECT_TRUE(found) << d;
}

// A project of a solution: the solution is restored and built (packages in its
// packages folder, $(SolutionDir) set), then the project; a solution path with
// spaces stays one argument, and a multi-target project builds its .NET
// Framework target only.
TEST(Dockerfile, ASolutionIsRestoredAndBuiltThenTheProject) {
  test::AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().binaries.clear();
  ProjectFacts p;
  p.path = "Shop Site/Web/Web.csproj";
  p.assembly_name = "Web";
  p.target_frameworks = {"netstandard2.0", "net472", "net48", "net8.0"};
  f.app().projects.push_back(p);
  f.app().entry = p.path;
  f.app().solution = "Shop Site/Shop Site.sln";
  AppPlan plan = plan_app(f.assessment, options());
  EXPECT_EQ(plan.build.target_framework, "net48");
  std::string d = render_dockerfile(plan);
  EXPECT_TRUE(has_line(d, "RUN nuget restore 'Shop Site\\Shop Site.sln'")) << d;
  EXPECT_TRUE(has_line(d, "RUN msbuild 'Shop Site\\Shop Site.sln' /p:Configuration=Release")) << d;
  EXPECT_NE(d.find("RUN $env:SolutionDir = 'C:\\src\\Shop Site\\'; msbuild 'Shop "
                   "Site\\Web\\Web.csproj' /p:TargetFramework=net48 /p:Configuration=Release "
                   "/p:DeployOnBuild=true"),
            std::string::npos)
      << d;
  EXPECT_EQ(d.find("-SolutionDirectory"), std::string::npos) << "the solution decides it";
  // The target framework is editable in plan.yaml: a hostile value is quoted
  // as one argument like the others.
  plan.build.target_framework = "net48 /t:Clean; calc";
  std::string edited = render_dockerfile(plan);
  EXPECT_NE(edited.find("Site\\Web\\Web.csproj' '/p:TargetFramework=net48 /t:Clean; calc' "
                        "/p:Configuration=Release"),
            std::string::npos)
      << edited;
  test::TempDir out;
  out.write("app/Dockerfile", d);
  out.write("app/LogMonitorConfig.json", "{}");
  auto report = test::check_artifacts(out.path(), {{}, {"Shop Site"}});
  LIFTSHIFT_EXPECT_ARTIFACTS_OK(report);
  // nuget restore SLN: three words; msbuild SLN /p:..: three; the project step
  // is two statements (the variable, then msbuild with its seven arguments).
  std::map<std::string, std::vector<int>> words;
  for (std::size_t i = 0; i < report.parses.size(); ++i)
    words[report.snippets[i].text.substr(0, 13)] = report.parses[i].command_words;
  EXPECT_EQ(words["nuget restore"], std::vector<int>{3});
  EXPECT_EQ(words["msbuild 'Shop"], std::vector<int>{3});
}

TEST(Dockerfile, AConsoleProjectIsBuiltIntoItsOutputFolderNotPublished) {
  test::AppFixture f(AppKind::kService, FrameworkKind::kNetFx, "4.8");
  f.app().binaries.clear();
  ProjectFacts p;
  p.path = "Svc/Svc.csproj";
  p.assembly_name = "Svc";
  p.output_type = "Exe";
  f.app().projects.push_back(p);
  f.app().entry = p.path;
  f.app().solution = "All.sln";
  std::string d = render_dockerfile(plan_app(f.assessment, options()));
  EXPECT_TRUE(has_line(d,
                       "RUN $env:SolutionDir = 'C:\\src\\'; msbuild Svc\\Svc.csproj "
                       "/p:Configuration=Release /p:OutDir=C:\\out\\"))
      << d;
  EXPECT_EQ(d.find("WebPublish"), std::string::npos) << d;
}

TEST(Dockerfile, NetFx35GetsAFallbackDockerfileWithNetFx3) {
  test::AppFixture f(AppKind::kConsole, FrameworkKind::kNetFx, "3.5");
  AppPlan p = plan_app(f.assessment, options(WindowsVersion::kLtsc2022));
  std::string alt = render_dockerfile_netfx3(p);
  EXPECT_TRUE(has_line(alt, "FROM mcr.microsoft.com/windows/servercore:ltsc2022")) << alt;
  EXPECT_TRUE(has_line(alt, "RUN dism /Online /Add-Capability /CapabilityName:NetFx3"));
  test::AppFixture modern(AppKind::kConsole, FrameworkKind::kNetFx, "4.8");
  EXPECT_TRUE(render_dockerfile_netfx3(plan_app(modern.assessment, options())).empty());
  // A plan step that repeats the fallback's own (NetFx3 for a CLR 2.0
  // registration) runs once there, and stays in the main Dockerfile.
  p.steps.push_back(
      {"Enable .NET Framework 3.5 (NetFx3): a registration", p.fallback_steps[0].command});
  alt = render_dockerfile_netfx3(p);
  std::size_t runs = 0;
  for (std::size_t at = alt.find("RUN dism /Online /Add-Capability"); at != std::string::npos;
       at = alt.find("RUN dism /Online /Add-Capability", at + 1))
    ++runs;
  EXPECT_EQ(runs, 1u) << alt;
  EXPECT_NE(render_dockerfile(p).find("RUN dism /Online /Add-Capability"), std::string::npos);
}

TEST(Dockerfile, DockerignoreKeepsCertificatesAndGeneratedFilesOut) {
  auto f = test::web_app();
  std::string ignore = render_dockerignore(plan_app(f.assessment, options()));
  for (const char* line : {"**/*.pfx", "k8s/", "compose.yaml", "secrets/", "**/*.pdb"}) {
    EXPECT_TRUE(has_line(ignore, line)) << line;
  }
}

}  // namespace
}  // namespace liftshift
