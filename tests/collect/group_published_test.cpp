// Published folders of IIS sites that are not .NET projects: classic ASP,
// PHP through FastCGI, Node.js through iisnode, static files, each found by
// its files with the runtime it needs.
#include <gtest/gtest.h>

#include <filesystem>

#include "collect/collect.hpp"
#include "test_support.hpp"

namespace liftshift {
namespace {

Inventory site(const std::string& name) {
  return collect({(test::fixtures() / "websites" / name).string()});
}

bool has_hit(const Application& app, SourceCategory category, std::string_view text) {
  for (const auto& h : app.source_hits) {
    if (h.category == category && h.text.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(GroupPublished, ClassicAspSiteWithGlobalAsa) {
  Inventory inv = site("classic-asp");
  ASSERT_EQ(inv.apps.size(), 1u);
  const Application& app = inv.apps[0];
  EXPECT_EQ(app.kind, AppKind::kWeb);
  EXPECT_EQ(app.framework.kind, FrameworkKind::kClassicAsp);
  EXPECT_EQ(app.entry, "global.asa");
  EXPECT_EQ(app.framework.evidence, "global.asa: classic ASP (2 .asp page(s), global.asa)");
  EXPECT_TRUE(has_hit(app, SourceCategory::kAspComObject, "ADODB.Connection"));
  EXPECT_TRUE(has_hit(app, SourceCategory::kAspComObject, "Persits.Upload"));
  EXPECT_TRUE(has_hit(app, SourceCategory::kAspConnection, "Provider=SQLOLEDB"));
  for (const auto& p : inv.problems)
    EXPECT_EQ(p.message.find("no application found"), std::string::npos);
}

// Native COM servers in bin/ (OrderPricing.dll, built by mingw-w64) are the
// components the pages create: the site stays classic ASP. A .NET assembly
// there would make it ASP.NET.
TEST(GroupPublished, ClassicAspSiteWithNativeComponentsInBin) {
  test::TempDir dir;
  std::filesystem::copy(test::fixtures() / "websites" / "classic-asp", dir.path(),
                        std::filesystem::copy_options::recursive);
  std::filesystem::create_directories(dir.path() / "bin");
  std::filesystem::copy(test::fixtures() / "websites" / "websrv01" / "inetpub" / "OrderDesk" /
                            "bin" / "OrderPricing.dll",
                        dir.path() / "bin" / "OrderPricing.dll");
  Inventory inv = collect({dir.path().string()});
  ASSERT_EQ(inv.apps.size(), 1u);
  EXPECT_EQ(inv.apps[0].kind, AppKind::kWeb);
  EXPECT_EQ(inv.apps[0].framework.kind, FrameworkKind::kClassicAsp)
      << inv.apps[0].framework.evidence;
}

TEST(GroupPublished, PhpSiteThroughAFastCgiHandler) {
  Inventory inv = site("php");
  ASSERT_EQ(inv.apps.size(), 1u);
  const Application& app = inv.apps[0];
  EXPECT_EQ(app.kind, AppKind::kWeb);
  EXPECT_EQ(app.framework.kind, FrameworkKind::kPhp);
  EXPECT_EQ(app.entry, "web.config");
  EXPECT_NE(app.framework.evidence.find("FastCGI handler 'PHP_via_FastCGI' for *.php "
                                        "(C:\\PHP\\php-cgi.exe)"),
            std::string::npos)
      << app.framework.evidence;
  ASSERT_EQ(app.configs.size(), 1u);
  ASSERT_FALSE(app.configs[0].iis_modules.empty());
  EXPECT_EQ(app.configs[0].iis_modules[0].program, "C:\\PHP\\php-cgi.exe");
  EXPECT_EQ(app.configs[0].iis_modules[0].handler_path, "*.php");
  EXPECT_FALSE(app.configs[0].iis_modules[0].server_config);
}

TEST(GroupPublished, NodeSiteThroughIisnode) {
  Inventory inv = site("node");
  ASSERT_EQ(inv.apps.size(), 1u);
  const Application& app = inv.apps[0];
  EXPECT_EQ(app.kind, AppKind::kWeb);
  EXPECT_EQ(app.framework.kind, FrameworkKind::kNode);
  EXPECT_NE(app.framework.evidence.find("iisnode handler 'iisnode' for server.js"),
            std::string::npos)
      << app.framework.evidence;
}

TEST(GroupPublished, StaticSiteOfFilesOnly) {
  Inventory inv = site("static");
  ASSERT_EQ(inv.apps.size(), 1u);
  const Application& app = inv.apps[0];
  EXPECT_EQ(app.kind, AppKind::kWeb);
  EXPECT_EQ(app.framework.kind, FrameworkKind::kStatic);
  EXPECT_EQ(app.entry, "index.html");
}

TEST(GroupPublished, FilesWithServerCodeAreNoStaticSite) {
  test::TempDir tmp;
  tmp.write("index.html", "<html></html>");
  tmp.write("deploy.ps1", "Copy-Item x y");
  Inventory inv = collect({tmp.path().string()});
  EXPECT_TRUE(inv.apps.empty());
}

}  // namespace
}  // namespace liftshift
