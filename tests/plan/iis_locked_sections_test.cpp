// The sections a site's web.config sets that a fresh IIS locks: one step
// unlocks them after the features they need are installed, each named with
// the web.config element that needs it.
#include <gtest/gtest.h>

#include "emit/artifacts.hpp"
#include "formats/dotnet_config.hpp"
#include "formats/iis_config.hpp"
#include "plan/plan_fixture.hpp"
#include "plan/planner.hpp"
#include "powershell_parser.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

using test::AppFixture;
using test::options;
using test::step_index;
using test::step_with;

constexpr const char* kWebConfig = R"(<configuration>
  <system.web><authentication mode="Windows" /></system.web>
  <system.webServer>
    <security>
      <authentication>
        <anonymousAuthentication enabled="false" />
        <windowsAuthentication enabled="true" />
      </authentication>
      <ipSecurity allowUnlisted="false" />
    </security>
  </system.webServer>
  <location path="admin">
    <system.webServer>
      <security><authentication><basicAuthentication enabled="true" /></authentication></security>
    </system.webServer>
  </location>
</configuration>)";

ConfigFacts web_config(const char* text, const std::string& path = "App/web.config") {
  auto r = parse_dotnet_config(text, path);
  EXPECT_TRUE(r);
  return r ? *r : ConfigFacts{};
}

AppFixture site_with(const char* text) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config(text));
  f.finding("ad-dependent", Severity::kChange,
            {"App/web.config: system.webServer/security/authentication/windowsAuthentication "
             "enabled=\"true\""});
  f.assessment.results.identity.windows_authentication = true;
  return f;
}

const std::string kUnlockWindows =
    "& $env:windir\\System32\\inetsrv\\appcmd.exe unlock config "
    "-section:system.webServer/security/authentication/windowsAuthentication; if ($LASTEXITCODE "
    "-ne 0) { throw ('appcmd failed: ' + $LASTEXITCODE) }";

TEST(IisLockedSections, AFolderSiteUnlocksWhatItsWebConfigSetsAfterItsFeatures) {
  AppFixture f = site_with(kWebConfig);
  AppPlan p = plan_app(f.assessment, options());
  const BuildStep* features = step_with(p, "Install-WindowsFeature ");
  ASSERT_NE(features, nullptr);
  EXPECT_EQ(features->command,
            "Install-WindowsFeature Web-Basic-Auth, Web-IP-Security, Web-Windows-Auth");
  EXPECT_NE(features->comment.find(
                "Web-Windows-Auth for App/web.config <windowsAuthentication enabled=\"true\">"),
            std::string::npos)
      << features->comment;
  EXPECT_NE(features->comment.find("Web-Basic-Auth for App/web.config <location path=\"admin\"> "
                                   "<basicAuthentication enabled=\"true\">"),
            std::string::npos)
      << features->comment;
  const BuildStep* unlock = step_with(p, "unlock config");
  ASSERT_NE(unlock, nullptr);
  EXPECT_EQ(unlock->command,
            "& $env:windir\\System32\\inetsrv\\appcmd.exe unlock config "
            "-section:system.webServer/security/authentication/anonymousAuthentication; if "
            "($LASTEXITCODE -ne 0) { throw ('appcmd failed: ' + $LASTEXITCODE) }; " +
                kUnlockWindows +
                "; & $env:windir\\System32\\inetsrv\\appcmd.exe unlock config "
                "-section:system.webServer/security/ipSecurity; if ($LASTEXITCODE -ne 0) { throw "
                "('appcmd failed: ' + $LASTEXITCODE) }; & "
                "$env:windir\\System32\\inetsrv\\appcmd.exe unlock config "
                "-section:system.webServer/security/authentication/basicAuthentication; if "
                "($LASTEXITCODE -ne 0) { throw ('appcmd failed: ' + $LASTEXITCODE) }");
  EXPECT_NE(unlock->comment.find("HTTP 500.19"), std::string::npos) << unlock->comment;
  EXPECT_NE(unlock->comment.find("App/web.config <anonymousAuthentication enabled=\"false\">"),
            std::string::npos)
      << unlock->comment;
  EXPECT_LT(step_index(p, "Install-WindowsFeature"), step_index(p, "unlock config"))
      << "the feature before its section is configured";
  ASSERT_TRUE(test::has_decision(p, "IIS section locks"));
  // The web.config enables Windows authentication itself: not server-wide again.
  EXPECT_EQ(step_with(p, "-PSPath 'IIS:\\'"), nullptr);
  // Anonymous off at the site's root: a probe of its pages would get 401.
  EXPECT_EQ(p.health.readiness.path, "/health.htm");
  // The Dockerfile's RUN lines, which PowerShell parses.
  const std::string d = render_dockerfile(p);
  EXPECT_NE(d.find("RUN Install-WindowsFeature Web-Basic-Auth, Web-IP-Security, "
                   "Web-Windows-Auth\n"),
            std::string::npos)
      << d;
  EXPECT_NE(d.find("RUN " + unlock->command + "\n"), std::string::npos) << d;
  EXPECT_LT(d.find("RUN Install-WindowsFeature"), d.find("unlock config")) << d;
  if (!test::find_pwsh().empty()) {
    auto parsed = test::parse_powershell({unlock->command});
    ASSERT_TRUE(parsed);
    EXPECT_TRUE((*parsed)[0].errors.empty()) << unlock->command;
  }
}

