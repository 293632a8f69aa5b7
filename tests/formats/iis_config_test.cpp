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
