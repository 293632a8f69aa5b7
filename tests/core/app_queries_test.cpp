// Queries over an Application's facts that collectors, rules and the plan share.
#include "core/app_queries.hpp"

#include <gtest/gtest.h>

namespace liftshift {
namespace {

// The site's modules first, then each config's, once per module and program.
TEST(AppQueries, IisModuleUsesJoinsTheSiteAndItsConfigsOnce) {
  Application app;
  app.iis = IisInfo{};
  app.iis->modules.push_back({"url-rewrite", "applicationHost.config: rewrite"});
  app.iis->modules.push_back({"fastcgi", "applicationHost.config: php", "C:\\PHP\\php-cgi.exe"});
  ConfigFacts root;
  root.iis_modules.push_back({"url-rewrite", "web.config: rewrite"});
  root.iis_modules.push_back({"fastcgi", "web.config: php", "c:\\php\\PHP-CGI.exe"});
  root.iis_modules.push_back({"fastcgi", "web.config: python", "C:\\Python\\python.exe"});
  ConfigFacts sub;
  sub.iis_modules.push_back({"iisnode", "api/web.config: iisnode"});
  app.configs = {root, sub};
  auto uses = iis_module_uses(app);
  ASSERT_EQ(uses.size(), 4u);
  EXPECT_EQ(uses[0].evidence, "applicationHost.config: rewrite");
  EXPECT_EQ(uses[1].evidence, "applicationHost.config: php");
  EXPECT_EQ(uses[2].evidence, "web.config: python");
  EXPECT_EQ(uses[3].evidence, "api/web.config: iisnode");
}

TEST(AppQueries, IisModuleUsesOfAFolderSiteAreItsConfigs) {
  Application app;
  ConfigFacts c;
  c.iis_modules.push_back({"classic-asp", "web.config: handler 'ASPClassic' for *.asp"});
  app.configs = {c};
  auto uses = iis_module_uses(app);
  ASSERT_EQ(uses.size(), 1u);
  EXPECT_EQ(uses[0].module, "classic-asp");
  EXPECT_TRUE(iis_module_uses(Application{}).empty());
}

}  // namespace
}  // namespace liftshift
