#include "collect/server_apps.hpp"

#include <gtest/gtest.h>

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
  EXPECT_EQ(reports->not_assessed,
            "site 'Reports' serves D:\\Sites\\Reports, which is not on this volume");
  EXPECT_TRUE(find_app(inv, "appsrv01/iis/Default Web Site")->not_assessed.empty());
  bool reported = false;
  for (const auto& p : inv.problems) {
    reported =
        reported ||
        p.message.find("site 'Reports' serves D:\\Sites\\Reports, which is not on this volume") !=
            std::string::npos;
  }
  EXPECT_TRUE(reported);
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
  EXPECT_EQ(volume_path("D:\\Sites\\Reports"), std::nullopt);
  EXPECT_EQ(volume_path("\\\\server\\share"), std::nullopt);
  EXPECT_EQ(volume_path("C:\\inetpub\\..\\..\\..\\etc"), std::nullopt);  // never leaves the volume
}

}  // namespace
}  // namespace liftshift
