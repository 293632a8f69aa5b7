// The IIS site recreated in the image as it was on the server: pool, site,
// ports, nested applications, virtual directories, authentication, features,
// ServiceMonitor's pool and the health checks.
#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "emit/artifacts.hpp"
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

IisInfo fixture_app(const std::string& site, const std::string& path) {
  auto text = test::read_text(test::source_dir() / "tests/data/formats/iis/applicationHost.config");
  auto r = parse_iis_config(text, "applicationHost.config");
  EXPECT_TRUE(r.ok());
  for (const auto& a : r->apps) {
    if (a.site == site && a.app_path == path) return a;
  }
  ADD_FAILURE() << site << path << " not in the fixture";
  return {};
}

AppPlan plan_for(IisInfo iis) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  f.app().iis = std::move(iis);
  return plan_app(f.assessment, options());
}

std::string all_warnings(const AppPlan& p) {
  std::string out;
  for (const auto& w : p.warnings) out += w + "\n";
  return out;
}

TEST(IisSite, SiteIsRecreatedByNameWithItsPoolPortsAndServiceMonitor) {
  AppPlan p = plan_for(fixture_app("Shop", "/"));
  EXPECT_EQ(p.entry_args, "w3svc Shop") << "ServiceMonitor watches the site's own pool";
  const BuildStep* site = step_with(p, "New-Website -Name 'Shop'");
  ASSERT_NE(site, nullptr);
  EXPECT_NE(site->command.find("Remove-Website -Name 'Default Web Site'"), std::string::npos);
  EXPECT_NE(site->command.find("New-Website -Name 'Shop' -Id 7 -PhysicalPath "
                               "'C:\\inetpub\\wwwroot' -ApplicationPool 'Shop' -Port 8080"),
            std::string::npos)
      << site->command;
  EXPECT_NE(site->command.find("New-WebBinding -Name 'Shop' -Protocol http -Port 8081"),
            std::string::npos);
  EXPECT_EQ(site->command.find("443"), std::string::npos) << "https ends at the ingress";
  std::vector<int> ports;
  for (const auto& port : p.ports) ports.push_back(port.port);
  EXPECT_EQ(ports, (std::vector<int>{8080, 8081, 808}));
  // One decision over them all, so an edit of any shows (plan_file_check.cpp).
  for (const auto& d : p.decisions) {
    if (d.topic != "ports") continue;
    EXPECT_EQ(d.choice, "8080, 8081, 808");
    EXPECT_NE(d.reason.find("808 for WCF net.tcp"), std::string::npos) << d.reason;
  }
  EXPECT_TRUE(test::has_decision(p, "ports"));
  EXPECT_TRUE(test::has_decision(p, "IIS site"));
  EXPECT_TRUE(test::has_decision(p, "https binding"));
  EXPECT_EQ(all_warnings(p).find("DefaultAppPool"), std::string::npos) << all_warnings(p);
  // The domain identity becomes ApplicationPoolIdentity; the gMSA answers on the network.
  const BuildStep* pool = step_with(p, "New-WebAppPool -Name 'Shop'");
  ASSERT_NE(pool, nullptr);
  EXPECT_NE(pool->command.find("processModel.identityType -Value 'ApplicationPoolIdentity'"),
            std::string::npos);
  EXPECT_NE(pool->command.find("managedRuntimeVersion -Value 'v4.0'"), std::string::npos);
  EXPECT_NE(pool->command.find("enable32BitAppOnWin64 -Value $false"), std::string::npos);
  EXPECT_TRUE(test::has_decision(p, "pool identity"));
  EXPECT_LT(step_index(p, "New-WebAppPool -Name 'Shop'"),
            step_index(p, "New-Website -Name 'Shop'"));
  // Virtual directory on E: at the same folder on C:, in the site by its name.
  EXPECT_NE(step_with(p,
                      "add vdir '/app.name:Shop/' '/path:/images' "
                      "'/physicalPath:C:\\Media\\Images'"),
            nullptr);
  // net.tcp as on the server.
  EXPECT_NE(step_with(p, "bindingInformation='808:*'"), nullptr);
  // docker hands a RUN line to PowerShell with its double quotes stripped: none is used.
  for (const auto& s : p.steps) EXPECT_EQ(s.command.find('"'), std::string::npos) << s.command;
}

