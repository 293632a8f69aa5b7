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
// A Win32 function counts in its A/W and Ex forms, not as the prefix of
// another function, and once per binary however many tables name it.
TEST(AppQueries, ImportsFunctionMatchesTheFunctionNotItsPrefix) {
  Application app;
  BinaryFacts tool;
  tool.path = "Tool.exe";
  tool.imports = {{"USER32.dll", {"GetMessagePos", "GetMessageTime"}}};
  app.binaries = {tool};
  EXPECT_TRUE(imports_function(app, "user32.dll", "GetMessage").empty());
  EXPECT_TRUE(gui_evidence(app).empty());
  app.binaries[0].imports = {{"USER32.dll", {"GetMessageW"}}};
  app.binaries[0].delay_imports = {{"user32.dll", {"GetMessageA"}}};
  EXPECT_EQ(imports_function(app, "user32.dll", "GetMessage"),
            Evidence{"Tool.exe: imports USER32.dll!GetMessageW"});
  app.binaries[0].imports = {{"ADVAPI32.dll", {"RegSetValueExW"}}};
  EXPECT_EQ(imports_function(app, "advapi32.dll", "RegSetValue"),
            Evidence{"Tool.exe: imports ADVAPI32.dll!RegSetValueExW"});
}

TEST(AppQueries, ComComponentsByOrigin) {
  EXPECT_EQ(com_component_origin("ADODB.Recordset"), ComOrigin::kWindows);
  EXPECT_EQ(com_component_origin("WinHttp.WinHttpRequest.5.1"), ComOrigin::kWindows);
  EXPECT_EQ(com_component_origin("CDO.Message"), ComOrigin::kWindowsNotInCoreVerified);
  EXPECT_EQ(com_component_origin("Shell.Application"), ComOrigin::kWindowsNotInCoreVerified);
  EXPECT_EQ(com_component_origin("MSWC.BrowserType"), ComOrigin::kWindowsNotInCoreVerified);
  EXPECT_EQ(com_component_origin("Persits.MailSender"), ComOrigin::kThirdParty);
  EXPECT_EQ(com_component_origin("Shell.ApplicationX.Tool"), ComOrigin::kWindowsNotInCoreVerified)
      << "a prefix: the ProgID's version and suffix do not matter";
}

TEST(AppQueries, AndMoreNamesTheOthers) {
  EXPECT_EQ(and_more(0, "file", "files"), "");
  EXPECT_EQ(and_more(1, "file", "files"), " (and 1 more file)");
  EXPECT_EQ(and_more(3, "binary", "binaries"), " (and 3 more binaries)");
}

}  // namespace liftshift
