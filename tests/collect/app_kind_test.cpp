// An application's kind from what its entry point does: the entry method of
// a published executable (assemblies built by mcs, tests/fixtures/pe) or the
// Main of a source tree's entry project.
#include <gtest/gtest.h>

#include "collect/collect.hpp"
#include "core/app_queries.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

namespace fs = std::filesystem;

const Application* app_with_name(const Inventory& inv, std::string_view name) {
  for (const auto& a : inv.apps) {
    if (a.name == name) return &a;
  }
  ADD_FAILURE() << "no application " << name;
  return nullptr;
}

// A published folder holding copies of the named fixtures, each in its own folder.
Inventory published(const test::TempDir& dir, std::initializer_list<const char*> exes) {
  for (const char* exe : exes) {
    fs::create_directories(dir.path() / exe);
    fs::copy_file(test::fixtures() / "pe" / exe, dir.path() / exe / exe);
  }
  return collect({dir.path().string()});
}

TEST(AppKind, PublishedProgramsAreJudgedByTheirEntryPoint) {
  test::TempDir dir;
  Inventory inv = published(
      dir, {"ServiceManager.exe", "WcfSelfHost.exe", "DelegatingService.exe", "WinFormsApp.exe"});
  const Application* manager = app_with_name(inv, "ServiceManager");
  ASSERT_NE(manager, nullptr);
  EXPECT_EQ(manager->kind, AppKind::kDesktop) << "ServiceController manages a service";
  const Application* wcf = app_with_name(inv, "WcfSelfHost");
  ASSERT_NE(wcf, nullptr);
  EXPECT_EQ(wcf->kind, AppKind::kConsole) << "a self-hosted WCF program is not IIS-hosted";
  EXPECT_EQ(wcf->self_host, SelfHost::kWcf);
  ASSERT_FALSE(wcf->kind_evidence.empty());
  EXPECT_NE(wcf->kind_evidence[0].find("System.ServiceModel.ServiceHost::.ctor"),
            std::string::npos);
  const Application* svc = app_with_name(inv, "DelegatingService");
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->kind, AppKind::kService);
  const Application* gui = app_with_name(inv, "WinFormsApp");
  ASSERT_NE(gui, nullptr);
  EXPECT_EQ(gui->kind, AppKind::kDesktop);
}

// A program whose ServiceBase and Registry come from its own library (the
// TypeRefs resolve to LookAlikes.dll) is no Windows service and reaches no
// registry; its EventLog is System's.
TEST(AppKind, TypesFromTheApplicationsOwnLibraryAreNotMicrosofts) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "Api");
  for (const char* f : {"LookAlikeUser.exe", "LookAlikes.dll"})
    fs::copy_file(test::fixtures() / "pe" / f, dir.path() / "Api" / f);
  Inventory inv = collect({dir.path().string()});
  const Application* app = app_with_name(inv, "LookAlikeUser");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->kind, AppKind::kConsole);
  EXPECT_TRUE(service_evidence(*app).empty()) << service_evidence(*app).front();
  EXPECT_TRUE(refs_type(*app, "Microsoft.Win32.Registry", {"mscorlib"}).empty());
  EXPECT_FALSE(refs_type(*app, "System.Diagnostics.EventLog", {"System"}).empty());
}

// A source tree of programs in the shapes of real projects.
void write_exe_project(const test::TempDir& dir, const std::string& name, const char* output,
                       const std::string& program) {
  dir.write(
      name + "/" + name + ".csproj",
      std::string(
          R"(<Project ToolsVersion="4.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup><OutputType>)") +
          output +
          R"(</OutputType><TargetFrameworkVersion>v4.5</TargetFrameworkVersion></PropertyGroup>
  <ItemGroup><Reference Include="System.ServiceProcess" /><Reference Include="System.ServiceModel" /></ItemGroup>
</Project>)");
  dir.write(name + "/Program.cs", program);
}