TEST(IisSite, NestedApplicationsInTheFolderKeepTheirPools) {
  AppPlan p = plan_for(fixture_app("Shop", "/"));
  EXPECT_NE(step_with(p,
                      "add app '/site.name:Shop' '/path:/legacy' "
                      "'/physicalPath:C:\\inetpub\\wwwroot\\legacy' '/applicationPool:ShopLegacy'"),
            nullptr);
  EXPECT_NE(step_with(p,
                      "'/path:/legacy/static' '/physicalPath:C:\\inetpub\\wwwroot\\legacy\\static' "
                      "'/applicationPool:Static'"),
            nullptr);
  // v2.0 Classic 32-bit: v2.0 where the image has the CLR 2.0 (Dockerfile.netfx3).
  const BuildStep* legacy = step_with(p, "New-WebAppPool -Name 'ShopLegacy'");
  ASSERT_NE(legacy, nullptr);
  EXPECT_NE(legacy->command.find("v2.0.50727\\mscorwks.dll')) { 'v2.0' } else { 'v4.0' }"),
            std::string::npos)
      << legacy->command;
  EXPECT_NE(legacy->command.find("managedPipelineMode -Value 'Classic'"), std::string::npos);
  EXPECT_NE(legacy->command.find("enable32BitAppOnWin64 -Value $true"), std::string::npos);
  const BuildStep* statics = step_with(p, "New-WebAppPool -Name 'Static'");
  ASSERT_NE(statics, nullptr);
  EXPECT_NE(statics->command.find("managedRuntimeVersion -Value ''"), std::string::npos)
      << "no managed code";
  EXPECT_NE(statics->command.find("processModel.identityType -Value 'NetworkService'"),
            std::string::npos);
  // /reports lives elsewhere: it is its own application.
  EXPECT_NE(all_warnings(p).find("IIS application /reports of site 'Shop' is served from "
                                 "C:\\Sites\\Reports, outside this application's folder"),
            std::string::npos)
      << all_warnings(p);
  EXPECT_EQ(step_with(p, "'/path:/reports'"), nullptr);
}

TEST(IisSite, FeaturesAuthenticationAndModuleInstallers) {
  AppPlan p = plan_for(fixture_app("Shop", "/"));
  const BuildStep* features = step_with(p, "Install-WindowsFeature ");
  ASSERT_NE(features, nullptr);
  EXPECT_EQ(features->command,
            "Install-WindowsFeature Web-ASP, Web-Basic-Auth, Web-WebSockets, Web-Windows-Auth");
  EXPECT_LT(step_index(p, "Install-WindowsFeature"), step_index(p, "New-WebAppPool"))
      << "features before anything configures them";
  const BuildStep* shop_auth = step_with(p, "-Location 'Shop' -Filter");
  ASSERT_NE(shop_auth, nullptr);
  EXPECT_NE(shop_auth->command.find("-Location 'Shop' -Filter "
                                    "'system.webServer/security/authentication/"
                                    "windowsAuthentication' -Name enabled -Value $true"),
            std::string::npos);
  EXPECT_NE(step_with(p,
                      "-Location 'Shop/legacy' -Filter "
                      "'system.webServer/security/authentication/basicAuthentication' -Name "
                      "enabled -Value $true"),
            nullptr);
  EXPECT_EQ(step_with(p, "-PSPath 'IIS:\\'"), nullptr) << "scoped to the site, not the server";
  // URL Rewrite and ARR from the MSIs the user supplies, URL Rewrite first.
  const BuildStep* rewrite = step_with(p, "C:\\liftshift\\url-rewrite");
  const BuildStep* arr = step_with(p, "C:\\liftshift\\arr");
  ASSERT_NE(rewrite, nullptr);
  ASSERT_NE(arr, nullptr);
  EXPECT_NE(rewrite->supplied_what.find("rewrite_amd64_en-US.msi"), std::string::npos);
  EXPECT_NE(arr->supplied_what.find("requestRouter_amd64.msi"), std::string::npos);
  EXPECT_LT(step_index(p, "C:\\liftshift\\url-rewrite"), step_index(p, "C:\\liftshift\\arr"));
  EXPECT_TRUE(test::has_decision(p, "IIS features"));
}

