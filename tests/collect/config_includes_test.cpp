#include "collect/config_includes.hpp"

#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "formats/dotnet_config.hpp"
#include "sources/directory_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

const ConfigFacts* config(const Application& app, std::string_view path) {
  for (const auto& c : app.configs) {
    if (c.path == path) return &c;
  }
  return nullptr;
}

std::string paths(const Application& app) {
  std::string out;
  for (const auto& c : app.configs) out += c.path + " ";
  return out;
}

std::string problems(const Inventory& inv) {
  std::string out;
  for (const auto& p : inv.problems) out += p.path + ": " + p.message + "\n";
  return out;
}

TEST(ConfigIncludes, PathsAreRelativeToTheConfigAndNeverLeaveTheSource) {
  EXPECT_EQ(include_path("Site/Web.config", "App_Config\\ConnectionStrings.config"),
            "Site/App_Config/ConnectionStrings.config");
  EXPECT_EQ(include_path("Web.config", "cs.config"), "cs.config");
  EXPECT_EQ(include_path("Site/Web.config", "..\\Shared\\app.config"), "Shared/app.config");
  EXPECT_EQ(include_path("Job/NLog.config", "${basedir}/targets.config"), "Job/targets.config");
  EXPECT_EQ(include_path("Site/Web.config", "..\\..\\etc\\passwd"), std::nullopt);
  for (const char* hostile : {"C:\\Windows\\win.ini", "\\\\server\\share\\a.config", "/etc/passwd",
                              "\\Windows\\a.config", "http://x/a.config", "%TEMP%\\a.config",
                              "$(calc).config", "*.config", "", "   ", "a\nb.config"}) {
    EXPECT_EQ(include_path("Site/Web.config", hostile), std::nullopt) << hostile;
  }
}

TEST(ConfigIncludes, ASectionInAnotherFileIsJudgedAsTheAppsOwnAndNamed) {
  Inventory inv = collect({(test::fixtures() / "configs" / "portal").string()});
  ASSERT_EQ(inv.apps.size(), 1u) << problems(inv);
  const Application& site = inv.apps[0];
  EXPECT_EQ(site.kind, AppKind::kWeb);
  const ConfigFacts* cs = config(site, "App_Config/ConnectionStrings.config");
  ASSERT_NE(cs, nullptr) << paths(site);
  EXPECT_EQ(cs->included_by, "Web.config (connectionStrings configSource)");
  ASSERT_EQ(cs->connection_strings.size(), 2u);
  EXPECT_TRUE(cs->connection_strings[0].local_file ||
              cs->connection_strings[0].server == "(LocalDb)\\MSSQLLocalDB");
  EXPECT_TRUE(cs->connection_strings[1].had_secret);
  EXPECT_EQ(cs->connection_strings[1].masked.find("Cfg15"), std::string::npos);

  const ConfigFacts* settings = config(site, "App_Config/AppSettings.config");
  ASSERT_NE(settings, nullptr) << paths(site);
  EXPECT_EQ(settings->included_by, "Web.config (appSettings file)");
  EXPECT_EQ(settings->drive_paths, std::vector<std::string>{"F:\\Reports\\Portal"});

  // log4net.config is read by its name and linked to the section that reads it.
  const ConfigFacts* log4net = config(site, "log4net.config");
  ASSERT_NE(log4net, nullptr) << paths(site);
  EXPECT_EQ(log4net->included_by, "Web.config (log4net configSource)");
  EXPECT_EQ(log4net->log_paths, std::vector<std::string>{"D:\\Logs\\Portal\\portal.log"});
}