TEST(AppKind, SourceProgramsAreJudgedByTheirMain) {
  test::TempDir dir;
  dir.write("All.sln", "");
  write_exe_project(dir, "Manager", "WinExe", R"(using System.ServiceProcess;
using System.Windows.Forms;
static class Program {
  static void Main() { Application.Run(new MainForm()); }
}
class MainForm : Form { ServiceController c = new ServiceController("Svc"); }
)");
  write_exe_project(dir, "Server", "Exe", R"(using System.ServiceModel;
static class Program {
  static void Main() { var h = new ServiceHost(typeof(Impl)); h.Open(); System.Console.ReadLine(); }
}
)");
  write_exe_project(dir, "Client", "Exe", R"(using System.ServiceModel;
[ServiceContract] interface IEcho { }
static class Program {
  static void Main() { var c = ChannelFactory<IEcho>.CreateChannel(null, null); }
}
)");
  write_exe_project(dir, "Topshelf", "Exe", R"(using Topshelf;
public static class Program { public static void Main() { HostFactory.Run(x => { }); } }
)");
  write_exe_project(dir, "Svc", "Exe", R"(using System.ServiceProcess;
static class Program { static void Main() { ServiceBase.Run(new ServiceBase[] { new Worker() }); } }
class Worker : ServiceBase { }
)");
  dir.write("Svc/ProjectInstaller.Designer.cs",
            "partial class ProjectInstaller { void Init() { this.installer.ServiceName = "
            "\"Contoso-Worker\"; } }\n");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 5u);
  EXPECT_EQ(app_with_name(inv, "Manager")->kind, AppKind::kDesktop);
  EXPECT_EQ(app_with_name(inv, "Server")->kind, AppKind::kConsole);
  EXPECT_EQ(app_with_name(inv, "Server")->self_host, SelfHost::kWcf);
  EXPECT_EQ(app_with_name(inv, "Client")->kind, AppKind::kConsole);
  EXPECT_EQ(app_with_name(inv, "Client")->self_host, SelfHost::kNone);
  EXPECT_EQ(app_with_name(inv, "Topshelf")->kind, AppKind::kService);
  const Application* svc = app_with_name(inv, "Svc");
  EXPECT_EQ(svc->kind, AppKind::kService);
  EXPECT_EQ(svc->service_name, "Contoso-Worker");
}

// What the installer registers besides the name comes with it, the
// installer class's settings before the service class's own; a program that
// is no service has none.
TEST(AppKind, AServicesInstallerSettingsComeWithItsName) {
  test::TempDir dir;
  write_exe_project(dir, "Svc", "Exe", R"cs(using System.ServiceProcess;
static class Program { static void Main() { ServiceBase.Run(new ServiceBase[] { new Worker() }); } }
class Worker : ServiceBase { void F(ServiceInstaller i) { i.DisplayName = "Worker (own)";
}
}
)cs");
  dir.write("Svc/ProjectInstaller.Designer.cs", R"cs(partial class ProjectInstaller {
  System.ServiceProcess.ServiceProcessInstaller p; System.ServiceProcess.ServiceInstaller i;
  void Init() {
    this.p.Account = System.ServiceProcess.ServiceAccount.NetworkService;
    this.i.ServiceName = "Contoso-Worker";
    this.i.DisplayName = "Contoso Worker";
    this.i.StartType = System.ServiceProcess.ServiceStartMode.Automatic;
    this.i.ServicesDependedOn = new string[] { "MSMQ" };
  }
}
)cs");
  write_exe_project(dir, "Tool", "Exe", R"cs(static class Program { static void Main() { } }
class Setup { void F(System.ServiceProcess.ServiceInstaller i) { i.DisplayName = "X"; } }
)cs");
  // ServiceAccount.User, with the Username the designer writes after it.
  write_exe_project(dir, "UserSvc", "Exe", R"cs(using System.ServiceProcess;
static class Program { static void Main() { ServiceBase.Run(new W()); } }
class W : ServiceBase { }
)cs");
  dir.write("UserSvc/ProjectInstaller.cs", R"cs(class ProjectInstaller {
  System.ServiceProcess.ServiceProcessInstaller p;
  void Init() {
    p.Account = System.ServiceProcess.ServiceAccount.User;
    p.Username = @"CONTOSO\svc";
  }
}
)cs");
  Inventory inv = collect({dir.path().string()});
  const Application* user_svc = app_with_name(inv, "UserSvc");
  ASSERT_NE(user_svc, nullptr);
  ASSERT_TRUE(user_svc->installer.has_value());
  EXPECT_EQ(user_svc->installer->account, "CONTOSO\\svc");
  const Application* svc = app_with_name(inv, "Svc");
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->service_name, "Contoso-Worker");
  ASSERT_TRUE(svc->installer.has_value());
  EXPECT_EQ(svc->installer->display_name, "Contoso Worker");
  EXPECT_EQ(svc->installer->account, "NT AUTHORITY\\NetworkService");
  EXPECT_EQ(svc->installer->start, 2);
  EXPECT_EQ(svc->installer->depends_on, std::vector<std::string>{"MSMQ"});
  const Application* tool = app_with_name(inv, "Tool");
  ASSERT_NE(tool, nullptr);
  EXPECT_FALSE(tool->installer.has_value());
}