TEST(IisSite, ReadinessOnTheSiteLivenessOnThePoolsHealthPage) {
  AppPlan p = plan_for(fixture_app("Shop", "/"));
  ASSERT_TRUE(p.health.used);
  EXPECT_EQ(p.health.readiness.path, "/");
  EXPECT_EQ(p.health.readiness.port, 8080);
  EXPECT_EQ(p.health.liveness.path, "/health.htm");
  EXPECT_EQ(p.health.liveness.port, 8099);
  const BuildStep* health = step_with(p, "New-Website -Name 'liftshift-health'");
  ASSERT_NE(health, nullptr);
  EXPECT_NE(health->command.find("-ApplicationPool 'Shop' -Port 8099"), std::string::npos)
      << "served by the site's pool: liveness fails when that worker process can't serve";
  EXPECT_TRUE(test::has_decision(p, "health checks"));
}

TEST(IisSite, HttpsOnlySiteWithoutAnonymousServesHttpOn80AndProbesTheHealthPage) {
  AppPlan p = plan_for(fixture_app("Secure", "/"));
  ASSERT_EQ(p.ports.size(), 1u);
  EXPECT_EQ(p.ports[0].port, 80);
  EXPECT_EQ(p.entry_args, "w3svc Static");
  EXPECT_EQ(p.health.readiness.path, "/health.htm") << "the site answers 401 to anonymous GETs";
  EXPECT_NE(all_warnings(p).find("gets 401"), std::string::npos);
  EXPECT_NE(step_with(p,
                      "-Location 'Secure' -Filter "
                      "'system.webServer/security/authentication/anonymousAuthentication' "
                      "-Name enabled -Value $false"),
            nullptr);
}

// A site root and a nested folder written with %SystemDrive%, in another
// case and with a dot segment: the part below the root is cut from the
// resolved path, not with the resolved root's length from the raw one.
TEST(IisSite, NestedFolderBelowASystemDriveRootKeepsItsWholeName) {
  IisInfo iis = fixture_app("Shop", "/");
  iis.physical_path = "%SystemDrive%\\inetpub\\shop\\";
  ASSERT_FALSE(iis.nested_apps.empty());
  iis.nested_apps.resize(1);
  iis.nested_apps[0].physical_path = "%SYSTEMDRIVE%\\INETPUB\\Shop\\Api\\.\\V2\\";
  iis.nested_apps[0].virtual_dirs.clear();
  AppPlan p = plan_for(iis);
  const BuildStep* api = step_with(p, "'/path:" + iis.nested_apps[0].app_path + "'");
  ASSERT_NE(api, nullptr) << all_warnings(p);
  EXPECT_NE(api->command.find("'/physicalPath:C:\\inetpub\\wwwroot\\Api\\V2'"), std::string::npos)
      << api->command;
}

// A WCF site with a net.tcp binding on its own port: that port is the one
// named net-tcp; net.tcp's default 808 is not added under the same name
// (Kubernetes refuses two ports of one name).
TEST(IisSite, NetTcpBindingPortIsTheOnlyNetTcpPort) {
  AppFixture f(AppKind::kWcf, FrameworkKind::kNetFx, "4.8");
  IisInfo iis = fixture_app("Shop", "/");
  iis.nested_apps.clear();
  std::erase_if(iis.bindings, [](const IisBinding& b) { return b.protocol == "net.tcp"; });
  iis.bindings.push_back({"net.tcp", "", 8808, "", ""});
  f.app().iis = iis;
  ConfigFacts config;
  config.path = "web.config";
  BindingFacts tcp;
  tcp.type = "netTcpBinding";
  config.bindings.push_back(tcp);
  f.app().configs.push_back(config);
  AppPlan p = plan_app(f.assessment, options());
  std::vector<int> tcp_ports;
  std::set<std::string> names;
  for (const auto& port : p.ports) {
    EXPECT_TRUE(names.insert(port.name).second) << "two ports named " << port.name;
    if (port.name == "net-tcp") tcp_ports.push_back(port.port);
  }
  EXPECT_EQ(tcp_ports, std::vector<int>{8808});
}

TEST(IisSite, NestedApplicationPlannedOnItsOwnKeepsItsPath) {
  AppPlan p = plan_for(fixture_app("Shop", "/reports"));
  EXPECT_EQ(p.url_path, "/reports");
  EXPECT_EQ(p.health.readiness.path, "/reports/");
  EXPECT_EQ(p.entry_args, "w3svc Reports");
  EXPECT_NE(step_with(p,
                      "add app '/site.name:Shop' '/path:/reports' "
                      "'/physicalPath:C:\\inetpub\\wwwroot' '/applicationPool:Reports'"),
            nullptr);
  EXPECT_NE(step_with(p,
                      "-PhysicalPath 'C:\\inetpub\\sites\\Shop' -ApplicationPool "
                      "'DefaultAppPool'"),
            nullptr)
      << "the site's root is an empty folder";
  EXPECT_NE(all_warnings(p).find("ran as the local account .\\reportuser"), std::string::npos)
      << all_warnings(p);
}

