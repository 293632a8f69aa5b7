#include "collect/server_apps.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "collect/collect.hpp"
#include "sources/directory_volume.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

const Application* find_app(const Inventory& inv, std::string_view id) {
  for (const auto& a : inv.apps) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

TEST(ServerApps, FindsEveryApplicationOfTheApplicationServer) {
  auto path = (test::fixtures() / "servers" / "appsrv01").string();
  Inventory inv = collect({path});
  ASSERT_EQ(inv.sources.size(), 1u);
  EXPECT_EQ(inv.sources[0].kind, SourceKind::kSystemDrive);
  ASSERT_NE(inv.sources[0].machine, nullptr);
  std::string ids;
  for (const auto& a : inv.apps) ids += a.id + "\n";
  ASSERT_EQ(inv.apps.size(), 6u) << ids;

  const Application* web = find_app(inv, "appsrv01/iis/Contoso Web");
  ASSERT_NE(web, nullptr) << ids;
  EXPECT_EQ(web->kind, AppKind::kWeb);
  ASSERT_TRUE(web->iis.has_value());
  EXPECT_EQ(web->iis->app_pool, "ContosoWeb");
  ASSERT_EQ(web->iis->bindings.size(), 2u);
  EXPECT_EQ(web->iis->bindings[0].certificate_hash, "");  // http
  EXPECT_EQ(web->iis->bindings[1].certificate_hash, "3FA19C5E2207B4D1680E7C419B2A55C3E8106DF2");
  EXPECT_EQ(web->root, "inetpub/ContosoWeb");
  EXPECT_EQ(web->binaries.size(), 1u);
  EXPECT_EQ(web->framework.version, "4.5.2");

  const Application* svc = find_app(inv, "appsrv01/service/OrderProcessor");
  ASSERT_NE(svc, nullptr) << ids;
  EXPECT_EQ(svc->kind, AppKind::kService);
  EXPECT_EQ(svc->entry, "Apps/OrderProcessor/Contoso.OrderProcessor.exe");
  ASSERT_TRUE(svc->service.has_value());
  EXPECT_EQ(svc->service->account, "CONTOSO\\svc_orders");

  const Application* task = find_app(inv, "appsrv01/task/Contoso/Nightly Export");
  ASSERT_NE(task, nullptr) << ids;
  EXPECT_EQ(task->kind, AppKind::kTask);
  ASSERT_TRUE(task->task.has_value());
  EXPECT_EQ(task->task->cron, "0 2 * * *");

  const Application* tool =
      find_app(inv, "appsrv01/program/Contoso Inventory Tool/Contoso.InventoryTool.exe");
  ASSERT_NE(tool, nullptr) << ids;
  EXPECT_EQ(tool->kind, AppKind::kDesktop);

  EXPECT_EQ(find_app(inv, "appsrv01/task/Microsoft/Windows/Defrag/ScheduledDefrag"), nullptr);
  const Application* reports = find_app(inv, "appsrv01/iis/Reports");
  ASSERT_NE(reports, nullptr);
  // Its folder is on another drive: the app is kept, marked as not assessed.
  EXPECT_EQ(
      reports->not_assessed,
      "site 'Reports' serves D:\\Sites\\Reports, which is on drive D:, which is on no disk "
      "given (the server's MountedDevices does not name D:; add its disk with --disk D:=PATH)");
  EXPECT_TRUE(find_app(inv, "appsrv01/iis/Default Web Site")->not_assessed.empty());
  bool reported = false;
  for (const auto& p : inv.problems) {
    reported = reported ||
               p.message.find("site 'Reports' serves D:\\Sites\\Reports, which is on drive D:") !=
                   std::string::npos;
  }
  EXPECT_TRUE(reported);
}

// An IIS application served from a sub-folder of its site's folder owns the
// configs there: the site keeps its own and its fragments' (admin/), the
// nested application keeps its web.config, and neither gets the other's.
TEST(ServerApps, ANestedApplicationsConfigsAreNotItsSitesConfigs) {
  test::TempDir drive;
  const auto hives = test::fixtures() / "servers" / "appsrv01" / "Windows/System32/config";
  std::filesystem::create_directories(drive.path() / "Windows/System32/config");
  for (const char* hive : {"SYSTEM", "SOFTWARE"}) {
    std::filesystem::copy_file(hives / hive, drive.path() / "Windows/System32/config" / hive);
  }
  drive.write("Windows/System32/inetsrv/config/applicationHost.config", R"(<configuration>
  <system.applicationHost>
    <applicationPools><add name="Shop" managedRuntimeVersion="v4.0" /></applicationPools>
    <sites>
      <site name="Shop" id="1">
        <application path="/" applicationPool="Shop">
          <virtualDirectory path="/" physicalPath="C:\Sites\Shop" />
        </application>
        <application path="/orders" applicationPool="Shop">
          <virtualDirectory path="/" physicalPath="C:\Sites\Shop\orders" />
        </application>
        <bindings><binding protocol="http" bindingInformation="*:80:" /></bindings>
      </site>
    </sites>
  </system.applicationHost>
</configuration>)");
  drive.write("Sites/Shop/web.config",
              R"(<configuration><system.web><compilation targetFramework="4.8" />)"
              R"(</system.web></configuration>)");
  drive.write("Sites/Shop/Default.aspx", "<%@ Page Language=\"C#\" %>");
  drive.write("Sites/Shop/admin/web.config",
              R"(<configuration><system.web><authorization><deny users="?" /></authorization>)"
              R"(</system.web></configuration>)");
  drive.write("Sites/Shop/orders/web.config",
              R"(<configuration><connectionStrings><add name="Orders" )"
              R"(connectionString="Server=sql01;Database=Orders;Integrated Security=true" />)"
              R"(</connectionStrings><system.web><compilation targetFramework="4.8" />)"
              R"(</system.web></configuration>)");
  drive.write("Sites/Shop/orders/Default.aspx", "<%@ Page Language=\"C#\" %>");
  Inventory inv = collect({drive.path().string()});
  const std::string source = drive.path().filename().string();
  const Application* shop = find_app(inv, source + "/iis/Shop");
  const Application* orders = find_app(inv, source + "/iis/Shop/orders");
  ASSERT_NE(shop, nullptr);
  ASSERT_NE(orders, nullptr);
  std::vector<std::string> shop_configs;
  for (const auto& c : shop->configs) shop_configs.push_back(c.path);
  EXPECT_EQ(shop_configs,
            (std::vector<std::string>{"Sites/Shop/web.config", "Sites/Shop/admin/web.config"}));
  ASSERT_FALSE(orders->configs.empty());
  EXPECT_EQ(orders->configs[0].path, "Sites/Shop/orders/web.config");
  for (const auto& c : orders->configs) EXPECT_NE(c.path, "Sites/Shop/web.config");
}

bool has_module(const IisInfo& iis, const std::string& module, const std::string& evidence) {
  for (const auto& m : iis.modules) {
    if (m.module == module && m.evidence.find(evidence) != std::string::npos) return true;
  }
  return false;
}

TEST(ServerApps, SiteModulesFromItsWebConfigAndPagesJoinApplicationHost) {
  test::TempDir drive;
  drive.write(
      "Windows/System32/inetsrv/config/applicationHost.config",
      test::read_text(test::source_dir() / "tests/data/formats/iis/applicationHost.config"));
  drive.write("Sites/Shop/web.config",
              test::read_text(test::source_dir() / "tests/data/formats/iis/web.config"));
  drive.write("Sites/Shop/default.htm", "<html></html>");
  drive.write("Sites/Secure/orders/list.asp", "<% Response.Write(\"x\") %>");
  DirectoryVolume volume(drive.path());
  std::vector<Problem> problems;
  auto apps = collect_server_apps(volume, MachineFacts{}, "srv", ReadLimits{}, problems);
  const Application* shop = nullptr;
  const Application* secure = nullptr;
  for (const auto& a : apps) {
    if (a.id == "srv/iis/Shop") shop = &a;
    if (a.id == "srv/iis/Secure") secure = &a;
  }
  ASSERT_TRUE(shop && secure);
  ASSERT_TRUE(shop->iis && secure->iis);
  // applicationHost.config's <location path="Shop"> and the site's own web.config.
  EXPECT_TRUE(has_module(*shop->iis, "url-rewrite", "applicationHost.config <location"));
  EXPECT_TRUE(has_module(*shop->iis, "isapi", "Sites/Shop/web.config"));
  EXPECT_TRUE(has_module(*shop->iis, "websocket", "Sites/Shop/web.config"));
  EXPECT_FALSE(has_module(*shop->iis, "classic-asp", ""));
  // A classic ASP page in the site's folder, though no location says so.
  EXPECT_TRUE(has_module(*secure->iis, "classic-asp", "Sites/Secure/orders/list.asp"));
  EXPECT_EQ(shop->iis->nested_apps.size(), 3u);
}

TEST(ServerApps, VolumePaths) {
  EXPECT_EQ(volume_path("C:\\inetpub\\wwwroot"), "inetpub/wwwroot");
  EXPECT_EQ(volume_path("%SystemDrive%\\inetpub\\wwwroot\\"), "inetpub/wwwroot");
  EXPECT_EQ(volume_path("%windir%\\Temp"), "Windows/Temp");
  EXPECT_EQ(volume_path("D:\\Sites\\Reports"), "D:/Sites/Reports");  // drive D:'s folder
  EXPECT_EQ(volume_path("d:\\"), "D:");
  EXPECT_EQ(volume_path("\\\\server\\share"), std::nullopt);
  EXPECT_EQ(volume_path("C:\\inetpub\\..\\..\\..\\etc"), std::nullopt);  // never leaves the volume
}

// WEBSRV01 serves four sites that are not .NET projects, each found from
// applicationHost.config with the runtime its files and handlers show.
TEST(ServerApps, SitesThatAreNotDotNetProjects) {
  Inventory inv = collect({(test::fixtures() / "websites" / "websrv01").string()});
  std::string ids;
  for (const auto& a : inv.apps) ids += a.id + "\n";
  ASSERT_EQ(inv.apps.size(), 4u) << ids;

  const Application* asp = find_app(inv, "websrv01/iis/Order Desk");
  ASSERT_NE(asp, nullptr) << ids;
  EXPECT_EQ(asp->kind, AppKind::kWeb);
  // Classic ASP, though its bin holds .NET assemblies: they are ComVisible
  // components its pages create, not ASP.NET.
  EXPECT_EQ(asp->framework.kind, FrameworkKind::kClassicAsp);
  EXPECT_EQ(asp->framework.evidence,
            "inetpub/OrderDesk/global.asa: classic ASP (3 .asp page(s), global.asa)");
  EXPECT_TRUE(has_module(*asp->iis, "classic-asp", "inetpub/OrderDesk/"));

  // PHP is registered server-wide: the site has .php pages and no web.config.
  const Application* blog = find_app(inv, "websrv01/iis/Blog");
  ASSERT_NE(blog, nullptr) << ids;
  EXPECT_EQ(blog->framework.kind, FrameworkKind::kPhp);
  const IisModuleUse* fastcgi = nullptr;
  for (const auto& m : blog->iis->modules) {
    if (m.module == "fastcgi") fastcgi = &m;
  }
  ASSERT_NE(fastcgi, nullptr);
  EXPECT_EQ(fastcgi->program, "C:\\PHP\\php-cgi.exe");
  EXPECT_TRUE(fastcgi->server_config);
  EXPECT_TRUE(fastcgi->program_present);
  EXPECT_NE(fastcgi->evidence.find("system.webServer/fastCgi application C:\\PHP\\php-cgi.exe"),
            std::string::npos)
      << fastcgi->evidence;
  // The server-wide handler does not make the other sites PHP sites.
  const Application* node = find_app(inv, "websrv01/iis/Status Board");
  ASSERT_NE(node, nullptr) << ids;
  EXPECT_EQ(node->framework.kind, FrameworkKind::kNode);
  EXPECT_FALSE(has_module(*node->iis, "fastcgi", ""));
  EXPECT_TRUE(has_module(*node->iis, "iisnode", "inetpub/StatusBoard/web.config"));

  const Application* files = find_app(inv, "websrv01/iis/Default Web Site");
  ASSERT_NE(files, nullptr) << ids;
  EXPECT_EQ(files->framework.kind, FrameworkKind::kStatic);
  EXPECT_FALSE(has_module(*files->iis, "fastcgi", ""));
}

// WEBSRV01's SOFTWARE\Classes registers COM servers (tests/fixtures/websites/build.sh):
// the Order Desk's own in its bin folder, a vendor's its upload page creates by
// ProgID, Windows' CDO (never an application's) and one whose DLL is gone.
TEST(ServerApps, ComServersRegisteredOnTheServerBelongToTheSiteThatHoldsOrNamesThem) {
  Inventory inv = collect({(test::fixtures() / "websites" / "websrv01").string()});
  ASSERT_EQ(inv.sources.size(), 1u);
  ASSERT_NE(inv.sources[0].machine, nullptr);
  std::string registered;
  for (const auto& c : inv.sources[0].machine->com_classes) registered += c.file + "\n";
  // CDO and the Framework's mscorlib class are Windows'.
  EXPECT_EQ(inv.sources[0].machine->com_classes.size(), 6u) << registered;

  const Application* asp = find_app(inv, "websrv01/iis/Order Desk");
  ASSERT_NE(asp, nullptr);
  std::string mine;
  for (const auto& c : asp->com_classes) mine += c.registry_key + " " + c.path + "\n";
  ASSERT_EQ(asp->com_classes.size(), 6u) << mine;
  auto find = [&](std::string_view file) -> const ComClassInfo* {
    for (const auto& c : asp->com_classes) {
      if (c.file.ends_with(file)) return &c;
    }
    return nullptr;
  };
  const ComClassInfo* pricing = find("\\OrderPricing.dll");
  ASSERT_NE(pricing, nullptr) << mine;
  EXPECT_EQ(pricing->path, "inetpub/OrderDesk/bin/OrderPricing.dll");
  EXPECT_TRUE(pricing->in_app_folder);
  EXPECT_TRUE(pricing->wow64);
  EXPECT_EQ(pricing->machine, "x86");  // i686-w64-mingw32-gcc built it
  EXPECT_EQ(pricing->threading_model, "Apartment");
  EXPECT_EQ(pricing->prog_ids,
            (std::vector<std::string>{"OrderDesk.Pricing.1", "OrderDesk.Pricing"}));

  const ComClassInfo* reports = find("\\OrderReports.exe");
  ASSERT_NE(reports, nullptr) << mine;
  EXPECT_EQ(reports->server_key, "LocalServer32");
  EXPECT_EQ(reports->machine, "x64");
  EXPECT_TRUE(reports->in_app_folder);

  // Under Program Files, not the site's folder: the site's page names it.
  const ComClassInfo* upload = find("\\AspUpload.dll");
  ASSERT_NE(upload, nullptr) << mine;
  EXPECT_FALSE(upload->in_app_folder);
  EXPECT_EQ(upload->path, "Program Files/Persits Software/AspUpload/AspUpload.dll");
  EXPECT_EQ(upload->named_by, "inetpub/OrderDesk/upload.asp:5 creates Persits.Upload");

  // Registered into the site's folder, but the DLL is not there.
  const ComClassInfo* gone = find("\\OrderLegacy.dll");
  ASSERT_NE(gone, nullptr) << mine;
  EXPECT_TRUE(gone->in_app_folder);
  EXPECT_EQ(gone->path, "");

  // A .NET class the 32-bit RegAsm /codebase registered: its CodeBase's file.
  auto find_class = [&](std::string_view clr_class) -> const ComClassInfo* {
    for (const auto& c : asp->com_classes) {
      if (c.clr_class == clr_class) return &c;
    }
    return nullptr;
  };
  const ComClassInfo* invoices = find_class("OrderDesk.Invoices.InvoiceWriter");
  ASSERT_NE(invoices, nullptr) << mine;
  EXPECT_EQ(invoices->file, "C:\\inetpub\\OrderDesk\\bin\\OrderInvoices.DLL");
  EXPECT_EQ(invoices->path, "inetpub/OrderDesk/bin/OrderInvoices.dll");
  EXPECT_TRUE(invoices->in_app_folder);
  EXPECT_FALSE(invoices->by_assembly_name);
  EXPECT_TRUE(invoices->wow64);
  EXPECT_EQ(invoices->machine, "");  // RegAsm's view decides, not the AnyCPU header
  EXPECT_EQ(invoices->named_by, "inetpub/OrderDesk/invoice.asp:6 creates OrderDesk.Invoices");
  // One from the GAC (no CodeBase): the site's DLL named as its assembly.
  const ComClassInfo* mail = find_class("OrderDesk.Mail.Notifier");
  ASSERT_NE(mail, nullptr) << mine;
  EXPECT_EQ(mail->file, "");
  EXPECT_EQ(mail->path, "inetpub/OrderDesk/bin/OrderDesk.Mail.dll");
  EXPECT_TRUE(mail->in_app_folder);
  EXPECT_TRUE(mail->by_assembly_name);
  EXPECT_FALSE(mail->wow64);

  // The other sites neither hold nor name any of them.
  for (const auto& a : inv.apps) {
    if (a.id != asp->id) {
      EXPECT_TRUE(a.com_classes.empty()) << a.id;
    }
  }
}

}  // namespace
}  // namespace liftshift
