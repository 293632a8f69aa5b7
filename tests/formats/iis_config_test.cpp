#include "formats/iis_config.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

TEST(IisConfig, ReadsSitesApplicationsBindingsAndPools) {
  auto text =
      test::read_text(test::source_dir() / "samples/legacy-server/config/applicationHost.config");
  auto r = parse_iis_config(text, "applicationHost.config");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->apps.size(), 3u);
  const IisInfo& def = r->apps[0];
  EXPECT_EQ(def.site, "Default Web Site");
  EXPECT_EQ(def.app_path, "/");
  EXPECT_EQ(def.physical_path, "%SystemDrive%\\inetpub\\wwwroot");
  EXPECT_EQ(def.app_pool, "DefaultAppPool");
  EXPECT_EQ(def.runtime_version, "v4.0");
  EXPECT_EQ(def.identity, "ApplicationPoolIdentity");
  const IisInfo& web = r->apps[1];
  EXPECT_EQ(web.site, "Contoso Web");
  EXPECT_EQ(web.identity, "SpecificUser: CONTOSO\\svc_web");
  ASSERT_EQ(web.bindings.size(), 2u);
  EXPECT_EQ(web.bindings[1].protocol, "https");
  EXPECT_EQ(web.bindings[1].port, 443);
  EXPECT_EQ(web.bindings[1].host, "www.contoso.local");
  EXPECT_EQ(r->apps[2].runtime_version, "v2.0");
  EXPECT_EQ(r->apps[2].pipeline_mode, "Classic");
  EXPECT_EQ(r->windows_auth_paths, std::vector<std::string>{"Contoso Web"});
  // Virtual directories below the root, with the connect-as user but never its password.
  EXPECT_TRUE(def.virtual_dirs.empty());
  ASSERT_EQ(web.virtual_dirs.size(), 2u);
  EXPECT_EQ(web.virtual_dirs[0].path, "/catalog");
  EXPECT_EQ(web.virtual_dirs[0].physical_path, "E:\\Shared\\Catalog");
  EXPECT_EQ(web.virtual_dirs[0].user_name, "");
  EXPECT_EQ(web.virtual_dirs[1].path, "/media");
  EXPECT_EQ(web.virtual_dirs[1].physical_path, "\\\\fs01\\media$");
  EXPECT_EQ(web.virtual_dirs[1].user_name, "CONTOSO\\svc_media");
  EXPECT_EQ(web.physical_path, "C:\\inetpub\\ContosoWeb");
  // The app pool password never leaves the parser.
  for (const auto& p : r->pools) EXPECT_EQ(p.identity.find("enc:"), std::string::npos);
}

const IisInfo* find_app(const IisConfigFacts& r, const std::string& site, const std::string& path) {
  for (const auto& a : r.apps) {
    if (a.site == site && a.app_path == path) return &a;
  }
  return nullptr;
}

bool has_module(const IisInfo& app, const std::string& module) {
  for (const auto& m : app.modules) {
    if (m.module == module) return true;
  }
  return false;
}

TEST(IisConfig, PoolsNestedApplicationsAuthenticationAndModules) {
  auto text = test::read_text(test::source_dir() / "tests/data/formats/iis/applicationHost.config");
  auto r = parse_iis_config(text, "applicationHost.config");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->apps.size(), 5u);
  const IisInfo* shop = find_app(*r, "Shop", "/");
  const IisInfo* legacy = find_app(*r, "Shop", "/legacy");
  const IisInfo* statics = find_app(*r, "Shop", "/legacy/static");
  const IisInfo* secure = find_app(*r, "Secure", "/");
  ASSERT_TRUE(shop && legacy && statics && secure);
  EXPECT_EQ(shop->site_id, 7);
  // Pools: v4.0 with a domain identity, v2.0 Classic 32-bit, no managed code.
  EXPECT_EQ(shop->app_pool, "Shop");
  EXPECT_EQ(shop->identity, "SpecificUser: CONTOSO\\svc_shop");
  EXPECT_FALSE(shop->enable_32bit);
  EXPECT_EQ(legacy->runtime_version, "v2.0");
  EXPECT_EQ(legacy->pipeline_mode, "Classic");
  EXPECT_TRUE(legacy->enable_32bit);
  EXPECT_EQ(statics->runtime_version, "") << "managedRuntimeVersion=\"\": no managed code";
  EXPECT_EQ(statics->identity, "NetworkService");
  // Nested applications, each with its pool; the root has all three below it.
  ASSERT_EQ(shop->nested_apps.size(), 3u);
  EXPECT_EQ(shop->nested_apps[0].app_path, "/legacy");
  EXPECT_EQ(shop->nested_apps[0].app_pool, "ShopLegacy");
  EXPECT_EQ(shop->nested_apps[0].physical_path, "C:\\Sites\\Shop\\legacy");
  EXPECT_TRUE(shop->nested_apps[0].nested_apps.empty()) << "not repeated below";
  ASSERT_EQ(legacy->nested_apps.size(), 1u);
  EXPECT_EQ(legacy->nested_apps[0].app_path, "/legacy/static");
  EXPECT_TRUE(secure->nested_apps.empty());
  // Folders inside an application above: part of that one's content.
  EXPECT_EQ(shop->inside_of, "");
  EXPECT_EQ(legacy->inside_of, "/");
  EXPECT_EQ(statics->inside_of, "/legacy") << "the nearest";
  EXPECT_EQ(find_app(*r, "Shop", "/reports")->inside_of, "") << "C:\\Sites\\Reports is elsewhere";
  ASSERT_EQ(shop->virtual_dirs.size(), 1u);
  EXPECT_EQ(shop->virtual_dirs[0].physical_path, "E:\\Media\\Images");
  // Authentication: server level, then the site, then the nearer location.
  EXPECT_EQ(shop->authentication.anonymous, true);
  EXPECT_EQ(shop->authentication.windows, true);
  EXPECT_FALSE(shop->authentication.basic.has_value());
  EXPECT_EQ(legacy->authentication.windows, false) << "Shop/legacy overrides Shop";
  EXPECT_EQ(legacy->authentication.basic, true);
  EXPECT_EQ(statics->authentication.basic, true) << "inherited from Shop/legacy";
  EXPECT_EQ(secure->authentication.anonymous, false);
  EXPECT_EQ(secure->authentication.windows, true);
  // Modules from the locations that cover each application; the server-wide
  // handler list (classic ASP installed) is not a site's need.
  EXPECT_TRUE(has_module(*shop, "url-rewrite"));
  EXPECT_TRUE(has_module(*shop, "arr")) << "a Rewrite action to another host";
  EXPECT_FALSE(has_module(*shop, "classic-asp"));
  EXPECT_TRUE(has_module(*legacy, "classic-asp"));
  EXPECT_TRUE(has_module(*legacy, "websocket"));
  EXPECT_FALSE(has_module(*secure, "classic-asp"));
  EXPECT_TRUE(secure->modules.empty());
  // Bindings of the site: http with host, http, https, net.tcp.
  ASSERT_EQ(shop->bindings.size(), 4u);
  EXPECT_EQ(shop->bindings[3].protocol, "net.tcp");
  EXPECT_EQ(shop->bindings[3].port, 808);
}