TEST(IisSite, NestedApplicationInsideItsParentSaysBothImagesHoldIt) {
  AppPlan p = plan_for(fixture_app("Shop", "/legacy"));
  EXPECT_NE(all_warnings(p).find("IIS application /legacy lives in the folder of Shop, whose image "
                                 "recreates it too"),
            std::string::npos)
      << all_warnings(p);
  AppPlan reports = plan_for(fixture_app("Shop", "/reports"));
  EXPECT_EQ(all_warnings(reports).find("lives in the folder of"), std::string::npos);
}

TEST(IisSite, HostileNamesStayInsideLiterals) {
  IisInfo iis = fixture_app("Shop", "/");
  iis.site = "Shop'; Remove-Item -Recurse C:\\ #\xE2\x80\x99x";
  iis.app_pool = "P$(calc) `x";
  iis.nested_apps.clear();
  AppPlan p = plan_for(iis);
  const BuildStep* site = step_with(p, "New-Website -Name 'Shop''; Remove-Item");
  ASSERT_NE(site, nullptr);
  EXPECT_NE(site->command.find("#\xE2\x80\x99\xE2\x80\x99x'"), std::string::npos)
      << "a typographic quote closes a PowerShell literal too: doubled";
  EXPECT_EQ(p.entry_args, "w3svc P--calc---x") << "a pool name ServiceMonitor can carry";
  EXPECT_NE(all_warnings(p).find("it is recreated as 'P--calc---x'"), std::string::npos);
  for (const auto& s : p.steps) {
    EXPECT_EQ(s.command.find('\n'), std::string::npos) << s.command;
    EXPECT_EQ(s.command.find("P$(calc)"), std::string::npos) << s.command;
  }

  IisInfo broken = fixture_app("Shop", "/");
  // A newline in the name is written as [char]10 inside the literal: the
  // site keeps its name and the step stays one line.
  broken.site = "Shop\nRUN calc";
  AppPlan q = plan_for(broken);
  EXPECT_NE(step_with(q, "New-Website -Name ('Shop' + [char]10 + 'RUN calc')"), nullptr);
  // A double quote, which docker strips from the command line, is refused.
  IisInfo quoted = fixture_app("Shop", "/");
  quoted.site = "Sh\"op";
  AppPlan r = plan_for(quoted);
  EXPECT_NE(all_warnings(r).find("can't go into a build step"), std::string::npos);
  for (const auto& s : q.steps) EXPECT_EQ(s.command.find('\n'), std::string::npos) << s.command;
}

TEST(IisSite, PublishedSiteKeepsDefaultWebSiteAndGetsHealthChecks) {
  AppFixture f(AppKind::kWeb, FrameworkKind::kNetFx, "4.8");
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.entry_args, "w3svc");
  EXPECT_EQ(step_with(p, "Remove-Website"), nullptr);
  ASSERT_TRUE(p.health.used);
  EXPECT_EQ(p.health.readiness.path, "/");
  EXPECT_EQ(p.health.readiness.port, 80);
  ASSERT_EQ(p.ports.size(), 1u);
  EXPECT_EQ(p.ports[0].port, 80);
}

// Sites that are not .NET projects (issue 15): the IIS image, the features
// and the runtimes each needs.
AppFixture script_site(FrameworkKind kind) {
  AppFixture f(AppKind::kWeb, kind, "");
  f.app().binaries.clear();
  f.app().entry = "App/web.config";
  return f;
}

const Decision* decision(const AppPlan& p, const std::string& topic) {
  for (const auto& d : p.decisions) {
    if (d.topic == topic) return &d;
  }
  return nullptr;
}

TEST(IisSite, ClassicAspFolderGetsTheIisImageAndWebAsp) {
  AppFixture f = script_site(FrameworkKind::kClassicAsp);
  f.finding("classic-asp", Severity::kChange, {"Shop/global.asa: classic ASP (2 .asp page(s))"});
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.base_image, "mcr.microsoft.com/windows/servercore/iis");
  const BuildStep* features = step_with(p, "Install-WindowsFeature ");
  ASSERT_NE(features, nullptr);
  EXPECT_EQ(features->command, "Install-WindowsFeature Web-ASP");
  EXPECT_NE(features->comment.find("IIS features the site needs: classic ASP (Shop/global.asa"),
            std::string::npos)
      << features->comment;
}