TEST(IisLockedSections, AServerSiteUnlocksItsWebConfigsSectionsToo) {
  AppFixture f = site_with(
      "<configuration><system.webServer><security><authentication>"
      "<windowsAuthentication enabled=\"true\" /></authentication></security>"
      "</system.webServer></configuration>");
  auto text = test::read_text(test::source_dir() / "tests/data/formats/iis/applicationHost.config");
  auto server = parse_iis_config(text, "applicationHost.config");
  ASSERT_TRUE(server.ok());
  for (const auto& a : server->apps) {
    if (a.site == "Shop" && a.app_path == "/") f.app().iis = a;
  }
  ASSERT_TRUE(f.app().iis);
  AppPlan p = plan_app(f.assessment, options());
  const BuildStep* unlock = step_with(p, "unlock config");
  ASSERT_NE(unlock, nullptr);
  EXPECT_EQ(unlock->command, kUnlockWindows);
  // applicationHost.config's own settings are set at server level: no unlock for them.
  EXPECT_EQ(unlock->command.find("basicAuthentication"), std::string::npos);
  EXPECT_LT(step_index(p, "unlock config"), step_index(p, "-Location 'Shop' -Filter"));
  const BuildStep* features = step_with(p, "Install-WindowsFeature ");
  ASSERT_NE(features, nullptr);
  EXPECT_NE(features->comment.find("Web-Windows-Auth for App/web.config"), std::string::npos)
      << features->comment;
}

TEST(IisLockedSections, NothingLockedNothingUnlocked) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(web_config(
      "<configuration><system.webServer><security><requestFiltering />"
      "<authorization><add accessType=\"Allow\" users=\"*\" /></authorization></security>"
      "<handlers><add name=\"x\" path=\"*.x\" verb=\"*\" type=\"X\" /></handlers>"
      "</system.webServer></configuration>"));
  // A transform's sections are the release build's edits, not a file IIS reads.
  ConfigFacts transform = web_config(kWebConfig, "App/Web.Release.config");
  transform.transform_of = "App/web.config";
  f.app().configs.push_back(transform);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(step_with(p, "unlock config"), nullptr);
  EXPECT_FALSE(test::has_decision(p, "IIS section locks"));
  EXPECT_EQ(p.health.readiness.path, "/");
}

TEST(IisLockedSections, ASubfolderTurningAnonymousOffKeepsTheSitesReadiness) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().configs.push_back(
      web_config("<configuration><system.webServer><security><authentication>"
                 "<anonymousAuthentication enabled=\"false\" /></authentication></security>"
                 "</system.webServer></configuration>",
                 "App/admin/web.config"));
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_NE(step_with(p, "anonymousAuthentication; if"), nullptr);
  EXPECT_EQ(p.health.readiness.path, "/");
}

}  // namespace
}  // namespace liftshift