// Main that hands over to a class of its project: the class's hosting calls,
// in another file, decide the kind, one level deep; a class Main does not
// use decides nothing. Topshelf's SetServiceName gives the service's name.
TEST(AppKind, MainIsFollowedIntoTheClassItStarts) {
  test::TempDir dir;
  dir.write("All.sln", "");
  write_exe_project(dir, "SelfHosted", "Exe", R"(static class Program {
  static void Main() { new AppHost().Init().Start("http://*:8088/"); System.Console.ReadLine(); }
}
)");
  dir.write("SelfHosted/AppHost.cs",
            "public class AppHost : AppSelfHostBase { public AppHost() : base(\"Api\") { } }\n");
  write_exe_project(dir, "Tray", "Exe", R"(static class Program {
  static void Main() { Bootstrapper.Start(); }
}
)");
  dir.write("Tray/Bootstrapper.cs",
            "static class Bootstrapper { public static void Start() {\n"
            "  Application.Run(new TrayForm()); } }\n");
  dir.write("Tray/Unused.cs", "class Unused { void X() { HostFactory.Run(x => { }); } }\n");
  write_exe_project(dir, "Orders", "Exe", R"(static class Program {
  static void Main() { OrdersHost.Run(); }
}
)");
  dir.write("Orders/OrdersHost.cs",
            "static class OrdersHost { public static void Run() { HostFactory.Run(x => {\n"
            "  x.SetServiceName(\"Contoso-Orders\"); }); } }\n");
  Inventory inv = collect({dir.path().string()});
  const Application* web = app_with_name(inv, "SelfHosted");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->self_host, SelfHost::kWeb);
  ASSERT_FALSE(web->kind_evidence.empty());
  EXPECT_EQ(web->kind_evidence[0],
            "SelfHosted/AppHost.cs:1: AppSelfHostBase (in AppHost, which Main at "
            "SelfHosted/Program.cs:2 uses)");
  const Application* tray = app_with_name(inv, "Tray");
  ASSERT_NE(tray, nullptr);
  EXPECT_EQ(tray->kind, AppKind::kDesktop) << "Unused's HostFactory.Run is not Main's";
  const Application* orders = app_with_name(inv, "Orders");
  ASSERT_NE(orders, nullptr);
  EXPECT_EQ(orders->kind, AppKind::kService);
  EXPECT_EQ(orders->service_name, "Contoso-Orders");
}