TEST(IisSite, PhpFromAFolderNeedsTheRuntimeTheUserSupplies) {
  AppFixture f = script_site(FrameworkKind::kPhp);
  f.finding("iis-script-runtime");
  ConfigFacts config;
  config.path = "App/web.config";
  IisModuleUse use{"fastcgi", "App/web.config: FastCGI handler", "C:\\PHP\\php-cgi.exe"};
  use.handler_name = "PHP_via_FastCGI";
  use.handler_path = "*.php";
  config.iis_modules.push_back(use);
  f.app().configs.push_back(config);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.base_image, "mcr.microsoft.com/windows/servercore/iis");
  EXPECT_NE(step_with(p, "Install-WindowsFeature Web-CGI"), nullptr);
  const BuildStep* fastcgi = step_with(p, "system.webServer/fastCgi");
  ASSERT_NE(fastcgi, nullptr);
  EXPECT_EQ(fastcgi->supplied, "installers/php");
  EXPECT_EQ(fastcgi->supplied_to, "C:\\PHP");
  EXPECT_NE(fastcgi->command.find("if (-not (Test-Path -LiteralPath 'C:\\PHP\\php-cgi.exe')) { "
                                  "throw"),
            std::string::npos)
      << fastcgi->command;
  EXPECT_NE(fastcgi->command.find("'/+[fullPath=''C:\\PHP\\php-cgi.exe'']'"), std::string::npos);
  // The site's web.config holds the handler: the section is unlocked, not added to.
  EXPECT_NE(fastcgi->command.find("unlock config -section:system.webServer/handlers"),
            std::string::npos);
  EXPECT_EQ(fastcgi->command.find("/+[name="), std::string::npos);
  ASSERT_NE(decision(p, "FastCGI runtime"), nullptr);
  EXPECT_TRUE(p.build.copies.size() == 1u) << "only the site's folder is copied";
}

TEST(IisSite, PhpFromAServerCopiesItsRuntimeAndRegistersItsHandler) {
  AppFixture f = script_site(FrameworkKind::kPhp);
  f.finding("iis-script-runtime");
  f.app().machine = std::make_shared<const MachineFacts>();
  IisInfo iis;
  iis.site = "Blog";
  iis.site_id = 3;
  iis.app_path = "/";
  iis.physical_path = "C:\\inetpub\\Blog";
  iis.app_pool = "Blog";
  iis.bindings.push_back({"http", "*", 8082, "", ""});
  IisModuleUse use{"fastcgi", "applicationHost.config (server-wide): FastCGI handler",
                   "C:\\PHP\\php-cgi.exe"};
  use.handler_name = "PHP_via_FastCGI";
  use.handler_path = "*.php";
  use.server_config = true;
  use.program_present = true;
  iis.modules.push_back(use);
  f.app().iis = iis;
  AppPlan p = plan_app(f.assessment, options());
  const BuildStep* fastcgi = step_with(p, "system.webServer/fastCgi");
  ASSERT_NE(fastcgi, nullptr);
  EXPECT_EQ(fastcgi->supplied, "");
  EXPECT_NE(fastcgi->command.find("'/+[name=''PHP_via_FastCGI'',path=''*.php'',verb=''*'',"
                                  "modules=''FastCgiModule'',scriptProcessor=''C:\\PHP\\php-cgi."
                                  "exe'',resourceType=''Either'']'"),
            std::string::npos)
      << fastcgi->command;
  bool copied = false;
  for (const auto& c : p.build.copies)
    copied = copied || (c.from == "PHP" && c.image_path == "C:\\PHP");
  EXPECT_TRUE(copied);
}

