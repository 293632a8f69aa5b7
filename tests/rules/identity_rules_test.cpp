#include <gtest/gtest.h>

#include "rule_test_support.hpp"

namespace liftshift {
namespace {

using test::rulefx::evidence_of;
using test::rulefx::fires;
using test::rulefx::joined;
using test::rulefx::web_app;

TEST(AdDependentRule, QuietForFormsAuthenticationWithSqlLogins) {
  Application app = web_app();
  app.configs[0].authentication_mode = "Forms";
  ConnectionStringFacts cs;
  cs.name = "Main";
  cs.server = "sql01";
  app.configs[0].connection_strings.push_back(cs);
  EXPECT_FALSE(fires("ad-dependent", app));
}

TEST(AdDependentRule, FiresOnWindowsAuthIntegratedSecurityAndDirectoryServices) {
  Application app = web_app();
  app.configs[0].authentication_mode = "Windows";
  ConnectionStringFacts cs;
  cs.name = "Reports";
  cs.server = "sql02";
  cs.integrated_security = true;
  app.configs[0].connection_strings.push_back(cs);
  app.source_hits.push_back(
      test::rulefx::hit("directoryservices", "DirectorySearcher", "Users.cs"));
  auto e = joined(evidence_of("ad-dependent", app));
  EXPECT_NE(e.find("web.config: system.web/authentication mode=\"Windows\""), std::string::npos)
      << e;
  EXPECT_NE(e.find("'Reports' uses Integrated Security (Windows login to sql02)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("Users.cs:12: DirectorySearcher"), std::string::npos) << e;
}

TEST(AdDependentRule, FiresOnWcfWindowsCredentials) {
  Application app = web_app();
  BindingFacts b;
  b.type = "netTcpBinding";
  b.name = "secure";
  b.client_credential_type = "Windows";
  app.configs[0].bindings.push_back(b);
  EXPECT_EQ(evidence_of("ad-dependent", app),
            Evidence{"web.config: netTcpBinding 'secure' clientCredentialType=\"Windows\""});
}

}  // namespace
}  // namespace liftshift
