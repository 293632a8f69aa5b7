// A service name set from an identifier, followed through the project's files
// to its literal (collect/service_name_resolve), as collect sees a source tree.
#include "collect/service_name_resolve.hpp"

#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

void write_service_project(const test::TempDir& dir, const std::string& name,
                           const std::string& program) {
  dir.write(
      name + "/" + name + ".csproj",
      R"(<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworkVersion>v4.5</TargetFrameworkVersion></PropertyGroup>
  <ItemGroup><Reference Include="Topshelf"><HintPath>..\lib\Topshelf.dll</HintPath></Reference></ItemGroup>
</Project>)");
  dir.write(name + "/Program.cs", program);
}

// The one application of a source tree (a copy: the inventory is a temporary).
Application only_app(const Inventory& inv) {
  EXPECT_EQ(inv.apps.size(), 1u);
  return inv.apps.front();
}

constexpr const char* kTopshelfMain = R"(using Topshelf;
public static class Program {
  public static void Main() {
    HostFactory.Run(x => {
      x.Service<Server>(s => { s.ConstructUsing(n => new Server()); });
      x.SetServiceName(Configuration.ServiceName);
    });
  }
}
)";

// A settings class: the name is a configured value with a constant default,
// its key built from a prefix (Quartz.Server's shape).
constexpr const char* kConfigurationClass = R"(using System.Configuration;
namespace Contoso.Server {
  public class Configuration {
    private const string Prefix = "contoso.server";
    private const string KeyServiceName = Prefix + ".serviceName";
    private const string DefaultServiceName = "ContosoServer";
    public static string ServiceName {
      get { return GetConfigurationOrDefault(KeyServiceName, DefaultServiceName); }
    }
    private static string GetConfigurationOrDefault(string key, string defaultValue) {
      return ConfigurationManager.AppSettings[key] ?? defaultValue;
    }
  }
}
)";

TEST(ServiceNameResolve, AConfiguredNameFallsBackToTheConstantDefault) {
  test::TempDir dir;
  write_service_project(dir, "Server", kTopshelfMain);
  dir.write("Server/Configuration.cs", kConfigurationClass);
  const Application app = only_app(collect({dir.path().string()}));
  EXPECT_EQ(app.kind, AppKind::kService);
  EXPECT_EQ(app.service_name, "ContosoServer");
  EXPECT_EQ(app.service_name_setting, "contoso.server.serviceName");
  ASSERT_GE(app.service_name_trail.size(), 2u);
  EXPECT_EQ(app.service_name_trail[0], "Server/Program.cs:6 Configuration.ServiceName");
  EXPECT_EQ(app.service_name_trail[1], "Server/Configuration.cs:7 ServiceName");
  EXPECT_EQ(app.service_name_trail.back(), "Server/Configuration.cs:6 DefaultServiceName");
}

TEST(ServiceNameResolve, TheAppConfigsSettingWinsOverTheDefault) {
  test::TempDir dir;
  write_service_project(dir, "Server", kTopshelfMain);
  dir.write("Server/Configuration.cs", kConfigurationClass);
  dir.write("Server/App.config",
            "<configuration><appSettings><add key=\"contoso.server.serviceName\" "
            "value=\"Contoso-Scheduler\" /></appSettings></configuration>");
  const Application app = only_app(collect({dir.path().string()}));
  EXPECT_EQ(app.service_name, "Contoso-Scheduler");
  EXPECT_EQ(app.service_name_setting, "");
  EXPECT_EQ(app.service_name_trail.back(),
            "Server/App.config appSettings contoso.server.serviceName");
}

// The class is found by its declaration when its file is named otherwise;
// a ServiceBase sets its own name from a constant of the same file.
TEST(ServiceNameResolve, ConstantsInAnyFileOfTheProjectAndOfTheSameClass) {
  test::TempDir dir;
  write_service_project(dir, "Worker", R"(using System.ServiceProcess;
static class Program { static void Main() { ServiceBase.Run(new ServiceBase[] { new Worker() }); } }
class Worker : ServiceBase {
  const string Name = Names.Prefix + "-Worker";
  public Worker() { this.ServiceName = Name; }
}
)");
  dir.write("Worker/Shared/Constants.cs",
            "namespace Contoso { public static class Names { public const string Prefix = "
            "\"Contoso\"; } }\n");
  const Application app = only_app(collect({dir.path().string()}));
  EXPECT_EQ(app.kind, AppKind::kService);
  EXPECT_EQ(app.service_name, "Contoso-Worker");
  EXPECT_EQ(app.service_name_setting, "");
  EXPECT_EQ(app.service_name_trail.back(), "Worker/Shared/Constants.cs:1 Prefix");
}

// A literal from the installer wins; a name that cannot be followed leaves
// the trail saying where it comes from, and the name to the executable.
TEST(ServiceNameResolve, ALiteralWinsAndAnUnresolvedNameIsSaidSo) {
  test::TempDir dir;
  write_service_project(dir, "Server", kTopshelfMain);
  dir.write("Server/Installer.cs", "class I { void F() { installer.ServiceName = \"Literal\"; } }");
  EXPECT_EQ(only_app(collect({dir.path().string()})).service_name, "Literal");

  test::TempDir other;
  write_service_project(other, "Server", kTopshelfMain);
  other.write("Server/Configuration.cs",
              "class Configuration { public static string ServiceName => Compute(); }");
  const Application app = only_app(collect({other.path().string()}));
  EXPECT_EQ(app.service_name, "");
  ASSERT_FALSE(app.service_name_trail.empty());
  EXPECT_EQ(app.service_name_trail.front(), "Server/Program.cs:6 Configuration.ServiceName");
}

// Hostile definitions: a loop of constants, a name with a newline or a slash.
TEST(ServiceNameResolve, LoopsAndBadNamesAreNotFollowedForever) {
  test::TempDir dir;
  write_service_project(dir, "Server", kTopshelfMain);
  dir.write("Server/Configuration.cs",
            "class Configuration { const string A = B; const string B = A;\n"
            "  public static string ServiceName => A; }");
  EXPECT_EQ(only_app(collect({dir.path().string()})).service_name, "");

  // Every level branches eight ways: followed in full it would be 8^6
  // definitions; the resolver stops within its budget.
  test::TempDir wide;
  write_service_project(wide, "Server", kTopshelfMain);
  std::string cls = "class Configuration {\n  public static string ServiceName => S0;\n";
  for (int level = 0; level < 6; ++level) {
    cls += "  const string S" + std::to_string(level) + " = ";
    for (int t = 0; t < 8; ++t)
      cls += (t ? " + " : "") + std::string("Configuration.S") + std::to_string(level + 1);
    cls += ";\n";
  }
  cls += "  const string S6 = \"x\";\n}\n";
  wide.write("Server/Configuration.cs", cls);
  EXPECT_EQ(only_app(collect({wide.path().string()})).service_name, "");

  test::TempDir bad;
  write_service_project(bad, "Server", kTopshelfMain);
  bad.write("Server/Configuration.cs",
            "class Configuration { public static string ServiceName => \"a\\nb\" + \"/c\"; }");
  EXPECT_EQ(only_app(collect({bad.path().string()})).service_name, "");
}

}  // namespace
}  // namespace liftshift