// A site whose name can't go into a build step is served as Default Web
// Site: its FastCGI runtime, its IIS features and its net.tcp binding still
// go into the image.
TEST(IisSite, SiteServedAsDefaultWebSiteKeepsItsModulesAndNetTcp) {
  AppFixture f = script_site(FrameworkKind::kPhp);
  f.finding("iis-script-runtime");
  f.app().machine = std::make_shared<const MachineFacts>();
  IisInfo iis;
  iis.site = "Bl\"og";
  iis.site_id = 3;
  iis.app_path = "/";
  iis.physical_path = "C:\\inetpub\\Blog";
  iis.app_pool = "Blog";
  iis.bindings.push_back({"http", "*", 8082, "", ""});
  iis.bindings.push_back({"net.tcp", "", 8808, "", ""});
  IisModuleUse use{"fastcgi", "applicationHost.config (server-wide): FastCGI handler",
                   "C:\\PHP\\php-cgi.exe"};
  use.handler_name = "PHP_via_FastCGI";
  use.handler_path = "*.php";
  use.server_config = true;
  use.program_present = true;
  iis.modules.push_back(use);
  f.app().iis = iis;
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_NE(all_warnings(p).find("can't go into a build step"), std::string::npos);
  EXPECT_NE(step_with(p, "Install-WindowsFeature Web-CGI"), nullptr);
  EXPECT_NE(step_with(p, "system.webServer/fastCgi"), nullptr);
  const BuildStep* tcp = step_with(p, "protocol='net.tcp'");
  ASSERT_NE(tcp, nullptr);
  EXPECT_NE(tcp->command.find("'IIS:\\Sites\\Default Web Site'"), std::string::npos)
      << tcp->command;
  for (const auto& s : p.steps) EXPECT_EQ(s.command.find("Bl\"og"), std::string::npos) << s.command;
}

TEST(IisSite, HostileFastCgiProgramIsNotPutIntoAStep) {
  AppFixture f = script_site(FrameworkKind::kPhp);
  f.finding("iis-script-runtime");
  ConfigFacts config;
  config.path = "App/web.config";
  IisModuleUse use{"fastcgi", "x", "C:\\PHP\\php-cgi.exe','x"};
  use.handler_name = "PHP";
  use.handler_path = "*.php";
  config.iis_modules.push_back(use);
  f.app().configs.push_back(config);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(step_with(p, "system.webServer/fastCgi"), nullptr);
  EXPECT_NE(all_warnings(p).find("register it with IIS by hand"), std::string::npos);
}

// A typographic quote (PowerShell reads U+2018-U+201B as `'`) in the FastCGI
// program's path or handler, which appcmd_value lets through: every appcmd
// argument stays one literal, so the step parses as the plain one does.
TEST(IisSite, TypographicQuoteInAFastCgiPathStaysInsideItsLiteral) {
  LIFTSHIFT_REQUIRE_PWSH();
  auto fastcgi_step = [](const std::string& folder, const std::string& handler) {
    AppFixture f = script_site(FrameworkKind::kPhp);
    f.finding("iis-script-runtime");
    f.app().machine = std::make_shared<const MachineFacts>();
    IisInfo iis;
    iis.site = "Blog";
    iis.site_id = 3;
    iis.app_path = "/";
    iis.physical_path = "C:\\inetpub\\Blog";
    iis.app_pool = "Blog";
    iis.bindings.push_back({"http", "*", 8082, "", ""});
    IisModuleUse use{"fastcgi", "applicationHost.config (server-wide): FastCGI handler",
                     folder + "\\php-cgi.exe|-c " + folder + "\\php.ini"};
    use.handler_name = handler;
    use.handler_path = "*.php";
    use.server_config = true;
    use.program_present = true;
    iis.modules.push_back(use);
    f.app().iis = iis;
    AppPlan p = plan_app(f.assessment, options());
    const BuildStep* s = step_with(p, "system.webServer/fastCgi");
    return s == nullptr ? std::string() : s->command;
  };
  std::string plain = fastcgi_step("C:\\PHP", "PHP_via_FastCGI");
  std::string hostile =
      fastcgi_step("C:\\PH\xE2\x80\x99; calc; \xE2\x80\x98P", "PHP\xE2\x80\x9B; calc #");
  ASSERT_FALSE(plain.empty());
  ASSERT_FALSE(hostile.empty());
  EXPECT_NE(hostile.find("C:\\PH\xE2\x80\x99\xE2\x80\x99; calc; \xE2\x80\x98\xE2\x80\x98P"),
            std::string::npos)
      << hostile;
  auto parsed = test::parse_powershell({plain, hostile});
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_TRUE((*parsed)[0].errors.empty()) << plain;
  EXPECT_TRUE((*parsed)[1].errors.empty()) << hostile;
  EXPECT_EQ((*parsed)[1].statements, (*parsed)[0].statements) << hostile;
  EXPECT_EQ((*parsed)[1].command_words, (*parsed)[0].command_words) << hostile;
}

