#include "formats/iis_modules.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace liftshift {
namespace {

std::string modules_of(const std::vector<IisModuleUse>& uses) {
  std::string out;
  for (const auto& u : uses) out += (out.empty() ? "" : ",") + u.module;
  return out;
}

TEST(IisModules, WebConfigRewriteMapsIsapiAndWebSockets) {
  auto text = test::read_text(test::source_dir() / "tests/data/formats/iis/web.config");
  auto uses = iis_modules_of_web_config(text, "Shop/web.config");
  // ASP.NET's own aspnet_isapi.dll handler is not an ISAPI need; report.dll is.
  EXPECT_EQ(modules_of(uses), "url-rewrite,isapi,websocket");
  EXPECT_NE(uses[0].evidence.find("Shop/web.config: system.webServer/rewrite (0 rule(s), "
                                  "rewrite maps)"),
            std::string::npos)
      << uses[0].evidence;
  EXPECT_NE(uses[1].evidence.find("report.dll"), std::string::npos) << uses[1].evidence;
}

TEST(IisModules, RedirectsAreRewriteOnlyProxiesAreArr) {
  auto redirect = iis_modules_of_web_config(
      "<configuration><system.webServer><rewrite><rules><rule name='r'><action type='Redirect' "
      "url='https://elsewhere/'/></rule></rules></rewrite></system.webServer></configuration>",
      "web.config");
  EXPECT_EQ(modules_of(redirect), "url-rewrite");
  auto proxy = iis_modules_of_web_config(
      "<configuration><location path='api'><system.webServer><rewrite><rules><rule "
      "name='p'><action type='Rewrite' url='http://backend:5000/{R:1}'/></rule></rules></rewrite>"
      "</system.webServer></location></configuration>",
      "web.config");
  EXPECT_EQ(modules_of(proxy), "url-rewrite,arr");
  auto asp = iis_modules_of_web_config(
      "<configuration><system.webServer><handlers><add name='ASP' path='*.asp' "
      "modules='IsapiModule'/></handlers></system.webServer></configuration>",
      "web.config");
  EXPECT_EQ(modules_of(asp), "classic-asp");
}

TEST(IisModules, OneHandlersUse) {
  pugi::xml_document doc;
  ASSERT_TRUE(
      doc.load_string("<handlers><add name='php' path='*.php' modules='FastCgiModule' "
                      "scriptProcessor='C:\\php\\php-cgi.exe'/><add name='static' path='*' "
                      "modules='StaticFileModule'/></handlers>"));
  auto handlers = doc.child("handlers");
  auto php = handler_use(handlers.first_child(), "applicationHost.config (server-wide)");
  ASSERT_TRUE(php.has_value());
  EXPECT_EQ(php->module, "fastcgi");
  EXPECT_EQ(php->handler_path, "*.php");
  EXPECT_TRUE(php->server_config);
  EXPECT_FALSE(handler_use(handlers.last_child(), "web.config").has_value());
}

TEST(IisModules, MalformedOrHugeInputIsBounded) {
  EXPECT_TRUE(iis_modules_of_web_config("<configuration><system.webServer>", "w").empty());
  EXPECT_TRUE(iis_modules_of_web_config("", "w").empty());
  std::string many = "<configuration><system.webServer><rewrite><rules>";
  for (int i = 0; i < 30'000; ++i) many += "<rule name='r'><action type='None'/></rule>";
  many += "</rules></rewrite></system.webServer></configuration>";
  auto uses = iis_modules_of_web_config(many, "w");
  ASSERT_EQ(uses.size(), 1u);
  EXPECT_NE(uses[0].evidence.find("(10000 rule(s))"), std::string::npos) << uses[0].evidence;
}

}  // namespace
}  // namespace liftshift