// Locations match an application's path whatever its case or slashes; of
// two at the same path, the later in the file wins; "Shop/ap" covers no "Shop/api".
TEST(IisConfig, LocationsMatchByCaseInsensitivePathPrefix) {
  auto auth = [](const char* path, const char* windows) {
    return std::string("<location path=\"") + path +
           "\"><system.webServer><security><authentication><windowsAuthentication enabled=\"" +
           windows + "\"/></authentication></security></system.webServer></location>";
  };
  const std::string xml =
      "<configuration><system.applicationHost><sites><site name=\"Shop\" id=\"1\">"
      "<application path=\"/\"/><application path=\"/API\"/><application path=\"/apix\"/>"
      "</site></sites></system.applicationHost>" +
      auth("", "true") + auth("shop\\api\\", "false") + auth("SHOP/Api", "true") +
      auth("Shop/ap", "false") + "</configuration>";
  auto r = parse_iis_config(xml, "applicationHost.config");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->apps.size(), 3u);
  EXPECT_EQ(find_app(*r, "Shop", "/")->authentication.windows, true) << "the server-wide location";
  EXPECT_EQ(find_app(*r, "Shop", "/API")->authentication.windows, true) << "the later location";
  EXPECT_EQ(find_app(*r, "Shop", "/apix")->authentication.windows, true);
}

TEST(IisConfig, ThousandsOfApplicationsStayBounded) {
  std::string xml = "<configuration><system.applicationHost><sites><site name=\"S\" id=\"1\">";
  for (int i = 0; i < 20'000; ++i) {
    xml += "<application path=\"/a" + std::to_string(i) +
           "\"><virtualDirectory path=\"/\" physicalPath=\"C:\\s\\a\" /></application>";
  }
  xml +=
      "<application path=\"/\"><virtualDirectory path=\"/\" physicalPath=\"C:\\s\" "
      "/></application></site></sites></system.applicationHost></configuration>";
  auto r = parse_iis_config(xml, "applicationHost.config");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->apps.size(), 20'001u);
  const IisInfo* root = find_app(*r, "S", "/");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->nested_apps.size(), 64u) << "capped per application";
  std::size_t total = 0;
  for (const auto& a : r->apps) total += a.nested_apps.size();
  EXPECT_LE(total, 10'000u);
}

TEST(IisConfig, Bindings) {
  auto tcp = parse_binding("net.tcp", "808:*");
  EXPECT_EQ(tcp.port, 808);
  auto http = parse_binding("HTTP", "10.0.0.5:8080:");
  EXPECT_EQ(http.protocol, "http");
  EXPECT_EQ(http.address, "10.0.0.5");
  EXPECT_EQ(http.port, 8080);
  EXPECT_EQ(http.host, "");
}

TEST(IisConfig, MalformedAndEmpty) {
  auto bad = parse_iis_config("<configuration><system.applicationHost>", "applicationHost.config");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("applicationHost.config: XML error"), std::string::npos);
  auto empty = parse_iis_config("<configuration/>", "applicationHost.config");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->apps.empty());
  EXPECT_EQ(empty->warnings,
            std::vector<std::string>{"applicationHost.config: no system.applicationHost section"});
}

}  // namespace
}  // namespace liftshift