TEST(IisSite, NodeThroughIisnodeInstallsTheMsisTheUserSupplies) {
  AppFixture f = script_site(FrameworkKind::kNode);
  f.finding("iis-script-runtime");
  ConfigFacts config;
  config.path = "App/web.config";
  config.iis_modules.push_back(
      {"iisnode", "App/web.config: iisnode handler 'iisnode' for server.js"});
  f.app().configs.push_back(config);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.base_image, "mcr.microsoft.com/windows/servercore/iis");
  const BuildStep* node = step_with(p, "msiexec.exe");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->supplied, "installers/iisnode");
  EXPECT_NE(node->command.find("-Filter 'node-*.msi'"), std::string::npos);
  EXPECT_NE(node->command.find("-Filter 'iisnode*.msi'"), std::string::npos);
  EXPECT_EQ(step_with(p, "Install-WindowsFeature"), nullptr) << "iisnode needs no feature";
}

TEST(IisSite, StaticSiteIsTheIisImageAsItIs) {
  AppFixture f = script_site(FrameworkKind::kStatic);
  AppPlan p = plan_app(f.assessment, options());
  EXPECT_EQ(p.base_image, "mcr.microsoft.com/windows/servercore/iis");
  EXPECT_EQ(step_with(p, "Install-WindowsFeature"), nullptr);
  ASSERT_NE(decision(p, "base image"), nullptr);
  EXPECT_NE(decision(p, "base image")->reason.find("a static site"), std::string::npos);
}

// A folder site's web.config (no applicationHost.config) is planned as a
// server's: URL Rewrite and ARR from the MSIs the user supplies (URL Rewrite
// first, ARR needs it), ISAPI and WebSockets as Windows features.
TEST(IisSite, AFolderSitesRewriteArrIsapiAndWebSocketsArePlanned) {
  AppFixture f = script_site(FrameworkKind::kStatic);
  ConfigFacts config;
  config.path = "App/web.config";
  config.iis_modules.push_back(
      {"arr", "App/web.config: rewrite rule 'api' proxies to http://backend:8080/{R:1}"});
  config.iis_modules.push_back(
      {"url-rewrite", "App/web.config: system.webServer/rewrite (2 rules)"});
  config.iis_modules.push_back({"isapi", "App/web.config: ISAPI filter 'Auth'"});
  config.iis_modules.push_back({"websocket", "App/web.config: system.webServer/webSocket enabled"});
  f.app().configs.push_back(config);
  AppPlan p = plan_app(f.assessment, options());
  std::vector<std::string> supplied;
  for (const auto& s : p.steps) {
    if (!s.supplied.empty()) supplied.push_back(s.supplied);
  }
  EXPECT_EQ(supplied, (std::vector<std::string>{"installers/url-rewrite", "installers/arr"}));
  const BuildStep* rewrite = step_with(p, "C:\\liftshift\\url-rewrite");
  ASSERT_NE(rewrite, nullptr);
  EXPECT_EQ(rewrite->supplied_to, "C:\\liftshift\\url-rewrite");
  EXPECT_NE(rewrite->comment.find("which ARR needs"), std::string::npos) << rewrite->comment;
  EXPECT_NE(rewrite->command.find("msiexec.exe"), std::string::npos) << rewrite->command;
  const BuildStep* features = step_with(p, "Install-WindowsFeature");
  ASSERT_NE(features, nullptr);
  for (const char* feature : {"Web-ISAPI-Ext", "Web-ISAPI-Filter", "Web-WebSockets"})
    EXPECT_NE(features->command.find(feature), std::string::npos) << features->command;
  ASSERT_NE(decision(p, "IIS URL Rewrite"), nullptr);
  ASSERT_NE(decision(p, "Application Request Routing"), nullptr);
  EXPECT_NE(all_warnings(p).find("the container must reach the servers it proxies to"),
            std::string::npos);
  std::string d = render_dockerfile(p);
  EXPECT_NE(d.find("installers/url-rewrite/"), std::string::npos) << d;
  if (!test::find_pwsh().empty()) {
    auto parsed = test::parse_powershell({rewrite->command});
    ASSERT_TRUE(parsed);
    EXPECT_TRUE((*parsed)[0].errors.empty()) << rewrite->command;
  }
}

}  // namespace
}  // namespace liftshift
