// Native COM servers the server had registered (plan/com_servers.cpp):
// regsvr32 /s, SysWOW64's for a 32-bit DLL, and /RegServer for a
// LocalServer32 program, after the copy and on the files in the image; every
// path a PowerShell literal, whatever its characters.
#include <gtest/gtest.h>

#include "emit/artifacts.hpp"
#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"
#include "plan/windows_facts.hpp"
#include "powershell_parser.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;

AppPlan plan_with(std::vector<ComRegistration> servers) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kClassicAsp, "");
  f.finding("com-registration");
  f.assessment.results.com_servers = std::move(servers);
  return plan_app(f.assessment, options());
}

TEST(PlanComServers, NativeServersAreRegisteredByTheirRegsvr32OrThemselves) {
  AppPlan p = plan_with({{"App/bin/Pricing.dll", "regsvr32", "", "InprocServer32 {A}", true},
                         {"App/bin/Tools.dll", "regsvr32", "", "InprocServer32 {B}", false},
                         {"App/bin/Reports.exe", "regserver", "", "LocalServer32 {C}", false}});
  ASSERT_EQ(p.post_copy_steps.size(), 3u);
  EXPECT_EQ(
      p.post_copy_steps[0].command,
      "$p = Start-Process -Wait -PassThru -FilePath 'C:\\Windows\\SysWOW64\\regsvr32.exe' "
      "-ArgumentList '/s', '\"C:\\inetpub\\wwwroot\\bin\\Pricing.dll\"'; if ($p.ExitCode) { throw "
      "('regsvr32.exe failed for C:\\inetpub\\wwwroot\\bin\\Pricing.dll with exit code ' + "
      "$p.ExitCode) }");
  EXPECT_NE(p.post_copy_steps[1].command.find(
                "-FilePath 'C:\\Windows\\System32\\regsvr32.exe' -ArgumentList '/s', "
                "'\"C:\\inetpub\\wwwroot\\bin\\Tools.dll\"'"),
            std::string::npos)
      << p.post_copy_steps[1].command;
  EXPECT_NE(p.post_copy_steps[2].command.find(
                "-FilePath 'C:\\inetpub\\wwwroot\\bin\\Reports.exe' -ArgumentList '/RegServer'"),
            std::string::npos)
      << p.post_copy_steps[2].command;
  EXPECT_EQ(p.post_copy_steps[0].comment,
            "Register Pricing.dll with regsvr32 (com-registration: InprocServer32 {A})");
  std::string d = render_dockerfile(p);
  auto run = d.find(
      "RUN $p = Start-Process -Wait -PassThru -FilePath 'C:\\Windows\\SysWOW64\\regsvr32.exe'");
  ASSERT_NE(run, std::string::npos) << d;
  EXPECT_LT(d.find("COPY app/"), run) << d;
}

// A ComVisible assembly by the RegAsm of the registry view the server had it
// in and of its runtime: Framework\ for the 32-bit view, Framework64\ else.
TEST(PlanComServers, AssembliesAreRegisteredByTheRegasmOfTheirView) {
  AppPlan p =
      plan_with({{"App/bin/Invoices.dll", "regasm", "v4.0.30319", "InprocServer32 {A}", true},
                 {"App/bin/Mail.dll", "regasm", "v2.0.50727", "InprocServer32 {B}", false}});
  ASSERT_EQ(p.post_copy_steps.size(), 2u);
  EXPECT_EQ(p.post_copy_steps[0].command,
            "& 'C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\RegAsm.exe' /nologo /codebase "
            "'C:\\inetpub\\wwwroot\\bin\\Invoices.dll'; if ($LASTEXITCODE) { throw 'regasm failed "
            "for C:\\inetpub\\wwwroot\\bin\\Invoices.dll' }");
  EXPECT_NE(p.post_copy_steps[1].command.find(
                "& 'C:\\Windows\\Microsoft.NET\\Framework64\\v2.0.50727\\RegAsm.exe' /nologo "
                "/codebase 'C:\\inetpub\\wwwroot\\bin\\Mail.dll'"),
            std::string::npos)
      << p.post_copy_steps[1].command;
}

// A quote of any kind in a file's name stays inside its literal: the step
// parses as the plain one does, with as many words.
TEST(PlanComServers, QuotesInTheFilesPathStayInsideTheLiteral) {
  LIFTSHIFT_REQUIRE_PWSH();
  auto commands = [](const std::string& name) {
    AppPlan p = plan_with({{"App/bin/" + name + ".dll", "regsvr32", "", "InprocServer32", true},
                           {"App/bin/" + name + ".exe", "regserver", "", "LocalServer32", false}});
    std::vector<std::string> out;
    for (const auto& s : p.post_copy_steps) out.push_back(s.command);
    return out;
  };
  auto plain = commands("Pricing");
  auto hostile = commands("it's \xE2\x80\x99; calc; $(calc) `\" #");
  ASSERT_EQ(plain.size(), 2u);
  ASSERT_EQ(hostile.size(), 2u);
  std::vector<std::string> all = plain;
  all.insert(all.end(), hostile.begin(), hostile.end());
  auto parsed = test::parse_powershell(all);
  ASSERT_TRUE(parsed);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_TRUE((*parsed)[i].errors.empty()) << plain[i];
    EXPECT_TRUE((*parsed)[i + 2].errors.empty()) << hostile[i];
    EXPECT_EQ((*parsed)[i + 2].statements, (*parsed)[i].statements) << hostile[i];
    EXPECT_EQ((*parsed)[i + 2].command_words, (*parsed)[i].command_words) << hostile[i];
  }
}

// A CLR 2.0 assembly's RegAsm comes with .NET Framework 3.5 only: the image
// enables NetFx3 (FACTS.md's command for its Windows version) before it registers.
TEST(PlanComServers, AClr2AssemblyGetsNetFx3BeforeItsRegistration) {
  AppPlan p =
      plan_with({{"App/bin/Mail.dll", "regasm", "v2.0.50727", "InprocServer32 {B}", false}});
  const BuildStep* netfx3_step = nullptr;
  for (const auto& s : p.steps) {
    if (s.command == netfx3_command(p.windows_version)) netfx3_step = &s;
  }
  ASSERT_NE(netfx3_step, nullptr);
  EXPECT_EQ(netfx3_step->comment,
            "Enable .NET Framework 3.5 (NetFx3): the CLR 2.0 RegAsm/RegSvcs registers Mail.dll "
            "(com-registration)");
  bool decided = false;
  for (const auto& d : p.decisions) decided = decided || d.topic == ".NET Framework 3.5";
  EXPECT_TRUE(decided);
  std::string d = render_dockerfile(p);
  auto netfx3 = d.find(netfx3_command(p.windows_version));
  auto regasm = d.find("v2.0.50727\\RegAsm.exe");
  ASSERT_NE(netfx3, std::string::npos) << d;
  ASSERT_NE(regasm, std::string::npos) << d;
  EXPECT_LT(netfx3, regasm) << d;

  AppPlan clr4 =
      plan_with({{"App/bin/Invoices.dll", "regasm", "v4.0.30319", "InprocServer32 {A}", true}});
  for (const auto& s : clr4.steps) EXPECT_EQ(s.command.find("NetFx3"), std::string::npos);
}

}  // namespace
}  // namespace liftshift