TEST(ConfigIncludes, TheReleaseTransformsValuesAreJudgedNotTheOnesItReplaces) {
  Inventory inv = collect({(test::fixtures() / "configs" / "portal").string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  const Application& site = inv.apps[0];
  const ConfigFacts* release = config(site, "Web.Release.config");
  ASSERT_NE(release, nullptr) << paths(site);
  EXPECT_EQ(release->transform_of, "Web.config");
  ASSERT_EQ(release->transform_changes.size(), 2u);
  EXPECT_EQ(release->transform_changes[0].section, "appSettings");
  EXPECT_EQ(release->transform_changes[0].name, "UploadRoot");
  EXPECT_EQ(release->transform_changes[0].transform, "Replace");
  EXPECT_EQ(release->transform_changes[1].section, "compilation");
  EXPECT_EQ(release->transform_changes[1].transform, "RemoveAttributes(debug)");
  EXPECT_EQ(release->drive_paths, std::vector<std::string>{"\\\\fs01\\portal-uploads"});
  const ConfigFacts* web = config(site, "Web.config");
  ASSERT_NE(web, nullptr);
  for (const auto& kv : web->app_settings) EXPECT_NE(kv.key, "UploadRoot");
  for (const auto& p : web->drive_paths) EXPECT_NE(p, "E:\\PortalUploads");
  // The Elmah error log folder (Web.config's own).
  EXPECT_EQ(web->log_paths, std::vector<std::string>{"D:\\Logs\\Portal\\Elmah\\error-*.xml"});
}

TEST(ConfigIncludes, WhatCannotBeFollowedIsAProblemOfTheConfig) {
  test::TempDir dir;
  dir.write("Site/Default.aspx", "<%@ Page %>");
  dir.write("Outside/shared.config", "<appSettings><add key='K' value='E:\\\\x'/></appSettings>");
  dir.write("Site/Web.config", R"(<configuration>
  <connectionStrings configSource="C:\Windows\system32\cs.config" />
  <appSettings file="..\Outside\shared.config" />
  <log4net configSource="missing.config" />
  <nlog><include file="..\..\..\etc\passwd" /></nlog>
</configuration>)");
  Inventory inv = collect({(dir.path() / "Site").string()});
  const std::string all = problems(inv);
  EXPECT_NE(all.find("connectionStrings configSource=\"C:\\Windows\\system32\\cs.config\": not "
                     "read: not a relative path inside the source"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("log4net configSource=\"missing.config\": names missing.config, which is "
                     "not in the source"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("nlog include file"), std::string::npos) << all;

  // Given the parent folder, the file is in the source but outside the site's folder.
  Inventory parent = collect({dir.path().string()});
  const std::string more = problems(parent);
  EXPECT_NE(more.find("appSettings file names Outside/shared.config, outside the application's "
                      "folder: not read"),
            std::string::npos)
      << more;
  for (const auto& app : parent.apps) EXPECT_EQ(config(app, "Outside/shared.config"), nullptr);
}

TEST(ConfigIncludes, IncludesThatIncludeEachOtherAreReadOnce) {
  test::TempDir dir;
  dir.write("Job.exe.config",
            R"(<configuration><nlog><include file="a.config" /></nlog></configuration>)");
  dir.write("a.config", R"(<nlog><include file="b.config" /><include file="a.config" /></nlog>)");
  dir.write("b.config", R"(<nlog><include file="a.config" /><targets>
  <target name="t" type="File" fileName="E:\Logs\job.log" /></targets></nlog>)");
  ParsedSource parsed;
  ConfigFacts job;
  job.path = "Job.exe.config";
  job.includes.push_back({"nlog include", "file", "a.config"});
  parsed.configs.push_back(job);
  // a.config names itself and b.config; b.config names a.config again.
  DirectoryVolume volume{dir.path()};
  follow_config_includes(volume, parsed, 1u << 20);
  ASSERT_EQ(parsed.included_configs.size(), 2u);
  EXPECT_EQ(parsed.included_configs[0].path, "a.config");
  EXPECT_EQ(parsed.included_configs[1].path, "b.config");
  EXPECT_EQ(parsed.included_configs[1].log_paths, std::vector<std::string>{"E:\\Logs\\job.log"});
}

// Two programs of one folder whose configs include the same NLog file: each has it.
TEST(ConfigIncludes, AFileTwoConfigsIncludeReachesBoth) {
  test::TempDir dir;
  dir.write("nlog.shared.config", R"(<nlog><targets>
  <target name="t" type="File" fileName="E:\Logs\tools.log" /></targets></nlog>)");
  ParsedSource parsed;
  for (const char* name : {"Job.exe.config", "Tool.exe.config"}) {
    ConfigFacts c;
    c.path = name;
    c.includes.push_back({"nlog include", "file", "nlog.shared.config"});
    parsed.configs.push_back(c);
  }
  DirectoryVolume volume{dir.path()};
  follow_config_includes(volume, parsed, 1u << 20);
  ASSERT_EQ(parsed.included_configs.size(), 2u);
  std::vector<Application> apps(2);
  apps[0].configs = {parsed.configs[0]};
  apps[1].configs = {parsed.configs[1]};
  attach_config_includes(parsed, apps);
  for (std::size_t i = 0; i < apps.size(); ++i) {
    const ConfigFacts* shared = config(apps[i], "nlog.shared.config");
    ASSERT_NE(shared, nullptr) << paths(apps[i]);
    EXPECT_EQ(shared->included_by, parsed.configs[i].path + " (nlog include file)");
    EXPECT_EQ(shared->log_paths, std::vector<std::string>{"E:\\Logs\\tools.log"});
  }
}

// A WCF section in a file of its own (<services configSource>, <bindings
// configSource>) is read inside system.serviceModel: its endpoints and
// bindings count, and the app is seen to host WCF, with its ports planned.
TEST(ConfigIncludes, AServiceModelSectionInAnotherFileIsReadInItsGroup) {
  test::TempDir dir;
  dir.write(
      "Svc/Svc.csproj",
      R"(<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworkVersion>v4.8</TargetFrameworkVersion><AssemblyName>Svc</AssemblyName></PropertyGroup>
  <ItemGroup><Reference Include="System.ServiceModel" /><Compile Include="Program.cs" /></ItemGroup>
</Project>)");
  dir.write("Svc/App.config", R"(<configuration><system.serviceModel>
  <services configSource="services.config" />
  <bindings configSource="bindings.config" />
</system.serviceModel></configuration>)");
  dir.write("Svc/services.config", R"(<services><service name="Contoso.Orders">
  <endpoint address="net.tcp://localhost:8523/Orders" binding="netTcpBinding" contract="IOrders" />
  <host><baseAddresses><add baseAddress="http://localhost:8733/Orders/" /></baseAddresses></host>
</service></services>)");
  dir.write("Svc/bindings.config",
            R"(<bindings><netTcpBinding><binding name="b"><security mode="None" /></binding>
</netTcpBinding></bindings>)");
  dir.write("Svc/Program.cs",
            "using System.ServiceModel;\nstatic class Program { static void Main() {\n"
            "  var h = new ServiceHost(typeof(Orders)); h.Open(); } }\nclass Orders { }\n");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u) << problems(inv);
  const Application& app = inv.apps[0];
  const ConfigFacts* services = config(app, "Svc/services.config");
  ASSERT_NE(services, nullptr) << paths(app);
  EXPECT_EQ(services->included_by, "Svc/App.config (system.serviceModel/services configSource)");
  EXPECT_TRUE(services->has_service_model);
  ASSERT_EQ(services->endpoints.size(), 1u);
  EXPECT_EQ(services->endpoints[0].address, "net.tcp://localhost:8523/Orders");
  EXPECT_EQ(services->base_addresses, std::vector<std::string>{"http://localhost:8733/Orders/"});
  const ConfigFacts* bindings = config(app, "Svc/bindings.config");
  ASSERT_NE(bindings, nullptr) << paths(app);
  EXPECT_TRUE(bindings->has_service_model);
  // The same file read on its own is no WCF section.
  auto alone = parse_dotnet_config(
      "<services><service name=\"S\"><endpoint address=\"x\" "
      "binding=\"basicHttpBinding\" contract=\"C\"/></service>"
      "</services>",
      "services.config");
  ASSERT_TRUE(alone);
  EXPECT_FALSE(alone->has_service_model);
  EXPECT_TRUE(alone->endpoints.empty());
}

// log4net's XmlConfigurator and NLog's XmlLoggingConfiguration name their
// file in code: it is read from the project's folder (the build copies it
// beside the program) and judged like a config of the app; a path that leaves
// the source is a problem of the code that names it.
TEST(ConfigIncludes, ALoggingConfigurationNamedInCodeIsRead) {
  test::TempDir dir;
  dir.write(
      "Job/Job.csproj",
      R"(<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworkVersion>v4.8</TargetFrameworkVersion><AssemblyName>Job</AssemblyName></PropertyGroup>
  <ItemGroup><Compile Include="Program.cs" /><Compile Include="Properties\AssemblyInfo.cs" /></ItemGroup>
</Project>)");
  dir.write("Job/Properties/AssemblyInfo.cs",
            "[assembly: log4net.Config.XmlConfigurator(ConfigFile = \"Config\\\\logging.xml\", "
            "Watch = true)]\n");
  dir.write("Job/Config/logging.xml", R"(<log4net>
  <appender name="f" type="log4net.Appender.RollingFileAppender"><file value="D:\Logs\job.log" /></appender>
  <root><appender-ref ref="f" /></root>
</log4net>)");
  dir.write("Job/Program.cs",
            "static class Program { static void Main() {\n"
            "  var c = new NLog.Config.XmlLoggingConfiguration(\"nlog.job.xml\");\n"
            "  log4net.Config.XmlConfigurator.ConfigureAndWatch(new "
            "System.IO.FileInfo(\"../../x.xml\"));\n"
            "} }\n");
  dir.write("Job/nlog.job.xml", R"(<nlog><targets>
  <target name="t" type="File" fileName="E:\Logs\nlog-job.log" /></targets>
  <rules><logger name="*" writeTo="t" /></rules></nlog>)");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u) << problems(inv);
  const Application& app = inv.apps[0];
  const ConfigFacts* log4 = config(app, "Job/Config/logging.xml");
  ASSERT_NE(log4, nullptr) << paths(app);
  EXPECT_EQ(log4->included_by, "Job/Properties/AssemblyInfo.cs:1 (named in code)");
  EXPECT_EQ(log4->log_paths, std::vector<std::string>{"D:\\Logs\\job.log"});
  const ConfigFacts* nlog = config(app, "Job/nlog.job.xml");
  ASSERT_NE(nlog, nullptr) << paths(app);
  EXPECT_EQ(nlog->log_paths, std::vector<std::string>{"E:\\Logs\\nlog-job.log"});
  EXPECT_NE(problems(inv).find("Job/Program.cs:3: logging configuration '../../x.xml': not read"),
            std::string::npos)
      << problems(inv);
}

}  // namespace
}  // namespace liftshift