// A Windows service opens its server from its service class: OWIN or WCF
// started in OnStart (the class Main hands to ServiceBase.Run), or in a class
// Main reaches only through a Topshelf extension. It is a service that hosts
// its server (self_host), so its listening ports are planned; a service
// without a server in its project hosts none.
TEST(AppKind, AServiceHostsTheServerItsServiceClassOpens) {
  test::TempDir dir;
  dir.write("All.sln", "");
  write_exe_project(dir, "Distribution", "WinExe", R"(using System.ServiceProcess;
static class Program {
  static void Main() { ServiceBase.Run(new ServiceBase[] { new DistributionService() }); }
}
)");
  dir.write("Distribution/DistributionService.cs",
            "using System.ServiceProcess;\nusing Microsoft.Owin.Hosting;\n"
            "public class DistributionService : ServiceBase {\n"
            "  protected override void OnStart(string[] args) {\n"
            "    string url = \"http://10.1.2.3:8081\";\n"
            "    WebApp.Start(url); } }\n");
  write_exe_project(dir, "Calculator", "Exe", R"(using System.ServiceProcess;
static class Program { static void Main() { ServiceBase.Run(new CalculatorWindowsService()); } }
)");
  dir.write("Calculator/CalculatorWindowsService.cs",
            "using System.ServiceModel;\nusing System.ServiceProcess;\n"
            "public class CalculatorWindowsService : ServiceBase {\n"
            "  ServiceHost host;\n"
            "  protected override void OnStart(string[] args) {\n"
            "    host = new ServiceHost(typeof(CalculatorService)); host.Open(); } }\n");
  write_exe_project(dir, "Jobs", "Exe", R"(using Topshelf;
class Program { static int Main() { return (int)HostFactory.Run(x => x.UseOwin(Settings.Address)); } }
)");
  dir.write(
      "Jobs/HostExtensions.cs",
      "static class HostExtensions { public static HostConfigurator UseOwin(\n"
      "  this HostConfigurator c, string a) { c.Service(() => new Bootstrap { Address = a }); "
      "return c; } }\n");
  dir.write("Jobs/Bootstrap.cs",
            "using Microsoft.Owin.Hosting;\npublic class Bootstrap : ServiceControl {\n"
            "  public bool Start(HostControl h) { web = WebApp.Start<Startup>(Address); "
            "return true; } }\n");
  write_exe_project(dir, "Plain", "Exe", R"(using System.ServiceProcess;
static class Program { static void Main() { ServiceBase.Run(new Worker()); } }
)");
  dir.write("Plain/Worker.cs",
            "using System.ServiceProcess;\npublic class Worker : ServiceBase { }\n");
  // The service class in Main's own file.
  write_exe_project(dir, "OneFile", "Exe", R"(using System.ServiceProcess;
static class Program { static void Main() { ServiceBase.Run(new Worker()); } }
class Worker : ServiceBase {
  protected override void OnStart(string[] args) { WebApp.Start<Startup>("http://+:8085/"); }
}
)");
  Inventory inv = collect({dir.path().string()});
  const Application* one_file = app_with_name(inv, "OneFile");
  ASSERT_NE(one_file, nullptr);
  EXPECT_EQ(one_file->kind, AppKind::kService);
  EXPECT_EQ(one_file->self_host, SelfHost::kWeb);
  const Application* owin = app_with_name(inv, "Distribution");
  ASSERT_NE(owin, nullptr);
  EXPECT_EQ(owin->kind, AppKind::kService);
  EXPECT_EQ(owin->self_host, SelfHost::kWeb);
  const Application* wcf = app_with_name(inv, "Calculator");
  ASSERT_NE(wcf, nullptr);
  EXPECT_EQ(wcf->kind, AppKind::kService);
  EXPECT_EQ(wcf->self_host, SelfHost::kWcf);
  const Application* jobs = app_with_name(inv, "Jobs");
  ASSERT_NE(jobs, nullptr);
  EXPECT_EQ(jobs->kind, AppKind::kService);
  EXPECT_EQ(jobs->self_host, SelfHost::kWeb);
  const Application* plain = app_with_name(inv, "Plain");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->kind, AppKind::kService);
  EXPECT_EQ(plain->self_host, SelfHost::kNone);
}

// .svc endpoints inside an MVC or WebForms site do not make it a WCF
// application; a folder that serves only .svc endpoints is one.
TEST(AppKind, SvcFilesInASiteDoNotMakeItWcf) {
  test::TempDir dir;
  dir.write("Site/web.config", "<configuration><system.web/></configuration>");
  dir.write("Site/Default.aspx", "<%@ Page %>");
  dir.write("Site/Services/Api.svc", "<%@ ServiceHost Service=\"Api\" %>");
  fs::create_directories(dir.path() / "Site" / "bin");
  dir.write("Wcf/web.config", "<configuration><system.serviceModel/></configuration>");
  dir.write("Wcf/Orders.svc", "<%@ ServiceHost Service=\"Orders\" %>");
  fs::create_directories(dir.path() / "Wcf" / "bin");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 2u);
  EXPECT_EQ(app_with_name(inv, "Site")->kind, AppKind::kWeb);
  EXPECT_EQ(app_with_name(inv, "Wcf")->kind, AppKind::kWcf);
}

// A web.config in a site's sub-folder (an <authorization> fragment beside
// pages) is part of the site; a sub-folder with its own bin/ is an IIS
// application of its own.
TEST(AppKind, AConfigFragmentInASubFolderIsPartOfItsSite) {
  test::TempDir dir;
  dir.write("Site/web.config", "<configuration><system.web/></configuration>");
  dir.write("Site/Default.aspx", "<%@ Page %>");
  fs::create_directories(dir.path() / "Site" / "bin");
  dir.write("Site/admin/web.config",
            "<configuration><system.web><authorization><deny users=\"?\"/></authorization>"
            "</system.web></configuration>");
  dir.write("Site/admin/Users.aspx", "<%@ Page %>");
  dir.write("Site/api/web.config", "<configuration><system.web/></configuration>");
  dir.write("Site/api/Default.aspx", "<%@ Page %>");
  fs::create_directories(dir.path() / "Site" / "api" / "bin");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 2u);
  const Application* site = app_with_name(inv, "Site");
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(site->configs.size(), 2u) << "the admin/ fragment is the site's";
  EXPECT_NE(app_with_name(inv, "api"), nullptr);
}

}  // namespace
}  // namespace liftshift
